/**
 * The tables, one `TableClient` each, made once per process and reused. Storage is
 * `TABLES_CONNECTION_STRING` (Azurite locally) or `TABLES_ENDPOINT` with ONE
 * `DefaultAzureCredential` (the Function App's managed identity) shared by every client, so
 * the token is fetched and cached once, not once per table.
 */
import { TableClient, type TableServiceClientOptions } from '@azure/data-tables';
import { DefaultAzureCredential } from '@azure/identity';

export interface StorageConfig {
  connectionString?: string;
  endpoint?: string;
  /** Prefix of every table name: letters and digits only. */
  prefix?: string;
}

export const TABLE_NAMES = ['records', 'totals', 'snapshots', 'orgs', 'frozen', 'digests'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** Requests sent to storage and the bytes of their answers, counted since the tables were made. */
export interface StorageStats {
  requests: number;
  bytesReceived: number;
}

export interface Tables {
  readonly clients: Readonly<Record<TableName, TableClient>>;
  /** What this process asked of storage (for tests that prove a request's cost, and benches). */
  readonly stats: StorageStats;
  /** Creates the tables once (again after a failure). */
  ensure(): Promise<void>;
}

function clientOptions(url: string | undefined, stats: StorageStats): TableServiceClientOptions {
  return {
    additionalPolicies: [
      {
        position: 'perRetry',
        policy: {
          name: 'countStorageRequests',
          async sendRequest(request, next) {
            stats.requests++;
            const response = await next(request);
            stats.bytesReceived += response.bodyAsText?.length ?? 0;
            return response;
          },
        },
      },
    ],
    allowInsecureConnection: url === undefined || url.startsWith('http:'),
    // Fail fast when storage is down: the API answers 503 and the client retries.
    retryOptions: { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 1000 },
  };
}

function endpointOf(connectionString: string): string | undefined {
  return /TableEndpoint=([^;]+)/i.exec(connectionString)?.[1];
}

export function createTables(config: StorageConfig): Tables {
  const prefix = config.prefix ?? '';
  if (!/^[A-Za-z0-9]*$/.test(prefix) || (prefix !== '' && !/^[A-Za-z]/.test(prefix))) {
    throw new Error('TABLE_PREFIX must start with a letter and hold only letters and digits');
  }
  const credential = !config.connectionString && config.endpoint ? new DefaultAzureCredential() : null;
  const stats: StorageStats = { requests: 0, bytesReceived: 0 };
  const make = (name: TableName): TableClient => {
    const table = `${prefix}${name}`;
    if (config.connectionString) {
      return TableClient.fromConnectionString(config.connectionString, table, clientOptions(endpointOf(config.connectionString), stats));
    }
    if (config.endpoint && credential) {
      return new TableClient(config.endpoint, table, credential, clientOptions(config.endpoint, stats));
    }
    throw new Error('Storage not configured: set TABLES_CONNECTION_STRING or TABLES_ENDPOINT');
  };
  const clients = Object.fromEntries(TABLE_NAMES.map((n) => [n, make(n)])) as Record<TableName, TableClient>;
  let ready: Promise<void> | null = null;
  return {
    clients,
    stats,
    ensure() {
      if (!ready) {
        ready = Promise.all(TABLE_NAMES.map((n) => clients[n].createTable())).then(() => undefined);
        ready.catch(() => {
          ready = null;
        });
      }
      return ready;
    },
  };
}

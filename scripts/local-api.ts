/**
 * The local API as `npm start` runs it: Azurite (data in `.azurite/`, on AZURITE_PORT or 10002,
 * another free port when taken; none when TABLES_CONNECTION_STRING or TABLES_ENDPOINT is set) and the dev host on PORT (7071), with the
 * local admin key when API_KEYS is not set. Used by scripts/start.ts and scripts/demo.ts.
 */
import { TableClient } from '@azure/data-tables';
import { createServer } from 'node:net';
import path from 'node:path';
import { startDevHost } from '../functions/dev/host';
import { startAzurite, type AzuriteHandle } from './azurite';

/** Used when API_KEYS is not set: an admin key for every org, for local work only. */
export const LOCAL_DEV_KEYS = 'local-dev-key:admin:*:local-dev';
export const LOCAL_DEV_KEY = 'local-dev-key';
const AZURITE_DEFAULT_PORT = 10002;

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export interface LocalApi {
  /** `http://127.0.0.1:<port>` (routes under /api). */
  url: string;
  /** The tables' connection string (null with TABLES_ENDPOINT). */
  connectionString: string | null;
  close(): Promise<void>;
}

export async function startLocalApi(root = path.resolve(__dirname, '..')): Promise<LocalApi> {
  const port = Number(process.env.PORT ?? '7071');
  let azurite: AzuriteHandle | null = null;
  let connectionString = process.env.TABLES_CONNECTION_STRING;
  if (!connectionString && !process.env.TABLES_ENDPOINT) {
    const location = process.env.AZURITE_LOCATION ?? path.join(root, '.azurite');
    const wanted = Number(process.env.AZURITE_PORT ?? AZURITE_DEFAULT_PORT);
    const azuritePort = (await portIsFree(wanted)) ? wanted : 0;
    azurite = await startAzurite({ location, port: azuritePort });
    connectionString = azurite.connectionString;
    console.log(`Azurite (tables) on 127.0.0.1:${azurite.port}, data: ${location}`);
  }
  let apiKeys = process.env.API_KEYS;
  if (!apiKeys) {
    apiKeys = LOCAL_DEV_KEYS;
    console.log(`API_KEYS not set: using the local key "${LOCAL_DEV_KEY}" (admin, every org).`);
  }
  const host = await startDevHost({
    port,
    host: '127.0.0.1',
    env: {
      TABLES_CONNECTION_STRING: connectionString,
      TABLES_ENDPOINT: process.env.TABLES_ENDPOINT,
      API_KEYS: apiKeys,
      TABLE_PREFIX: process.env.TABLE_PREFIX,
      CORS_ORIGINS: process.env.CORS_ORIGINS,
    },
  });
  console.log(`API on ${host.url}/api (health: ${host.url}/api/health)`);
  return {
    url: host.url,
    connectionString: connectionString ?? null,
    async close() {
      await host.close().catch(() => undefined);
      await azurite?.stop().catch(() => undefined);
    },
  };
}

/** Whether no org has stored anything yet (the org index is empty or absent). */
export async function storeIsEmpty(connectionString: string, prefix = process.env.TABLE_PREFIX ?? ''): Promise<boolean> {
  const client = TableClient.fromConnectionString(connectionString, `${prefix}orgs`, { allowInsecureConnection: connectionString.includes('http:') });
  try {
    for await (const page of client.listEntities().byPage({ maxPageSize: 1 })) return page.length === 0;
    return true;
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 404) return true;
    throw e;
  }
}

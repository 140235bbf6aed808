/** What the handlers use, made once per process from the environment (app settings). */
import { parseApiKeys, type KeyRing } from './auth/keys';
import { Store } from './storage/store';
import { createTables } from './storage/tables';

export type ApiEnvName =
  | 'TABLES_CONNECTION_STRING'
  | 'TABLES_ENDPOINT'
  | 'API_KEYS'
  | 'TABLE_PREFIX'
  | 'CORS_ORIGINS';

export type ApiEnv = Partial<Record<ApiEnvName, string>>;

export interface Services {
  readonly store: Store;
  readonly keys: KeyRing;
  now(): Date;
  /** Structured log line; never given a key or a body. */
  log(message: string, fields?: Record<string, unknown>): void;
}

export function createServices(env: ApiEnv, overrides: Partial<Pick<Services, 'now' | 'log'>> = {}): Services {
  const tables = createTables({
    connectionString: env.TABLES_CONNECTION_STRING || undefined,
    endpoint: env.TABLES_ENDPOINT || undefined,
    prefix: env.TABLE_PREFIX || '',
  });
  return {
    store: new Store(tables),
    keys: parseApiKeys(env.API_KEYS),
    now: overrides.now ?? (() => new Date()),
    log:
      overrides.log ??
      ((message, fields) => {
        console.log(JSON.stringify({ at: new Date().toISOString(), message, ...fields }));
      }),
  };
}

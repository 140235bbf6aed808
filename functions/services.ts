/** What the handlers use, made once per process from the environment (app settings). */
import { parseAdminAccounts } from './auth/accounts';
import type { Identity } from './auth/caller';
import { createTokenVerifier, entraConfig } from './auth/entra';
import { randomBytes } from 'node:crypto';
import { parseApiKeys, type KeyRing } from './auth/keys';
import { MemberStore } from './storage/members';
import { StateStore } from './storage/state';
import { Store } from './storage/store';
import { createTables } from './storage/tables';

export type ApiEnvName =
  | 'TABLES_CONNECTION_STRING'
  | 'TABLES_ENDPOINT'
  | 'API_KEYS'
  | 'TABLE_PREFIX'
  | 'CORS_ORIGINS'
  | 'ENTRA_TENANT_ID'
  | 'ENTRA_CLIENT_ID'
  | 'ENTRA_AUDIENCE'
  | 'ENTRA_JWKS_URL'
  | 'ENTRA_ISSUER'
  | 'ADMIN_ACCOUNTS'
  | 'LINK_SECRET';

export type ApiEnv = Partial<Record<ApiEnvName, string>>;

export interface Services {
  readonly store: Store;
  /** The derived state kept per org (storage/state.ts). */
  readonly state: StateStore;
  readonly keys: KeyRing;
  /** Keys, bearer tokens, ADMIN_ACCOUNTS and members: who a caller is and what it may do. */
  readonly identity: Identity;
  /** The key of signed download links: LINK_SECRET, else random per process (links then die with it). */
  readonly linkSecret: Buffer;
  now(): Date;
  /** Structured log line; never given a key or a body. */
  log(message: string, fields?: Record<string, unknown>): void;
}

/** `overrides`: for tests, the clock, the log, and a store with a fault of the test's making. */
export function createServices(env: ApiEnv, overrides: Partial<Pick<Services, 'now' | 'log' | 'store'>> = {}): Services {
  const tables = createTables({
    connectionString: env.TABLES_CONNECTION_STRING || undefined,
    endpoint: env.TABLES_ENDPOINT || undefined,
    prefix: env.TABLE_PREFIX || '',
  });
  const log: Services['log'] =
    overrides.log ??
    ((message, fields) => {
      console.log(JSON.stringify({ at: new Date().toISOString(), message, ...fields }));
    });
  const keys = parseApiKeys(env.API_KEYS);
  return {
    store: overrides.store ?? new Store(tables),
    keys,
    identity: {
      keys,
      tokens: createTokenVerifier(entraConfig(env), (message, fields) => log(message, fields)),
      adminAccounts: parseAdminAccounts(env.ADMIN_ACCOUNTS),
      members: new MemberStore(tables),
    },
    linkSecret: env.LINK_SECRET ? Buffer.from(env.LINK_SECRET, 'utf8') : randomBytes(32),
    state: new StateStore(tables),
    now: overrides.now ?? (() => new Date()),
    log,
  };
}

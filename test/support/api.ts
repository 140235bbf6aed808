/**
 * Test helpers: a dev host on a free port against the run's Azurite, with its own table prefix,
 * and a small fetch wrapper.
 */
import { randomBytes } from 'node:crypto';
import { startDevHost, type DevHost } from '../../functions/dev/host';
import type { ApiEnv } from '../../functions/services';

export const KEYS = {
  admin: 'k-admin-demo',
  leader: 'k-leader-demo',
  editor: 'k-editor-demo',
  viewer: 'k-viewer-demo',
  other: 'k-editor-other',
  all: 'k-admin-all',
} as const;

export const TEST_API_KEYS = [
  `${KEYS.admin}:admin:demo:Admin Demo`,
  `${KEYS.leader}:leader:demo:Lãnh đạo Demo`,
  `${KEYS.editor}:editor:demo:Editor Demo`,
  `${KEYS.viewer}:viewer:demo`,
  `${KEYS.other}:editor:other:Editor Other`,
  `${KEYS.all}:admin:*:Admin All`,
].join(',');

/** A table prefix unique to this test file (letters and digits). */
export function uniquePrefix(label = 't'): string {
  return `${label.replace(/[^A-Za-z0-9]/g, '') || 't'}${randomBytes(4).toString('hex')}`;
}

export function testConnectionString(): string {
  const cs = process.env.TEST_TABLES_CONNECTION_STRING;
  if (!cs) throw new Error('TEST_TABLES_CONNECTION_STRING not set: run through jest (global-setup.ts)');
  return cs;
}

export interface TestApi {
  host: DevHost;
  url: string;
  env: ApiEnv;
  // Response bodies are JSON of many shapes; tests read them freely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  call(method: string, path: string, opts?: { key?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string> }): Promise<{ status: number; headers: Headers; body: any }>;
  close(): Promise<void>;
}

export async function startTestApi(env: Partial<ApiEnv> = {}, services?: Parameters<typeof startDevHost>[0]['services']): Promise<TestApi> {
  const fullEnv: ApiEnv = {
    TABLES_CONNECTION_STRING: testConnectionString(),
    API_KEYS: TEST_API_KEYS,
    TABLE_PREFIX: uniquePrefix(),
    ...env,
  };
  const host = await startDevHost({ port: 0, env: fullEnv, services: services ?? { log: () => undefined } });
  return {
    host,
    url: host.url,
    env: fullEnv,
    async call(method, path, opts = {}) {
      const headers: Record<string, string> = { ...opts.headers };
      const key = opts.key === undefined ? KEYS.admin : opts.key;
      if (key !== null) headers['x-api-key'] = key;
      let body: string | undefined;
      if (opts.rawBody !== undefined) body = opts.rawBody;
      else if (opts.body !== undefined) body = JSON.stringify(opts.body);
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${host.url}${path}`, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = null;
      if (text !== '') {
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = text;
        }
      }
      return { status: res.status, headers: res.headers, body: parsed };
    },
    close: () => host.close(),
  };
}

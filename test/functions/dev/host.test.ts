import { startAzurite } from '../../../scripts/azurite';
import { startDevHost } from '../../../functions/dev/host';
import { startTestApi, uniquePrefix, type TestApi } from '../../support/api';

describe('dev host', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ CORS_ORIGINS: 'https://localhost:3000' });
  });
  afterAll(() => api.close());

  it('answers health once storage is reachable', async () => {
    const res = await api.call('GET', '/api/health', { key: null });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', storage: 'ok' });
  });

  it('answers 404 with a JSON error for unknown paths, outside and inside /api', async () => {
    for (const path of ['/nope', '/api/nope', '/api/orgs/demo/unknown-kind/x/y']) {
      const res = await api.call('GET', path);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
      expect(typeof res.body.error.message).toBe('string');
    }
  });

  it('answers 405 for a known path with a wrong method', async () => {
    const res = await api.call('DELETE', '/api/health');
    expect(res.status).toBe(405);
    expect(res.body.error.code).toBe('METHOD_NOT_ALLOWED');
    expect(res.headers.get('allow')).toBe('GET');
  });

  it('starts the job on POST /admin/functions/recalculateTotals without a key (202), and answers 405 to other methods', async () => {
    const res = await fetch(`${api.url}/admin/functions/recalculateTotals`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(202);
    const get = await fetch(`${api.url}/admin/functions/recalculateTotals`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await get.json()).error.code).toBe('METHOD_NOT_ALLOWED');
    expect((await fetch(`${api.url}/admin/functions/nothing`, { method: 'POST' })).status).toBe(404);
  });

  it('answers CORS preflight and sets the allowed origin', async () => {
    const pre = await fetch(`${api.url}/api/health`, {
      method: 'OPTIONS',
      headers: { origin: 'https://localhost:3000', 'access-control-request-method': 'POST' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('https://localhost:3000');
    expect(pre.headers.get('access-control-allow-headers')).toContain('x-api-key');
    expect(pre.headers.get('access-control-allow-headers')).toContain('content-type');
    expect(pre.headers.get('access-control-allow-methods')).toEqual(expect.stringContaining('PUT'));
    const get = await fetch(`${api.url}/api/health`, { headers: { origin: 'https://localhost:3000' } });
    expect(get.headers.get('access-control-allow-origin')).toBe('https://localhost:3000');
    const other = await fetch(`${api.url}/api/health`, { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('defaults CORS to * and listens on 127.0.0.1', async () => {
    const host = await startDevHost({ port: 0, env: { TABLES_CONNECTION_STRING: api.env.TABLES_CONNECTION_STRING, TABLE_PREFIX: uniquePrefix() } });
    try {
      expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${host.url}/api/health`, { headers: { origin: 'https://x.example' } });
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
    } finally {
      await host.close();
    }
  });

  it('answers health 503 "storage":"down" when storage cannot be reached', async () => {
    const azurite = await startAzurite();
    const host = await startDevHost({
      port: 0,
      env: { TABLES_CONNECTION_STRING: azurite.connectionString, TABLE_PREFIX: uniquePrefix() },
      services: { log: () => undefined },
    });
    try {
      expect((await fetch(`${host.url}/api/health`)).status).toBe(200);
      await azurite.stop();
      const down = await fetch(`${host.url}/api/health`);
      expect(down.status).toBe(503);
      expect(down.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await down.json()).toEqual({ status: 'degraded', storage: 'down' });
    } finally {
      await host.close();
      await azurite.stop();
    }
  });
});

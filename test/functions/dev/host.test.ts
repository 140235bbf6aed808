import { request } from 'node:http';
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

  /** A request through Node's own http client: the status and body it received, or the error it saw. */
  function nodeRequest(url: string, body: Buffer, opts: { chunked?: boolean; expectContinue?: boolean; slow?: boolean } = {}): Promise<{ status: number; text: string } | { error: string }> {
    return new Promise((resolve) => {
      const headers: Record<string, string | number> = { 'x-api-key': 'k-editor-demo', 'content-type': 'application/json' };
      if (!opts.chunked) headers['content-length'] = body.length;
      if (opts.expectContinue) headers.expect = '100-continue';
      const req = request(url, { method: 'POST', headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', (err) => resolve({ error: err.message }));
      });
      req.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
      if (opts.expectContinue) req.on('continue', () => req.end(body));
      else if (opts.slow) {
        // a client on a slow link: the body arrives in pieces, well after the headers
        let at = 0;
        const next = (): void => {
          if (at >= body.length) {
            req.end();
            return;
          }
          req.write(body.subarray(at, (at += 256 * 1024)));
          setTimeout(next, 5);
        };
        next();
      } else if (opts.chunked) {
        for (let i = 0; i < body.length; i += 65536) req.write(body.subarray(i, i + 65536));
        req.end();
      } else req.end(body);
    });
  }

  it("a body over 4 MiB: Node's http client receives the 413 (declared, chunked, slow, or after 100-continue), every time", async () => {
    const big = Buffer.from(JSON.stringify({ rows: [{ cadreId: 'BIG', fullName: 'x'.repeat(6 * 1024 * 1024) }] }));
    const url = `${api.url}/api/orgs/demo/cadres/publish`;
    for (let i = 0; i < 12; i++) {
      const opts = [{}, { chunked: true }, { expectContinue: true }, { slow: true }][i % 4];
      const got = await nodeRequest(url, big, opts);
      expect([JSON.stringify(opts), got]).toEqual([JSON.stringify(opts), { status: 413, text: expect.stringContaining('TOO_LARGE') }]);
    }
    for (let i = 0; i < 6; i++) {
      const res = await fetch(url, { method: 'POST', headers: { 'x-api-key': 'k-editor-demo' }, body: big }).then(
        async (r) => ({ status: r.status, text: await r.text() }),
        (err: Error & { cause?: { code?: string } }) => ({ error: err.cause?.code ?? err.message }),
      );
      expect(res).toEqual({ status: 413, text: expect.stringContaining('TOO_LARGE') });
    }
    // the connection that answered is still good for the next request
    const ok = await nodeRequest(url, Buffer.from('{"rows":[]}'));
    expect(ok).toMatchObject({ status: 200 });
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

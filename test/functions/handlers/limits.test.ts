/** Whole-request errors: 400 BAD_JSON / BAD_BODY / INVALID_PARAM, 413 TOO_LARGE. */
import { KEYS, startTestApi, type TestApi } from '../../support/api';

describe('request limits and malformed requests', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('400 BAD_JSON for a body that is not JSON (or not UTF-8)', async () => {
    for (const rawBody of ['{"rows": [', '', 'rows=1']) {
      const res = await api.call('POST', '/api/orgs/demo/trips/publish', { key: KEYS.editor, rawBody });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('BAD_JSON');
      expect(res.body.error.message).toMatch(/JSON/);
    }
    const latin1 = await fetch(`${api.url}/api/orgs/demo/trips/publish`, {
      method: 'POST',
      headers: { 'x-api-key': KEYS.editor },
      body: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]),
    });
    expect(latin1.status).toBe(400);
  });

  it('400 BAD_BODY for JSON that is not {rows:[…]}', async () => {
    for (const body of [[], { rows: 'x' }, { row: [] }, 42, null]) {
      const res = await api.call('POST', '/api/orgs/demo/cadres/publish', { key: KEYS.editor, body });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('BAD_BODY');
    }
  });

  it('400 BAD_BODY for a policy that is not a JSON object, with a message about the policy (not rows)', async () => {
    for (const body of [[], 'x', 42, null]) {
      const res = await api.call('PUT', '/api/orgs/demo/policies/2025', { key: KEYS.admin, body });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('BAD_BODY');
      expect(res.body.error.message).not.toContain('rows');
      expect(res.body.error.message).toContain('cấu hình năm');
    }
    const rows = await api.call('POST', '/api/orgs/demo/trips/publish', { key: KEYS.editor, body: { row: [] } });
    expect(rows.body.error.message).toContain('{"rows":[…]}');
  });

  it('413 TOO_LARGE over 5,000 rows', async () => {
    const rows = Array.from({ length: 5001 }, (_, i) => ({ id: `r${i}` }));
    const res = await api.call('POST', '/api/orgs/demo/trips/publish', { key: KEYS.editor, body: { rows } });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('TOO_LARGE');
  });

  it('413 TOO_LARGE over 4 MiB, without storing anything', async () => {
    const big = 'x'.repeat(4 * 1024 * 1024);
    const res = await api.call('POST', '/api/orgs/demo/cadres/publish', { key: KEYS.editor, body: { rows: [{ cadreId: 'BIG', fullName: big }] } });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('TOO_LARGE');
    expect((await api.call('GET', '/api/orgs/demo/cadres')).body.rows).toEqual([]);
  });

  it('400 INVALID_PARAM for bad year, asOf, includeDeleted and audit dates', async () => {
    for (const path of [
      '/api/orgs/demo/compliance?year=20x5',
      '/api/orgs/demo/compliance?asOf=31/02/2025',
      '/api/orgs/demo/compliance?asOf=45658',
      '/api/orgs/demo/trips?year=1',
      '/api/orgs/demo/trips?includeDeleted=maybe',
      '/api/orgs/demo/policies/abcd',
      '/api/orgs/demo/audit?from=2025-13-01',
      '/api/orgs/demo/audit?from=2025-02-01&to=2025-01-01',
    ]) {
      const res = await api.call('GET', path);
      expect([path, res.status, res.body.error.code]).toEqual([path, 400, 'INVALID_PARAM']);
      expect(res.body.error.message.length).toBeGreaterThan(10);
    }
  });

  it('accepts dd/mm/yyyy query dates', async () => {
    const res = await api.call('GET', '/api/orgs/demo/compliance?year=2025&asOf=30/06/2025');
    expect(res.status).toBe(200);
    expect(res.body.asOf).toBe('2025-06-30');
  });
});

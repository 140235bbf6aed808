/** OData-injection text in ids and fields: stored verbatim or rejected, never widening a query. */
import { KEYS, startTestApi, type TestApi } from '../../support/api';
import { cadre, NOW, trip } from '../../support/fixtures';

const NASTY = ["' or 1 eq 1", "x' or PartitionKey ne '", '100%', 'a#b', 'a/b', 'a\\b', "O'Brien", '"quoted"', "') or true or ('"];

describe('OData injection', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({}, { now: () => NOW, log: () => undefined });
    await api.call('POST', '/api/orgs/demo/cadres/publish', { body: { rows: [cadre('CB01')] } });
    await api.call('POST', '/api/orgs/other/cadres/publish', { key: KEYS.all, body: { rows: [cadre('SECRET')] } });
  });
  afterAll(() => api.close());

  it('rejects injection text in ids with a clear error naming the value', async () => {
    const res = await api.call('POST', '/api/orgs/demo/cadres/publish', { body: { rows: NASTY.map((id) => cadre(id)) } });
    expect(res.status).toBe(200);
    for (const [i, r] of res.body.results.entries()) {
      expect(r.outcome).toBe('rejected');
      expect(r.errors[0]).toMatchObject({ field: 'cadreId', code: 'INVALID_FORMAT' });
      expect(r.errors[0].message).toContain(NASTY[i].slice(0, 10));
    }
    const trips = await api.call('POST', '/api/orgs/demo/trips/publish', {
      body: { rows: NASTY.map((id) => trip(id, 'CB01', '01/03/2025', '01/03/2025')) },
    });
    expect(trips.body.results.every((r: { outcome: string }) => r.outcome === 'rejected')).toBe(true);
    const deletes = await api.call('POST', '/api/orgs/demo/trips/publish', { body: { rows: NASTY.map((id) => ({ id, deleted: true })) } });
    expect(deletes.body.results.every((r: { outcome: string; errors: Array<{ code: string }> }) => r.outcome === 'rejected' && r.errors[0].code === 'INVALID_FORMAT')).toBe(true);
  });

  it('stores injection text in fields verbatim', async () => {
    const rows = NASTY.map((text, i) => cadre(`N${i}`, { fullName: text, department: text }));
    const res = await api.call('POST', '/api/orgs/demo/cadres/publish', { body: { rows } });
    expect(res.body.summary.created).toBe(NASTY.length);
    const list = await api.call('GET', '/api/orgs/demo/cadres');
    for (const [i, text] of NASTY.entries()) {
      expect(list.body.rows.find((r: { id: string }) => r.id === `N${i}`).fullName).toBe(text);
    }
    expect(list.body.rows.some((r: { id: string }) => r.id === 'SECRET')).toBe(false);
  });

  it('rejects injection text in path and query parameters, never returning another org', async () => {
    for (const org of NASTY) {
      const res = await api.call('GET', `/api/orgs/${encodeURIComponent(org)}/cadres`, { key: KEYS.all });
      expect([404, 400]).toContain(res.status);
      expect(JSON.stringify(res.body)).not.toContain('SECRET');
    }
    for (const q of ["year=2025' or 1 eq 1", 'asOf=%25', 'year=%23', 'asOf=2025-01-01%27']) {
      const res = await api.call('GET', `/api/orgs/demo/trips?${q}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('INVALID_PARAM');
    }
  });
});

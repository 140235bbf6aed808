/**
 * `GET /api/rollup?year=` (cycle.md §6) through the dev host over 34 generated orgs: each
 * org's stored summary (what `recalculate` stored), `null` where none is stored for the year,
 * orgs sorted by id, the national total; keys and accounts of one org refused.
 */
import { KEYS, startTestApi, type TestApi } from '../../support/api';
import { cadre, NOW, trip } from '../../support/fixtures';
import { startLocalIdp, type LocalIdp } from '../../support/jwks';

const ORGS = Array.from({ length: 34 }, (_, i) => `p${String(34 - i).padStart(2, '0')}`); // created in reverse order

describe('national roll-up', () => {
  let idp: LocalIdp;
  let api: TestApi;
  const stored = new Map<string, { summary: { subject: number; participated: number; met: number }; computedAt: string }>();

  beforeAll(async () => {
    idp = await startLocalIdp();
    api = await startTestApi(idp.env({ ADMIN_ACCOUNTS: 'chief@tw.vn:*' }), { now: () => NOW, log: () => undefined });
    await Promise.all(
      ORGS.map(async (org, i) => {
        const cadres = Array.from({ length: (i % 3) + 1 }, (_, c) => cadre(`CB${c}`));
        expect((await api.call('POST', `/api/orgs/${org}/cadres/publish`, { key: KEYS.all, body: { rows: cadres } })).status).toBe(200);
        if (i % 2 === 0) {
          const trips = [trip(`t-${org}`, 'CB0', '2025-03-01', '2025-03-02'), ...(i % 4 === 0 ? [trip(`u-${org}`, 'CB0', '2025-04-01', '2025-05-29')] : [])];
          expect((await api.call('POST', `/api/orgs/${org}/trips/publish`, { key: KEYS.all, body: { rows: trips } })).body.summary.created).toBe(trips.length);
        }
        if (i % 5 === 4) return; // data, but nothing computed and stored for the year
        const res = await api.call('POST', `/api/orgs/${org}/recalculate?year=2025&asOf=2025-12-31`, { key: KEYS.all });
        expect(res.status).toBe(200);
        stored.set(org, { summary: res.body.summary, computedAt: res.body.computedAt });
      }),
    );
    // another year stored for one org does not leak into 2025
    expect((await api.call('POST', '/api/orgs/p01/recalculate?year=2024&asOf=2024-12-31', { key: KEYS.all })).status).toBe(200);
  });
  afterAll(async () => {
    await api.close();
    await idp.close();
  });

  it('lists every org by id with its stored summary, null where none is stored, and the total', async () => {
    const res = await api.call('GET', '/api/rollup?year=2025', { key: KEYS.all });
    expect(res.status).toBe(200);
    expect(res.body.year).toBe(2025);
    const sorted = [...ORGS].sort();
    expect(res.body.orgs.map((o: { org: string }) => o.org)).toEqual(sorted);
    for (const o of res.body.orgs) {
      const mine = stored.get(o.org);
      expect(o).toEqual({ org: o.org, name: o.org, summary: mine?.summary ?? null, computedAt: mine?.computedAt ?? null, closed: null });
    }
    expect(res.body.orgs.filter((o: { summary: unknown }) => o.summary === null)).toHaveLength(34 - stored.size);
    const sum = (f: 'subject' | 'participated' | 'met') => [...stored.values()].reduce((s, v) => s + v.summary[f], 0);
    const subject = sum('subject');
    expect(subject).toBeGreaterThan(0);
    expect(sum('participated')).toBeGreaterThan(0);
    expect(sum('met')).toBeGreaterThan(0);
    expect(res.body.total).toEqual({
      orgs: 34,
      subject,
      participated: sum('participated'),
      participationPercent: Math.round((sum('participated') * 1000) / subject) / 10,
      met: sum('met'),
    });
  });

  it('another year: every org listed with summary null but the one stored', async () => {
    const res = await api.call('GET', '/api/rollup?year=2024', { key: KEYS.all });
    const withSummary = res.body.orgs.filter((o: { summary: unknown }) => o.summary !== null);
    expect(withSummary.map((o: { org: string }) => o.org)).toEqual(['p01']);
    expect(res.body.total.orgs).toBe(34);
    const empty = await api.call('GET', '/api/rollup?year=2030', { key: KEYS.all });
    expect(empty.body.orgs.every((o: { summary: unknown }) => o.summary === null)).toBe(true);
    expect(empty.body.total).toEqual({ orgs: 34, subject: 0, participated: 0, participationPercent: null, met: 0 });
  });

  it('is for org * only: a key or account of one org gets 403, org * accounts and keys of any role get it', async () => {
    for (const key of [KEYS.admin, KEYS.viewer, KEYS.other]) {
      const res = await api.call('GET', '/api/rollup', { key });
      expect([res.status, res.body.error.code]).toEqual([403, 'FORBIDDEN']);
    }
    expect((await api.call('GET', '/api/rollup', { key: null })).status).toBe(401);
    expect((await api.call('PUT', '/api/orgs/p01/members/editor@p01.vn', { key: KEYS.all, body: { role: 'admin' } })).status).toBe(201);
    const bearer = async (account: string) => ({ authorization: `Bearer ${await idp.token({ preferred_username: account })}` });
    expect((await api.call('GET', '/api/rollup?year=2025', { key: null, headers: await bearer('editor@p01.vn') })).status).toBe(403);
    expect((await api.call('GET', '/api/rollup?year=2025', { key: null, headers: await bearer('chief@tw.vn') })).body.orgs).toHaveLength(34);
    expect((await api.call('PUT', '/api/orgs/*/members/watcher@tw.vn', { key: KEYS.all, body: { role: 'viewer' } })).status).toBe(201);
    expect((await api.call('GET', '/api/rollup?year=2025', { key: null, headers: await bearer('watcher@tw.vn') })).status).toBe(200);
    const bad = await api.call('GET', '/api/rollup?year=25', { key: KEYS.all });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'INVALID_PARAM']);
  });
});

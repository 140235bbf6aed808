/** Policies, compliance, recalculate, history, audit and the timer job through HTTP. */
import { KEYS, startTestApi, type TestApi } from '../../support/api';
import { cadre, NOW, trip } from '../../support/fixtures';

describe('policies, compliance, recalculate, history, audit, job', () => {
  let api: TestApi;
  let clock = NOW;
  beforeAll(async () => {
    api = await startTestApi({}, { now: () => clock, log: () => undefined });
    await api.call('POST', '/api/orgs/demo/cadres/publish', { body: { rows: [cadre('CB01'), cadre('CB02', { department: 'Văn phòng' })] } });
    await api.call('POST', '/api/orgs/demo/trips/publish', {
      key: KEYS.editor,
      body: { rows: [trip('t1', 'CB01', '03/03/2025', '07/03/2025'), trip('t2', 'CB01', '10/03/2025', '14/03/2025')] },
    });
  });
  afterAll(() => api.close());

  it('GET policy: defaults, every setting filled, when none is stored', async () => {
    const res = await api.call('GET', '/api/orgs/demo/policies/2024', { key: KEYS.viewer });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2024, requiredDays: 60, windowStart: '2024-01-01', windowEnd: '2024-12-31', dayMode: 'calendar', proration: 'byDays', reportDeadlineDays: 10, countUnreportedTrips: true });
    expect(res.body.categories).toHaveLength(7);
  });

  it('PUT policy: replaces with defaults for missing settings, audits it, and changes compliance', async () => {
    const put = await api.call('PUT', '/api/orgs/demo/policies/2025', { body: { requiredDays: 10, windowStart: '01/03', windowEnd: '31/12/2025' } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ year: 2025, requiredDays: 10, windowStart: '2025-03-01', windowEnd: '2025-12-31', dayMode: 'calendar' });
    expect((await api.call('GET', '/api/orgs/demo/policies/2025')).body).toEqual(put.body);
    const again = await api.call('PUT', '/api/orgs/demo/policies/2025', { body: { requiredDays: 10, windowStart: '01/03' } });
    expect(again.body.windowEnd).toBe('2025-12-31');
    const compliance = await api.call('GET', '/api/orgs/demo/compliance?year=2025&asOf=2025-12-31', { key: KEYS.viewer });
    const cb01 = compliance.body.cadres.find((c: { cadreId: string }) => c.cadreId === 'CB01');
    expect(cb01).toMatchObject({ countedDays: 10, status: 'met', requiredDays: 10 });
    const audit = await api.call('GET', '/api/orgs/demo/audit?from=31/12/2025&to=31/12/2025');
    const policyChanges = audit.body.rows.filter((r: { kind: string }) => r.kind === 'policies');
    expect(policyChanges.map((r: { outcome: string }) => r.outcome)).toEqual(['created']);
    expect(policyChanges[0]).toMatchObject({ who: 'Admin Demo', id: '2025', old: null });
    // the same policy again writes nothing; a different one is an update from old to new
    const changed = await api.call('PUT', '/api/orgs/demo/policies/2025', { body: { requiredDays: 60 } });
    expect(changed.body.requiredDays).toBe(60);
    const audit2 = await api.call('GET', '/api/orgs/demo/audit?from=31/12/2025&to=31/12/2025');
    const last = audit2.body.rows.filter((r: { kind: string }) => r.kind === 'policies').pop();
    expect(last).toMatchObject({ outcome: 'updated', old: { requiredDays: 10 }, new: { requiredDays: 60 } });
  });

  it('PUT policy: 400 INVALID_POLICY with errors per field', async () => {
    const res = await api.call('PUT', '/api/orgs/demo/policies/2025', { body: { requiredDays: 400, dayMode: 'sometimes' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_POLICY');
    expect(res.body.error.errors.map((e: { field: string }) => e.field).sort()).toEqual(['dayMode', 'requiredDays']);
    // also beside `error` (api.md does not say which level): the same list
    expect(res.body.errors).toEqual(res.body.error.errors);
    expect(res.body.error.errors.find((e: { field: string }) => e.field === 'requiredDays').message).toContain('"400"');
    expect((await api.call('GET', '/api/orgs/demo/policies/2025')).body.requiredDays).toBe(60);
  });

  it('GET compliance: the engine figures with org and computedAt', async () => {
    const res = await api.call('GET', '/api/orgs/demo/compliance?year=2025&asOf=2025-12-31', { key: KEYS.viewer });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ org: 'demo', year: 2025, asOf: '2025-12-31', computedAt: NOW.toISOString() });
    expect(res.body.policy.requiredDays).toBe(60);
    expect(res.body.cadres.map((c: { cadreId: string }) => c.cadreId)).toEqual(['CB01', 'CB02']);
    expect(res.body.cadres[0]).toMatchObject({ countedDays: 10, trips: 2, status: 'not_met' });
    expect(res.body.summary).toMatchObject({ subject: 2, participated: 1, met: 0 });
    const defaults = await api.call('GET', '/api/orgs/demo/compliance');
    expect(defaults.body).toMatchObject({ year: 2025, asOf: '2025-12-31' });
  });

  it('POST recalculate (leader) stores a snapshot that history returns, oldest first', async () => {
    const r1 = await api.call('POST', '/api/orgs/demo/recalculate?year=2025&asOf=2025-06-30', { key: KEYS.leader });
    expect(r1.status).toBe(200);
    expect(r1.body).toMatchObject({ org: 'demo', year: 2025, asOf: '2025-06-30' });
    await api.call('POST', '/api/orgs/demo/recalculate?year=2025&asOf=2025-03-31', { key: KEYS.leader });
    const history = await api.call('GET', '/api/orgs/demo/history?year=2025', { key: KEYS.viewer });
    expect(history.body.rows.map((r: { date: string }) => r.date)).toEqual(['2025-03-31', '2025-06-30']);
    expect(history.body.rows[1].summary).toEqual(r1.body.summary);
    expect(history.body.rows[1].computedAt).toBe(NOW.toISOString());
    expect((await api.call('GET', '/api/orgs/demo/history?year=2024')).body.rows).toEqual([]);
  });

  it('audit: who (the key name, never the key), when, what, old → new, within Vietnam dates', async () => {
    const res = await api.call('GET', '/api/orgs/demo/audit?from=2025-12-31&to=2025-12-31');
    expect(res.status).toBe(200);
    const t1 = res.body.rows.find((r: { id: string }) => r.id === 't1');
    expect(t1).toMatchObject({ who: 'Editor Demo', kind: 'trips', outcome: 'created', old: null, new: { id: 't1', startDate: '2025-03-03' } });
    expect(t1.at).toBe(NOW.toISOString());
    expect(JSON.stringify(res.body)).not.toContain(KEYS.editor);
    expect((await api.call('GET', '/api/orgs/demo/audit?from=2025-12-30&to=2025-12-30')).body.rows).toEqual([]);
    expect((await api.call('GET', '/api/orgs/demo/audit?from=2026-01-01&to=2026-01-02')).body.rows).toEqual([]);
  });

  it('the job (admin route, 202) stores totals and the day snapshot; run twice, the stored state is the same', async () => {
    clock = new Date('2026-01-15T03:00:00Z'); // January: the previous year is computed too
    const run = async () => {
      const res = await fetch(`${api.url}/admin/functions/recalculateTotals`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
      expect(res.status).toBe(202);
    };
    const history = async (year: number) => (await api.call('GET', `/api/orgs/demo/history?year=${year}`)).body.rows as Array<{ date: string; computedAt: string }>;
    await run();
    let h2026: Array<{ date: string; computedAt: string }> = [];
    for (let i = 0; i < 100 && h2026.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      h2026 = await history(2026);
    }
    expect(h2026.map((r) => r.date)).toEqual(['2026-01-15']);
    expect((await history(2025)).map((r) => r.date)).toContain('2026-01-15');
    const before = JSON.stringify([await history(2025), h2026]);
    clock = new Date('2026-01-15T04:00:00Z'); // later the same day, nothing changed
    await run();
    await new Promise((r) => setTimeout(r, 500));
    expect(JSON.stringify([await history(2025), await history(2026)])).toBe(before);
    clock = NOW;
  });

  it('defaults year and asOf to the date in Asia/Ho_Chi_Minh (already 2026 at 17:30 UTC on 31/12/2025)', async () => {
    clock = new Date('2025-12-31T17:30:00Z');
    try {
      const compliance = await api.call('GET', '/api/orgs/demo/compliance', { key: KEYS.viewer });
      expect(compliance.body).toMatchObject({ year: 2026, asOf: '2026-01-01' });
      // a report dated today in Vietnam is not in the future
      const pub = await api.call('POST', '/api/orgs/demo/trips/publish', {
        key: KEYS.editor,
        body: { rows: [trip('t-tz', 'CB02', '30/12/2025', '31/12/2025', { reportDate: '01/01/2026' })] },
      });
      expect(pub.body.results[0]).toMatchObject({ outcome: 'created', errors: [] });
      // its compliance is as of today in Vietnam; its audit record is on the Vietnam date
      expect(pub.body.compliance).toEqual([expect.objectContaining({ cadreId: 'CB02', year: 2025, countedDays: 2 })]);
      const audit = await api.call('GET', '/api/orgs/demo/audit?from=01/01/2026&to=01/01/2026');
      expect(audit.body.rows.map((r: { id: string }) => r.id)).toEqual(['t-tz']);
      const dayBefore = await api.call('GET', '/api/orgs/demo/audit?from=2025-12-31&to=2025-12-31');
      expect(dayBefore.body.rows.some((r: { id: string }) => r.id === 't-tz')).toBe(false);
      await api.call('POST', '/api/orgs/demo/recalculate', { key: KEYS.leader });
      const history = await api.call('GET', '/api/orgs/demo/history', { key: KEYS.viewer });
      expect(history.body.rows.map((r: { date: string }) => r.date)).toContain('2026-01-01');
      clock = new Date('2025-12-31T16:59:59Z');
      expect((await api.call('GET', '/api/orgs/demo/compliance', { key: KEYS.viewer })).body).toMatchObject({ year: 2025, asOf: '2025-12-31' });
    } finally {
      clock = NOW;
    }
  });
});

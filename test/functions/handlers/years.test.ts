/** Closing a year (cycle.md §4) through real HTTP against Azurite. */
import { recalculateTotals } from '../../../functions/jobs/recalculateTotals';
import { createServices } from '../../../functions/services';
import { KEYS, startTestApi, type TestApi } from '../../support/api';
import { cadre, trip } from '../../support/fixtures';

describe('closing a year', () => {
  let clock = new Date('2026-01-10T05:00:00Z'); // 10/01/2026 in Vietnam
  let api: TestApi;
  const call = (method: string, path: string, key: string = KEYS.admin, body?: unknown) => api.call(method, `/api/orgs/demo${path}`, { key, body });
  const publish = (kind: string, rows: unknown[], key: string = KEYS.admin) => call('POST', `/${kind}/publish`, key, { rows });
  const outcomes = (res: { body: { results: { outcome: string }[] } }) => res.body.results.map((r) => r.outcome);

  beforeAll(async () => {
    api = await startTestApi({}, { now: () => clock, log: () => undefined });
    expect((await publish('cadres', [cadre('CB01'), cadre('CB02')])).status).toBe(200);
    const trips = await publish('trips', [
      trip('t1', 'CB01', '03/03/2025', '07/03/2025'),
      trip('t2', 'CB02', '10/06/2025', '11/06/2025'),
      trip('t3', 'CB01', '05/01/2026', '06/01/2026'),
    ]);
    expect(outcomes(trips)).toEqual(['created', 'created', 'created']);
  });
  afterAll(() => api.close());

  it('refuses an editor, then a leader closes the year with the figures as of windowEnd', async () => {
    expect((await call('POST', '/years/2025/close', KEYS.editor, {})).status).toBe(403);
    const res = await call('POST', '/years/2025/close', KEYS.leader, {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ org: 'demo', year: 2025, asOf: '2025-12-31' });
    expect(res.body.closed).toEqual({ closedBy: 'Lãnh đạo Demo', closedAt: clock.toISOString(), asOf: '2025-12-31' });
    expect(res.body.cadres.map((c: { cadreId: string; countedDays: number }) => [c.cadreId, c.countedDays])).toEqual([['CB01', 5], ['CB02', 2]]);
    const again = await call('POST', '/years/2025/close', KEYS.leader, {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('YEAR_CLOSED');
  });

  it('rejects rows touching the closed year whatever the role — a create, a change, a delete, a trip across New Year — and keeps other years and cadres editable', async () => {
    const stored = (await call('GET', '/trips')).body.rows as { id: string; version: string }[];
    const v = (id: string) => stored.find((r) => r.id === id)!.version;
    const res = await publish('trips', [
      trip('t4', 'CB02', '01/04/2025', '02/04/2025'),
      trip('t5', 'CB02', '30/12/2025', '02/01/2026'),
      { ...trip('t2', 'CB02', '10/06/2025', '12/06/2025'), version: v('t2') },
      { id: 't1', version: v('t1'), deleted: true },
      { ...trip('t3', 'CB01', '30/12/2025', '06/01/2026'), version: v('t3') },
      trip('t6', 'CB02', '02/02/2026', '03/02/2026'),
    ]);
    expect(outcomes(res)).toEqual(['rejected', 'rejected', 'rejected', 'rejected', 'rejected', 'created']);
    // the same content again writes nothing: unchanged, not refused
    expect(outcomes(await publish('trips', [trip('t2', 'CB02', '10/06/2025', '11/06/2025')], KEYS.editor))).toEqual(['unchanged']);
    const fields = res.body.results.slice(0, 5).map((r: { errors: { field: string; code: string }[] }) => r.errors.map((e) => `${e.field}:${e.code}`).join());
    expect(fields).toEqual(['startDate:YEAR_CLOSED', 'startDate:YEAR_CLOSED', 'startDate:YEAR_CLOSED', 'startDate:YEAR_CLOSED', 'startDate:YEAR_CLOSED']);
    expect(res.body.results[0].errors[0].message).toMatch(/năm 2025 đã khoá sổ/);
    const absence = await publish('absences', [{ id: 'a1', cadreId: 'CB01', from: '01/12/2025', to: '10/01/2026', reason: 'sick' }, { id: 'a2', cadreId: 'CB01', from: '01/02/2026', reason: 'study' }]);
    expect(outcomes(absence)).toEqual(['rejected', 'created']);
    expect(absence.body.results[0].errors[0]).toMatchObject({ field: 'from', code: 'YEAR_CLOSED' });
    const reg = await publish('registrations', [{ cadreId: 'CB01', year: 2025, q1Days: 15 }, { cadreId: 'CB01', year: 2026, q1Days: 15 }]);
    expect(outcomes(reg)).toEqual(['rejected', 'created']);
    expect(reg.body.results[0].errors[0]).toMatchObject({ field: 'year', code: 'YEAR_CLOSED' });
    const rows = (await call('GET', '/trips')).body.rows as { id: string; endDate: string }[];
    expect(rows.map((r) => r.id).sort()).toEqual(['t1', 't2', 't3', 't6']);
    expect(rows.find((r) => r.id === 't2')!.endDate).toBe('2025-06-11');
    // cadres belong to every year: editable
    expect(outcomes(await publish('cadres', [cadre('CB02', { subject: false, department: 'Ban Tổ chức' })]))).toEqual(['conflict']);
    const cadres = (await call('GET', '/cadres')).body.rows as { id: string; version: string }[];
    const edit = await publish('cadres', [{ ...cadre('CB02', { subject: false }), version: cadres.find((c) => c.id === 'CB02')!.version }]);
    expect(outcomes(edit)).toEqual(['updated']);
  });

  it('answers the frozen figures (they do not move), and the live ones with live=true', async () => {
    const frozen = await call('GET', '/compliance?year=2025', KEYS.viewer);
    expect(frozen.status).toBe(200);
    expect(frozen.body.closed).toMatchObject({ asOf: '2025-12-31' });
    expect(frozen.body.summary).toMatchObject({ subject: 2, participated: 2 });
    expect(frozen.body.cadres.find((c: { cadreId: string }) => c.cadreId === 'CB02')).toMatchObject({ subject: true, countedDays: 2 });
    const live = await call('GET', '/compliance?year=2025&live=true&asOf=2025-12-31', KEYS.viewer);
    expect(live.body.closed).toMatchObject({ asOf: '2025-12-31' });
    expect(live.body.summary.subject).toBe(1); // CB02 is no longer a subject cadre
    const open = await call('GET', '/compliance?year=2026', KEYS.viewer);
    expect(open.body.closed).toBeNull();
  });

  it('refuses a policy change and recalculate for the closed year; the nightly job skips it', async () => {
    const put = await call('PUT', '/policies/2025', KEYS.admin, { requiredDays: 30 });
    expect(put.status).toBe(409);
    expect(put.body.error.code).toBe('YEAR_CLOSED');
    expect((await call('PUT', '/policies/2026', KEYS.admin, { requiredDays: 30 })).status).toBe(200);
    const recalc = await call('POST', '/recalculate?year=2025&asOf=2025-12-31', KEYS.leader);
    expect(recalc.status).toBe(409);
    const before = (await call('GET', '/history?year=2025', KEYS.viewer)).body.rows;
    const report = await recalculateTotals(createServices(api.env, { now: () => clock, log: () => undefined }));
    expect(report.years).toEqual([2025, 2026]);
    expect((await call('GET', '/history?year=2025', KEYS.viewer)).body.rows).toEqual(before);
    expect((await call('GET', '/history?year=2026', KEYS.viewer)).body.rows.length).toBeGreaterThan(0);
  });

  it('lists the years with data, newest first, with their state', async () => {
    const res = await call('GET', '/years', KEYS.viewer);
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([
      { year: 2026, closed: null },
      { year: 2025, closed: { closedBy: 'Lãnh đạo Demo', closedAt: expect.any(String), asOf: '2025-12-31' } },
    ]);
  });

  it('reopens only for an admin, 404 when not closed, audited; then the year takes changes again', async () => {
    expect((await call('DELETE', '/years/2025/close', KEYS.leader)).status).toBe(403);
    clock = new Date('2026-01-11T05:00:00Z');
    const res = await call('DELETE', '/years/2025/close', KEYS.admin);
    expect(res.status).toBe(200);
    expect(res.body.closed).toBeNull();
    const again = await call('DELETE', '/years/2025/close', KEYS.admin);
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('NOT_FOUND');
    expect(outcomes(await publish('trips', [trip('t4', 'CB02', '01/04/2025', '02/04/2025')]))).toEqual(['created']);
    expect((await call('GET', '/compliance?year=2025&asOf=2025-12-31', KEYS.viewer)).body.closed).toBeNull();
    const audit = (await call('GET', '/audit?from=2026-01-01&to=2026-01-31')).body.rows as { kind: string; outcome: string; who: string }[];
    expect(audit.filter((r) => r.kind === 'years').map((r) => [r.outcome, r.who])).toEqual([
      ['created', 'Lãnh đạo Demo'],
      ['deleted', 'Admin Demo'],
    ]);
    // closing again works and freezes the new figures
    const closed = await call('POST', '/years/2025/close', KEYS.leader, { asOf: '30/06/2025' });
    expect(closed.status).toBe(200);
    expect(closed.body.closed.asOf).toBe('2025-06-30');
    // CB02 is no longer a subject cadre but has trips by then (t4, t2): listed, exempt
    expect(closed.body.cadres.find((c: { cadreId: string }) => c.cadreId === 'CB02')).toMatchObject({ subject: false, requiredDays: 0, status: 'exempt', countedDays: 4 });
  });

  it('shows the closed year in the national roll-up with its frozen summary and the profile name', async () => {
    expect((await call('PUT', '/profile', KEYS.admin, { name: 'Tỉnh Đoàn Demo' })).status).toBe(200);
    const frozen = (await call('GET', '/compliance?year=2025', KEYS.viewer)).body;
    const rollup = await api.call('GET', '/api/rollup?year=2025', { key: KEYS.all });
    expect(rollup.status).toBe(200);
    const demo = rollup.body.orgs.find((o: { org: string }) => o.org === 'demo');
    expect(demo).toEqual({ org: 'demo', name: 'Tỉnh Đoàn Demo', summary: frozen.summary, computedAt: frozen.computedAt, closed: frozen.closed });
    expect(demo.closed.asOf).toBe('2025-06-30');
  });

  it('rejects a bad close body and a bad year', async () => {
    expect((await call('POST', '/years/2024/close', KEYS.leader, { asOf: 'hôm qua' })).body.error.code).toBe('INVALID_PARAM');
    expect((await call('POST', '/years/2024/close', KEYS.leader, { as: 1 })).body.error.code).toBe('BAD_BODY');
    expect((await call('POST', '/years/abc/close', KEYS.leader, {})).status).toBe(400);
  });
});

/** Evaluations (cycle.md §3), the sixth kind, through real HTTP against Azurite. */
import { KEYS, startTestApi, type TestApi } from '../../support/api';
import { cadre, trip } from '../../support/fixtures';

describe('evaluations', () => {
  let clock = new Date('2026-01-10T05:00:00Z'); // 10/01/2026 in Vietnam: the 2025 window has ended
  let api: TestApi;
  const call = (method: string, path: string, key: string = KEYS.admin, body?: unknown) => api.call(method, `/api/orgs/demo${path}`, { key, body });
  const publish = (kind: string, rows: unknown[], key: string = KEYS.leader) => call('POST', `/${kind}/publish`, key, { rows });
  const days = (n: number, start: number) => trip(`t-${start}`, 'CB01', `${String(start).padStart(2, '0')}/03/2025`, `${String(start + n - 1).padStart(2, '0')}/03/2025`);

  beforeAll(async () => {
    api = await startTestApi({}, { now: () => clock, log: () => undefined });
    await publish('cadres', [cadre('CB01'), cadre('CB02'), cadre('CB03', { subject: false })], KEYS.editor);
    // CB01: 10 days (not met); CB02: 60 days (met); CB03: exempt
    await publish('trips', [days(10, 1)], KEYS.editor);
    await publish('trips', [trip('t-b', 'CB02', '01/04/2025', '30/05/2025')], KEYS.editor);
  });
  afterAll(() => api.close());

  it('refuses the whole request for a key below leader', async () => {
    const res = await publish('evaluations', [{ cadreId: 'CB02', year: 2025, result: 'dat' }], KEYS.editor);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
  });

  it('stores a result matching the suggestion without a comment, with the server-set fields; requires a comment otherwise', async () => {
    const res = await publish('evaluations', [
      { cadreId: 'CB02', year: 2025, result: 'Đạt', evaluatedBy: 'someone else' },
      { cadreId: 'CB01', year: 2025, result: 'dat' },
      { cadreId: 'CB03', year: '2025', result: 'mien' },
      { cadreId: 'CB09', year: 2025, result: 'dat', comment: 'x' },
      { cadreId: 'CB01', year: 2024, result: 'tot', comment: 'x' },
      { cadreId: 'CB01', year: 2026, result: 'dat', comment: 'c'.repeat(4001) },
    ]);
    expect(res.status).toBe(200);
    const r = res.body.results;
    expect(r.map((x: { outcome: string }) => x.outcome)).toEqual(['created', 'rejected', 'created', 'rejected', 'rejected', 'rejected']);
    expect(r[0]).toMatchObject({ id: 'CB02-2025', derived: { suggested: 'dat' }, warnings: [] });
    expect(r[1].errors).toEqual([expect.objectContaining({ field: 'comment', code: 'REQUIRED' })]);
    expect(r[3].errors).toEqual([expect.objectContaining({ field: 'cadreId', code: 'UNKNOWN_CADRE' })]);
    expect(r[4].errors).toEqual([expect.objectContaining({ field: 'result', code: 'INVALID_FORMAT' })]);
    expect(r[5].errors).toEqual([expect.objectContaining({ field: 'comment', code: 'INVALID_FORMAT' })]);
    const rows = (await call('GET', '/evaluations?year=2025', KEYS.viewer)).body.rows;
    expect(rows.map((x: { id: string }) => x.id)).toEqual(['CB02-2025', 'CB03-2025']);
    expect(rows[0]).toMatchObject({
      cadreId: 'CB02', year: 2025, result: 'dat', evaluatedOn: '2026-01-10', evaluatedBy: 'Lãnh đạo Demo',
      countedAtEvaluation: 60, requiredAtEvaluation: 60, suggested: 'dat', warnings: [],
    });
    // a retry is unchanged; a result against the suggestion with a comment is stored
    const again = await publish('evaluations', [
      { cadreId: 'CB02', year: 2025, result: 'Đạt' },
      { cadreId: 'CB01', year: 2025, result: 'dat', comment: 'Đi cơ sở ít nhưng hiệu quả' },
    ]);
    expect(again.body.results.map((x: { outcome: string }) => x.outcome)).toEqual(['unchanged', 'created']);
  });

  it('adds the evaluation to compliance rows and the summary', async () => {
    const body = (await call('GET', '/compliance?year=2025&asOf=2025-12-31', KEYS.viewer)).body;
    const row = (id: string) => body.cadres.find((c: { cadreId: string }) => c.cadreId === id);
    expect(row('CB01').evaluation).toEqual({ result: 'dat', comment: 'Đi cơ sở ít nhưng hiệu quả', evaluatedBy: 'Lãnh đạo Demo', evaluatedOn: '2026-01-10', stale: false });
    expect(row('CB02').evaluation).toMatchObject({ result: 'dat', stale: false });
    expect(body.summary.evaluated).toBe(2);
    // evaluated counts subject cadres; the results count every evaluated cadre (CB03 is exempt)
    expect(body.summary.evaluationResults).toEqual({ dat: 2, khong_dat: 0, mien: 1 });
  });

  it('warns EVALUATION_STALE once a trip changes the figures, with old and new values', async () => {
    clock = new Date('2026-01-12T05:00:00Z');
    await publish('trips', [trip('t-late', 'CB02', '01/10/2025', '03/10/2025')], KEYS.admin);
    const rows = (await call('GET', '/evaluations?year=2025', KEYS.viewer)).body.rows;
    const cb02 = rows.find((x: { id: string }) => x.id === 'CB02-2025');
    expect(cb02.warnings).toEqual([expect.objectContaining({ code: 'EVALUATION_STALE' })]);
    expect(cb02.warnings[0].message).toContain('lúc đánh giá 60/60 ngày, nay 63/60 ngày');
    const body = (await call('GET', '/compliance?year=2025&asOf=2025-12-31', KEYS.viewer)).body;
    expect(body.cadres.find((c: { cadreId: string }) => c.cadreId === 'CB02').evaluation.stale).toBe(true);
    const audit = (await call('GET', '/audit?from=2026-01-01&to=2026-01-31')).body.rows as { kind: string; who: string }[];
    expect(audit.filter((a) => a.kind === 'evaluations').map((a) => a.who)).toEqual(['Lãnh đạo Demo', 'Lãnh đạo Demo', 'Lãnh đạo Demo']);
  });

  it('suggests nothing while the window is open (a comment is then required) and refuses a closed year', async () => {
    const open = await publish('evaluations', [{ cadreId: 'CB02', year: 2026, result: 'dat' }]);
    expect(open.body.results[0].errors).toEqual([expect.objectContaining({ field: 'comment', code: 'REQUIRED' })]);
    expect((await call('POST', '/years/2025/close', KEYS.leader, {})).status).toBe(200);
    const version = (await call('GET', '/evaluations?year=2025', KEYS.viewer)).body.rows.find((x: { id: string }) => x.id === 'CB03-2025').version;
    const closed = await publish('evaluations', [{ cadreId: 'CB03', year: 2025, result: 'mien', comment: 'đổi', version }]);
    expect(closed.body.results[0]).toMatchObject({ outcome: 'rejected', errors: [expect.objectContaining({ field: 'year', code: 'YEAR_CLOSED' })] });
  });
});

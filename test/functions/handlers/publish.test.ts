/** Publish through real HTTP against Azurite: every outcome of api.md. */
import { KEYS, startTestApi, type TestApi } from '../../support/api';
import { cadre, NOW, trip, unit } from '../../support/fixtures';

describe('POST /api/orgs/{org}/{kind}/publish', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({}, { now: () => NOW, log: () => undefined });
    const c = await api.call('POST', '/api/orgs/demo/cadres/publish', { body: { rows: [cadre('CB01'), cadre('CB02'), cadre('CB03')] } });
    expect(c.body.summary.created).toBe(3);
    const u = await api.call('POST', '/api/orgs/demo/units/publish', { body: { rows: [unit('X1', 'Xã Một')] } });
    expect(u.body.summary.created).toBe(1);
  });
  afterAll(() => api.close());

  const publishTrips = (rows: unknown[], key: string = KEYS.editor, query = '') =>
    api.call('POST', `/api/orgs/demo/trips/publish${query}`, { key, body: { rows } });

  it('creates rows, echoes ref, and returns derived values, warnings and compliance', async () => {
    const res = await publishTrips([
      { ...trip('t-a1', 'CB01', '03/03/2025', '07/03/2025'), ref: 7 },
      { ...trip('t-a2', 'CB01', '06/03/2025', '09/03/2025', { unit: 'xa mot' }), ref: { row: 8 } },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.summary).toEqual({ created: 2, updated: 0, unchanged: 0, deleted: 0, rejected: 0, conflict: 0 });
    const [a, b] = res.body.results;
    expect(a).toMatchObject({ ref: 7, id: 't-a1', outcome: 'created', errors: [], current: null });
    expect(typeof a.version).toBe('string');
    expect(a.derived).toEqual({ countedDays: { '2025': 5 }, reportStatus: 'overdue', reportDeadline: '2025-03-17' });
    expect(b.ref).toEqual({ row: 8 });
    expect(b.derived.countedDays).toEqual({ '2025': 2 });
    expect(b.warnings.map((w: { code: string }) => w.code)).toContain('OVERLAP');
    expect(b.warnings.find((w: { code: string }) => w.code === 'OVERLAP').related).toEqual(['t-a1']);
    const row = res.body.compliance.find((c: { cadreId: string; year: number }) => c.cadreId === 'CB01' && c.year === 2025);
    expect(row).toMatchObject({ countedDays: 7, trips: 2, status: 'not_met', year: 2025 });
    // the unit given by name is stored as the matched unit's code
    const list = await api.call('GET', '/api/orgs/demo/trips', { key: KEYS.viewer });
    expect(list.body.rows.find((r: { id: string }) => r.id === 't-a2').unit).toBe('X1');
  });

  it('stores and returns the trip report texts, rejects one over 4,000 characters and stores nothing of it', async () => {
    const report = { findings: 'Chi đoàn hoạt động tốt\nđoàn viên đông', difficulties: 'Thiếu kinh phí', proposals: '=1+1' };
    const res = await publishTrips([
      { ...trip('t-rep1', 'CB03', '02/06/2025', '03/06/2025'), ...report },
      { ...trip('t-rep2', 'CB03', '04/06/2025', '04/06/2025'), findings: 'x'.repeat(4001) },
    ]);
    expect(res.body.results.map((r: { outcome: string }) => r.outcome)).toEqual(['created', 'rejected']);
    expect(res.body.results[1].errors).toEqual([expect.objectContaining({ field: 'findings', code: 'INVALID_FORMAT' })]);
    const rows = (await api.call('GET', '/api/orgs/demo/trips', { key: KEYS.viewer })).body.rows as { id: string }[];
    expect(rows.find((r) => r.id === 't-rep1')).toMatchObject(report);
    expect(rows.find((r) => r.id === 't-rep2')).toBeUndefined();
    const again = await publishTrips([{ ...trip('t-rep1', 'CB03', '02/06/2025', '03/06/2025'), ...report }]);
    expect(again.body.results[0].outcome).toBe('unchanged');
  });

  it('reports a retry of the same request as unchanged and writes nothing', async () => {
    const rows = [trip('t-r1', 'CB02', '10/03/2025', '12/03/2025'), trip('t-r2', 'CB02', '2025-04-01', '2025-04-01')];
    const first = await publishTrips(rows);
    expect(first.body.summary.created).toBe(2);
    const auditBefore = await api.call('GET', '/api/orgs/demo/audit?from=2025-01-01&to=2026-12-31');
    const again = await publishTrips(rows);
    expect(again.body.summary).toEqual({ created: 0, updated: 0, unchanged: 2, deleted: 0, rejected: 0, conflict: 0 });
    expect(again.body.results.map((r: { version: string }) => r.version)).toEqual(first.body.results.map((r: { version: string }) => r.version));
    const auditAfter = await api.call('GET', '/api/orgs/demo/audit?from=2025-01-01&to=2026-12-31');
    expect(auditAfter.body.rows.length).toBe(auditBefore.body.rows.length);
  });

  it('updates with the stored version, treats a retried update as unchanged, and conflicts on a stale version', async () => {
    const created = await publishTrips([trip('t-u1', 'CB02', '05/05/2025', '06/05/2025')]);
    const v1 = created.body.results[0].version;
    const edit = { ...trip('t-u1', 'CB02', '05/05/2025', '07/05/2025'), version: v1 };
    const updated = await publishTrips([edit]);
    expect(updated.body.results[0]).toMatchObject({ outcome: 'updated', id: 't-u1' });
    const v2 = updated.body.results[0].version;
    expect(v2).not.toBe(v1);
    expect(updated.body.results[0].derived.countedDays).toEqual({ '2025': 3 });
    const retried = await publishTrips([edit]);
    expect(retried.body.results[0]).toMatchObject({ outcome: 'unchanged', version: v2 });
    const stale = await publishTrips([{ ...trip('t-u1', 'CB02', '05/05/2025', '08/05/2025'), version: v1 }]);
    expect(stale.body.results[0]).toMatchObject({ outcome: 'conflict', version: v2 });
    expect(stale.body.results[0].current).toMatchObject({ id: 't-u1', version: v2, endDate: '2025-05-07' });
    expect(stale.body.results[0].current.derived.countedDays).toEqual({ '2025': 3 });
  });

  it('conflicts when a stored live id comes without a version and other content, or with a version and nothing stored', async () => {
    await publishTrips([trip('t-c1', 'CB03', '01/06/2025', '01/06/2025')]);
    const noVersion = await publishTrips([trip('t-c1', 'CB03', '01/06/2025', '02/06/2025')]);
    expect(noVersion.body.results[0].outcome).toBe('conflict');
    expect(noVersion.body.results[0].current.endDate).toBe('2025-06-01');
    const ghost = await publishTrips([{ ...trip('t-ghost', 'CB03', '01/06/2025', '01/06/2025'), version: 'W/"datetime\'2020-01-01T00%3A00%3A00Z\'"' }]);
    expect(ghost.body.results[0]).toMatchObject({ outcome: 'conflict', version: null, current: null });
  });

  it('deletes with the stored version, keeps a deleted marker, and re-creates over it', async () => {
    const created = await publishTrips([trip('t-d1', 'CB03', '02/07/2025', '03/07/2025')]);
    const v = created.body.results[0].version;
    const staleDelete = await publishTrips([{ id: 't-d1', deleted: true, version: 'stale' }]);
    expect(staleDelete.body.results[0].outcome).toBe('conflict');
    const del = await publishTrips([{ id: 't-d1', deleted: true, version: v, startDate: 'ignored' }]);
    expect(del.body.results[0]).toMatchObject({ outcome: 'deleted', id: 't-d1' });
    expect(del.body.results[0].version).not.toBe(v);
    const again = await publishTrips([{ id: 't-d1', deleted: true, version: v }]);
    expect(again.body.results[0].outcome).toBe('unchanged');
    const never = await publishTrips([{ id: 't-never', deleted: true }]);
    expect(never.body.results[0]).toMatchObject({ outcome: 'unchanged', version: null });
    const live = await api.call('GET', '/api/orgs/demo/trips');
    expect(live.body.rows.some((r: { id: string }) => r.id === 't-d1')).toBe(false);
    const all = await api.call('GET', '/api/orgs/demo/trips?includeDeleted=true');
    expect(all.body.rows.find((r: { id: string }) => r.id === 't-d1')).toMatchObject({ deleted: true, derived: null });
    const recreated = await publishTrips([trip('t-d1', 'CB03', '02/07/2025', '03/07/2025')]);
    expect(recreated.body.results[0].outcome).toBe('created');
  });

  it('rejects bad rows without blocking the others, with Vietnamese messages naming field and value', async () => {
    const res = await publishTrips([
      { ...trip('t-bad', 'CB01', '10/08/2025', '05/08/2025'), ref: 1 },
      { ...trip('t-ok', 'CB01', '10/08/2025', '11/08/2025'), ref: 2 },
      { ...trip('t-nocadre', 'ZZ9', '10/08/2025', '11/08/2025'), ref: 3 },
      { ...trip('t-ok', 'CB01', '12/08/2025', '12/08/2025'), ref: 4 },
      'not an object',
    ]);
    const [bad, ok, nocadre, dup, junk] = res.body.results;
    expect(bad).toMatchObject({ outcome: 'rejected', id: 't-bad', version: null });
    expect(bad.errors[0]).toMatchObject({ field: 'endDate', code: 'END_BEFORE_START' });
    expect(bad.errors[0].message).toContain('05/08/2025');
    expect(ok.outcome).toBe('created');
    expect(nocadre.errors[0]).toMatchObject({ field: 'cadreId', code: 'UNKNOWN_CADRE' });
    expect(nocadre.errors[0].message).toContain('ZZ9');
    expect(dup.errors[0].code).toBe('DUPLICATE_ID');
    expect(junk).toMatchObject({ outcome: 'rejected', id: null, ref: null });
    expect(res.body.summary).toMatchObject({ created: 1, rejected: 4 });
    const stored = await api.call('GET', '/api/orgs/demo/trips');
    expect(stored.body.rows.some((r: { id: string }) => r.id === 't-bad' || r.id === 't-nocadre')).toBe(false);
  });

  it('makes an id for a trip sent without one', async () => {
    const res = await publishTrips([trip('', 'CB01', '01/09/2025', '01/09/2025')]);
    expect(res.body.results[0].outcome).toBe('created');
    expect(res.body.results[0].id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });

  it('refuses to delete a cadre who still has trips', async () => {
    const list = await api.call('GET', '/api/orgs/demo/cadres');
    const cb01 = list.body.rows.find((r: { id: string }) => r.id === 'CB01');
    expect(cb01).toMatchObject({ cadreId: 'CB01', subject: true });
    const res = await api.call('POST', '/api/orgs/demo/cadres/publish', { key: KEYS.editor, body: { rows: [{ cadreId: 'CB01', deleted: true, version: cb01.version }] } });
    expect(res.body.results[0].outcome).toBe('rejected');
    expect(res.body.results[0].errors[0].code).toBe('CADRE_HAS_TRIPS');
  });

  it('lets only a leader change a registration approval', async () => {
    const reg = { cadreId: 'CB02', year: 2025, q1Days: 15, q2Days: 15, q3Days: 15, q4Days: 15 };
    const byEditor = await api.call('POST', '/api/orgs/demo/registrations/publish', { key: KEYS.editor, body: { rows: [{ ...reg, approved: true, approvedBy: 'X' }] } });
    expect(byEditor.body.results[0].outcome).toBe('rejected');
    expect(byEditor.body.results[0].errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['approved', 'FORBIDDEN'],
      ['approvedBy', 'FORBIDDEN'],
    ]);
    const plain = await api.call('POST', '/api/orgs/demo/registrations/publish', { key: KEYS.editor, body: { rows: [reg] } });
    expect(plain.body.results[0]).toMatchObject({ outcome: 'created', id: 'CB02-2025' });
    expect(plain.body.compliance).toEqual([expect.objectContaining({ cadreId: 'CB02', year: 2025, registered: true, plannedDays: 60 })]);
    const byLeader = await api.call('POST', '/api/orgs/demo/registrations/publish', {
      key: KEYS.leader,
      body: { rows: [{ ...reg, approved: 'Có', approvedBy: 'Bí thư', version: plain.body.results[0].version }] },
    });
    expect(byLeader.body.results[0].outcome).toBe('updated');
    const editorKeeps = await api.call('POST', '/api/orgs/demo/registrations/publish', {
      key: KEYS.editor,
      body: { rows: [{ ...reg, q1Days: 20, approved: true, approvedBy: 'Bí thư', version: byLeader.body.results[0].version }] },
    });
    expect(editorKeeps.body.results[0].outcome).toBe('updated');
    const regs = await api.call('GET', '/api/orgs/demo/registrations?year=2025');
    expect(regs.body.rows).toEqual([expect.objectContaining({ id: 'CB02-2025', approved: true, approvedBy: 'Bí thư', q1Days: 20 })]);
    expect((await api.call('GET', '/api/orgs/demo/registrations?year=2024')).body.rows).toEqual([]);
  });

  it('answers id null for a rejected row sent without an id (the server makes none for it)', async () => {
    const res = await publishTrips([{ ...trip('', 'CB01', '01/05/2025', '31/04/2025'), ref: 'no-id' }]);
    expect(res.body.results[0]).toMatchObject({ ref: 'no-id', id: null, version: null, outcome: 'rejected' });
    expect(res.body.results[0].errors[0]).toMatchObject({ field: 'endDate', code: 'INVALID_DATE' });
    const absence = await api.call('POST', '/api/orgs/demo/absences/publish', { key: KEYS.editor, body: { rows: [{ cadreId: 'CB01', from: 'x', reason: 'sick' }] } });
    expect(absence.body.results[0]).toMatchObject({ id: null, outcome: 'rejected' });
  });

  it('rejects a row whose deleted flag does not parse, naming the field and the value, and stores nothing', async () => {
    const res = await publishTrips([{ ...trip('t-flag', 'CB01', '02/05/2025', '02/05/2025'), deleted: 'maybe' }]);
    expect(res.body.results[0]).toMatchObject({ id: 't-flag', outcome: 'rejected', version: null });
    expect(res.body.results[0].errors).toEqual([expect.objectContaining({ field: 'deleted', code: 'INVALID_FORMAT' })]);
    expect(res.body.results[0].errors[0].message).toContain('"maybe"');
    const stored = await api.call('GET', '/api/orgs/demo/trips?includeDeleted=true');
    expect(stored.body.rows.some((r: { id: string }) => r.id === 't-flag')).toBe(false);
    // "not deleted" in a sheet form is an ordinary row
    const kept = await publishTrips([{ ...trip('t-flag', 'CB01', '02/05/2025', '02/05/2025'), deleted: 'Không' }]);
    expect(kept.body.results[0].outcome).toBe('created');
  });

  it('answers conflict (not FORBIDDEN) to an editor whose stale registration row predates an approval', async () => {
    const reg = { cadreId: 'CB03', year: 2025, q1Days: 10 };
    const created = await api.call('POST', '/api/orgs/demo/registrations/publish', { key: KEYS.editor, body: { rows: [reg] } });
    const v1 = created.body.results[0].version;
    const approved = await api.call('POST', '/api/orgs/demo/registrations/publish', {
      key: KEYS.leader,
      body: { rows: [{ ...reg, approved: true, approvedBy: 'Bí thư', version: v1 }] },
    });
    expect(approved.body.results[0].outcome).toBe('updated');
    const stale = await api.call('POST', '/api/orgs/demo/registrations/publish', { key: KEYS.editor, body: { rows: [{ ...reg, q2Days: 5, version: v1 }] } });
    expect(stale.body.results[0]).toMatchObject({ outcome: 'conflict', version: approved.body.results[0].version, errors: [] });
    expect(stale.body.results[0].current).toMatchObject({ id: 'CB03-2025', approved: true, approvedBy: 'Bí thư' });
  });

  it('lets only a leader delete an approved registration (the delete would clear the approval)', async () => {
    const reg = { cadreId: 'CB01', year: 2028, q1Days: 10 };
    const created = await api.call('POST', '/api/orgs/demo/registrations/publish', { key: KEYS.leader, body: { rows: [{ ...reg, approved: true, approvedBy: 'Bí thư' }] } });
    const version = created.body.results[0].version;
    const byEditor = await api.call('POST', '/api/orgs/demo/registrations/publish', { key: KEYS.editor, body: { rows: [{ id: 'CB01-2028', deleted: true, version }] } });
    expect(byEditor.body.results[0]).toMatchObject({ id: 'CB01-2028', outcome: 'rejected', version: null });
    expect(byEditor.body.results[0].errors).toEqual([expect.objectContaining({ field: 'approved', code: 'FORBIDDEN' })]);
    const byLeader = await api.call('POST', '/api/orgs/demo/registrations/publish', { key: KEYS.leader, body: { rows: [{ id: 'CB01-2028', deleted: true, version }] } });
    expect(byLeader.body.results[0].outcome).toBe('deleted');
    // an unapproved registration an editor may delete
    const plain = await api.call('POST', '/api/orgs/demo/registrations/publish', { key: KEYS.editor, body: { rows: [{ ...reg, year: 2029 }] } });
    const del = await api.call('POST', '/api/orgs/demo/registrations/publish', {
      key: KEYS.editor,
      body: { rows: [{ cadreId: 'CB01', year: 2029, deleted: true, version: plain.body.results[0].version }] },
    });
    expect(del.body.results[0].outcome).toBe('deleted');
  });

  it('names the bad value in NO_CATEGORY and in FORBIDDEN messages', async () => {
    const res = await publishTrips([trip('t-nocat', 'CB01', '03/05/2025', '03/05/2025', { contents: ' ; ;' })]);
    expect(res.body.results[0].errors[0]).toMatchObject({ field: 'contents', code: 'NO_CATEGORY' });
    expect(res.body.results[0].errors[0].message).toContain('" ; ;"');
    const reg = await api.call('POST', '/api/orgs/demo/registrations/publish', {
      key: KEYS.editor,
      body: { rows: [{ cadreId: 'CB01', year: 2027, approved: 'x', approvedBy: 'Chị Ba' }] },
    });
    const messages = reg.body.results[0].errors.map((e: { message: string }) => e.message);
    expect(messages[0]).toContain('"true"');
    expect(messages[1]).toContain('"Chị Ba"');
  });

  it('returns rows as GET does: normalised, with id and version, without ref or unknown fields', async () => {
    const sent = [
      { cadreId: ' CB09 ', fullName: '  Lê   Thị B ', subject: 'Không', serviceStart: 45839, ref: 'A9', note: 'not a cadre field', version: null },
    ];
    const res = await api.call('POST', '/api/orgs/demo/cadres/publish', { key: KEYS.editor, body: { rows: sent } });
    expect(res.body.results[0]).toMatchObject({ ref: 'A9', id: 'CB09', outcome: 'created' });
    const rows = (await api.call('GET', '/api/orgs/demo/cadres', { key: KEYS.viewer })).body.rows;
    expect(rows.find((r: { id: string }) => r.id === 'CB09')).toEqual({
      id: 'CB09',
      version: res.body.results[0].version,
      cadreId: 'CB09',
      fullName: 'Lê   Thị B',
      department: '',
      position: '',
      subject: false,
      serviceStart: '2025-07-01',
    });
    const reg = await api.call('POST', '/api/orgs/demo/registrations/publish', {
      key: KEYS.editor,
      body: { rows: [{ cadreId: 'CB09', year: '2026', q1Days: '1,5', units: 'Xã A', extra: 1, ref: null }] },
    });
    expect(reg.body.results[0]).toMatchObject({ ref: null, id: 'CB09-2026', outcome: 'created' });
    const regs = (await api.call('GET', '/api/orgs/demo/registrations?year=2026', { key: KEYS.viewer })).body.rows;
    expect(regs).toEqual([
      { id: 'CB09-2026', version: reg.body.results[0].version, cadreId: 'CB09', year: 2026, q1Days: 1.5, q2Days: 0, q3Days: 0, q4Days: 0, units: 'Xã A', approved: false },
    ]);
  });

  it('filters GET trips by year (any date in the year)', async () => {
    const ny = await publishTrips([trip('t-ny', 'CB03', '29/12/2025', '02/01/2026')], KEYS.editor, '?asOf=2026-01-31');
    // the compliance of both years the trip touches, as of the request's asOf
    expect(ny.body.compliance.map((c: { cadreId: string; year: number }) => [c.cadreId, c.year])).toEqual([
      ['CB03', 2025],
      ['CB03', 2026],
    ]);
    expect(ny.body.compliance[1]).toMatchObject({ countedDays: 2, trips: 1 });
    expect(ny.body.results[0].derived.countedDays).toEqual({ '2025': 3, '2026': 2 });
    const y2026 = await api.call('GET', '/api/orgs/demo/trips?year=2026&asOf=2026-01-31');
    expect(y2026.body.rows.map((r: { id: string }) => r.id)).toEqual(['t-ny']);
    expect(y2026.body.rows[0].derived.countedDays).toEqual({ '2025': 3, '2026': 2 });
    const y2025 = await api.call('GET', '/api/orgs/demo/trips?year=2025');
    expect(y2025.body.rows.map((r: { id: string }) => r.id)).toContain('t-ny');
  });
});

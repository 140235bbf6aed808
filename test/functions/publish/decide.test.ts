/** The outcome table of api.md as a pure function of (prepared row, stored row). */
import { defaultPolicy } from '../../../shared/defaults';
import { decide, type DecideOptions } from '../../../functions/publish/decide';
import { prepareRows } from '../../../functions/publish/prepare';
import type { StoredRow } from '../../../functions/storage/types';
import type { Trip } from '../../../shared/models';

const ctx = { policyFor: defaultPolicy, today: '2025-12-31', units: [], hasCadre: (id: string) => id === 'CB01' };
const opts: DecideOptions = { canApprove: false, tripsOfCadre: (id) => (id === 'CB01' ? ['t1'] : []) };
const raw = (extra: Record<string, unknown> = {}) => ({ id: 't1', cadreId: 'CB01', unit: 'X', startDate: '01/03/2025', endDate: '02/03/2025', contents: 'kiem_tra', ...extra });
const record: Trip = { id: 't1', cadreId: 'CB01', unit: 'X', startDate: '2025-03-01', endDate: '2025-03-02', contents: ['kiem_tra'] };
const stored = (over: Partial<StoredRow<Trip>> = {}): StoredRow<Trip> => ({ id: 't1', record, version: 'v1', deleted: false, ...over });
const one = (r: unknown) => prepareRows('trips', [r], ctx, () => 'new-id')[0];

describe('decide', () => {
  it('created: nothing stored and no version, or stored as deleted', () => {
    const d = decide('trips', one(raw()), null, opts);
    expect(d).toMatchObject({ outcome: 'created', write: { id: 't1', expectedVersion: null, deleted: false, change: { outcome: 'created', old: null } } });
    expect(decide('trips', one(raw()), stored({ deleted: true, version: 'v9' }), opts)).toMatchObject({ outcome: 'created', write: { expectedVersion: 'v9' } });
  });
  it('unchanged: same content whatever the version; conflict without a version and other content', () => {
    expect(decide('trips', one(raw()), stored(), opts)).toMatchObject({ outcome: 'unchanged' });
    expect(decide('trips', one(raw({ version: 'old' })), stored(), opts)).toMatchObject({ outcome: 'unchanged' });
    expect(decide('trips', one(raw({ endDate: '03/03/2025' })), stored(), opts)).toMatchObject({ outcome: 'conflict', stored: { version: 'v1' } });
  });
  it('updated with the stored version; conflict with another, or with a version and nothing stored', () => {
    const edit = raw({ endDate: '03/03/2025', version: 'v1' });
    expect(decide('trips', one(edit), stored(), opts)).toMatchObject({
      outcome: 'updated',
      write: { expectedVersion: 'v1', change: { outcome: 'updated', old: record, new: { endDate: '2025-03-03' } } },
    });
    expect(decide('trips', one({ ...edit, version: 'v0' }), stored(), opts)).toMatchObject({ outcome: 'conflict' });
    expect(decide('trips', one(edit), null, opts)).toEqual({ outcome: 'conflict', stored: null });
  });
  it('deleted with the stored version; unchanged when already deleted or never stored; conflict when stale', () => {
    expect(decide('trips', one({ id: 't1', deleted: true, version: 'v1' }), stored(), opts)).toMatchObject({
      outcome: 'deleted',
      write: { deleted: true, expectedVersion: 'v1', change: { outcome: 'deleted', old: record, new: null } },
    });
    expect(decide('trips', one({ id: 't1', deleted: 'x' }), stored({ deleted: true }), opts)).toMatchObject({ outcome: 'unchanged' });
    expect(decide('trips', one({ id: 't1', deleted: true }), null, opts)).toEqual({ outcome: 'unchanged', stored: null });
    expect(decide('trips', one({ id: 't1', deleted: true, version: 'v0' }), stored(), opts)).toMatchObject({ outcome: 'conflict' });
  });
  it('checks a registration approval only on a row that would be written', () => {
    const reg = { cadreId: 'CB01', year: 2025, q1Days: 0, q2Days: 0, q3Days: 0, q4Days: 0, approved: true, approvedBy: 'Bí thư' };
    const approved = { id: 'CB01-2025', record: reg, version: 'v2', deleted: false };
    const prep = (r: Record<string, unknown>) => prepareRows('registrations', [r], ctx, () => 'x')[0];
    // stale version: a conflict, whatever the approval in the row
    expect(decide('registrations', prep({ cadreId: 'CB01', year: 2025, q1Days: 5, version: 'v1' }), approved, opts)).toMatchObject({ outcome: 'conflict' });
    // the stored version: the row would clear the approval
    expect(decide('registrations', prep({ cadreId: 'CB01', year: 2025, q1Days: 5, version: 'v2' }), approved, opts)).toMatchObject({
      outcome: 'rejected',
      errors: [{ field: 'approved', code: 'FORBIDDEN' }, { field: 'approvedBy', code: 'FORBIDDEN' }],
    });
    // deleting it would clear the approval; a leader may
    const del = prep({ id: 'CB01-2025', deleted: true, version: 'v2' });
    expect(decide('registrations', del, approved, opts)).toMatchObject({ outcome: 'rejected', errors: [{ field: 'approved', code: 'FORBIDDEN' }] });
    expect(decide('registrations', del, approved, { ...opts, canApprove: true })).toMatchObject({ outcome: 'deleted' });
    // keeping the approval is fine for an editor
    expect(decide('registrations', prep({ ...reg, q1Days: 5, version: 'v2' }), approved, opts)).toMatchObject({ outcome: 'updated' });
  });
  it('refuses to delete a cadre with trips', () => {
    const p = prepareRows('cadres', [{ cadreId: 'CB01', deleted: true, version: 'v1' }], ctx, () => 'x')[0];
    const cadreRow = { id: 'CB01', record: { cadreId: 'CB01', fullName: 'A', department: 'B', position: 'C', subject: true }, version: 'v1', deleted: false };
    const d = decide('cadres', p, cadreRow, opts);
    expect(d).toMatchObject({ outcome: 'rejected', errors: [{ field: 'cadreId', code: 'CADRE_HAS_TRIPS' }] });
  });
});

describe('prepareRows', () => {
  it('rejects every copy of an id after the first, and gives trips without an id a new one', () => {
    const rows = prepareRows('trips', [raw({ ref: 1 }), raw({ ref: 2 }), raw({ id: undefined, ref: 3 }), raw({ id: '  ', ref: 4 })], ctx, (() => {
      let n = 0;
      return () => `gen-${++n}`;
    })());
    expect(rows.map((r) => [r.type, r.id, r.ref])).toEqual([
      ['upsert', 't1', 1],
      ['rejected', 't1', 2],
      ['upsert', 'gen-1', 3],
      ['upsert', 'gen-2', 4],
    ]);
    expect((rows[1] as { errors: Array<{ code: string }> }).errors[0].code).toBe('DUPLICATE_ID');
  });
  it('answers the id as sent (null when none) for a rejected row, and rejects a delete flag that does not parse', () => {
    const rows = prepareRows('trips', [raw({ id: undefined, endDate: 'x' }), raw({ deleted: 'perhaps' }), raw({ id: 't2', deleted: '' }), raw({ id: 't3', deleted: 'Không' })], ctx, () => 'gen');
    expect(rows.map((r) => [r.type, r.id])).toEqual([
      ['rejected', null],
      ['rejected', 't1'],
      ['upsert', 't2'],
      ['upsert', 't3'],
    ]);
    expect((rows[1] as { errors: Array<{ field: string; code: string; message: string }> }).errors).toEqual([
      expect.objectContaining({ field: 'deleted', code: 'INVALID_FORMAT', message: expect.stringContaining('"perhaps"') }),
    ]);
  });
  it('needs only the id for a delete, and checks its form', () => {
    const rows = prepareRows('trips', [{ id: 't9', deleted: true }, { deleted: true }, { id: 'a b', deleted: 'Có' }], ctx, () => 'x');
    expect(rows.map((r) => r.type)).toEqual(['delete', 'rejected', 'rejected']);
    expect((rows[1] as { errors: Array<{ code: string }> }).errors[0].code).toBe('REQUIRED');
    expect((rows[2] as { errors: Array<{ code: string; message: string }> }).errors[0]).toMatchObject({
      code: 'INVALID_FORMAT',
      message: expect.stringContaining('"a b"'),
    });
    expect((rows[2] as { errors: Array<{ message: string }> }).errors[0].message).toContain('chữ không dấu');
  });
  it('takes a registration id from cadreId and year, or from id for a delete', () => {
    const rows = prepareRows('registrations', [{ cadreId: 'CB01', year: '2025', deleted: true }, { id: 'CB01-2024', deleted: true }], ctx, () => 'x');
    expect(rows.map((r) => [r.type, r.id])).toEqual([
      ['delete', 'CB01-2025'],
      ['delete', 'CB01-2024'],
    ]);
  });
});

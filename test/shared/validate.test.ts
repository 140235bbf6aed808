import { defaultPolicy } from '../../shared/defaults';
import type { Kind } from '../../shared/models';
import { parsePolicy, schemaFor, validateRow } from '../../shared/validate';
import { makeContext } from './schemas/helpers';

const rows: Record<Kind, Record<string, unknown>> = {
  cadres: { cadreId: 'CB01', fullName: 'Nguyễn Văn An' },
  units: { unitCode: 'XA01', name: 'Xã Tân Lập', kind: 'xa' },
  absences: { id: 'a1', cadreId: 'CB01', from: '2025-01-01', reason: 'sick' },
  registrations: { cadreId: 'CB01', year: 2025 },
  trips: { id: 't1', cadreId: 'CB01', unit: 'XA01', startDate: '2025-03-03', endDate: '2025-03-04', contents: 'khac' },
  evaluations: { cadreId: 'CB01', year: 2025, result: 'Không đạt', comment: 'Chưa đi đủ số ngày' },
};

describe('validateRow', () => {
  it.each(Object.keys(rows) as Kind[])('validates %s rows and ignores ref, version, deleted and unknown fields', (kind) => {
    const ctx = makeContext();
    const plain = validateRow(kind, rows[kind], ctx);
    const decorated = validateRow(kind, { ...rows[kind], ref: { sheet: 'A', row: 3 }, version: '"1"', deleted: false, extra: 1 }, ctx);
    expect(plain.ok).toBe(true);
    expect(decorated).toEqual(plain);
    if (plain.ok) {
      for (const key of ['ref', 'version', 'deleted', 'extra']) expect(key in plain.record).toBe(false);
    }
  });

  it('gives the same record when a valid record is validated again (normal form is stable)', () => {
    const ctx = makeContext();
    for (const kind of Object.keys(rows) as Kind[]) {
      const first = validateRow(kind, rows[kind], ctx);
      if (!first.ok) throw new Error(kind);
      expect(validateRow(kind, first.record, ctx)).toEqual(first);
    }
  });

  it('never gives null for an optional field', () => {
    const result = validateRow('trips', { ...rows.trips, days: null, description: null, orderNo: '', reportDate: ' ', cost: null }, makeContext());
    expect(result).toEqual({
      ok: true,
      record: { id: 't1', cadreId: 'CB01', unit: 'XA01', startDate: '2025-03-03', endDate: '2025-03-04', contents: ['khac'] },
    });
  });

  it('uses ctx.hasCadre, ctx.today, ctx.units and ctx.policyFor', () => {
    const ctx = makeContext({
      hasCadre: (id) => id === 'ZZ',
      today: '2025-03-03',
      units: [{ unitCode: 'U9', name: 'Xã Mới', kind: 'xa' }],
      policyFor: (y) => ({ ...defaultPolicy(y), categories: [{ code: 'moi', label: 'Mới' }] }),
    });
    const trip = { ...rows.trips, cadreId: 'ZZ', unit: 'xa moi', contents: 'moi', reportDate: '2025-03-03' };
    expect(validateRow('trips', trip, ctx)).toEqual({
      ok: true,
      record: { ...trip, unit: 'U9', contents: ['moi'], startDate: '2025-03-03', endDate: '2025-03-04' },
    });
    const bad = validateRow('trips', { ...trip, cadreId: 'CB01', contents: 'khac', reportDate: '2025-03-04' }, ctx);
    expect(bad.ok ? [] : bad.errors.map((e) => e.code)).toEqual(['UNKNOWN_CADRE', 'UNKNOWN_CATEGORY', 'REPORT_IN_FUTURE']);
  });

  it('exposes the zod schema of each kind', () => {
    const schema = schemaFor('units', makeContext());
    expect(schema.parse({ unitCode: 'A', name: 'B' })).toEqual({ unitCode: 'A', name: 'B', kind: 'khac' });
    expect(schema.safeParse({ unitCode: 'A' }).success).toBe(false);
  });

  it('re-exports parsePolicy', () => {
    expect(parsePolicy({}, 2030)).toEqual({ ok: true, policy: defaultPolicy(2030) });
  });

  // Speed is measured by `npm run bench`, not by a timed test (the shared CI machine's load varies).
  it('validates 5,000 trip rows with one context, every one accepted and normalised', () => {
    const ctx = makeContext();
    let accepted = 0;
    for (let i = 0; i < 5000; i++) {
      const r = validateRow('trips', { ...rows.trips, id: `t${i}`, days: '1,5', contents: 'Kiểm tra, giám sát; khac' }, ctx);
      if (r.ok && r.record.id === `t${i}` && r.record.contents.join() === 'kiem_tra,khac') accepted++;
    }
    expect(accepted).toBe(5000);
  });
});

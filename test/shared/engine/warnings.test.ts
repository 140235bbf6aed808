import { duplicateOrderNos, MAX_RELATED, orderNoKey } from '../../../shared/engine/warnings';
import { evaluateOrg } from '../../../shared/engine/evaluate';
import { absence, cadre, input, policy, trip } from './fixtures';

const warningsOf = (ev: ReturnType<typeof evaluateOrg>, id: string) => ev.trips.get(id)!.warnings;

describe('trip warnings', () => {
  test('UNKNOWN_UNIT names the unit as written; UNIT_NOT_VALID the unit code', () => {
    const unknown = trip('2025-03-03', '2025-03-04', { unit: 'Trường THPT A' });
    const expired = trip('2025-08-03', '2025-08-04', { unit: 'XA03' });
    const ev = evaluateOrg(
      input({
        trips: [unknown, expired],
        units: [{ unitCode: 'XA03', name: 'Xã Cũ', kind: 'xa', validTo: '2025-06-30', mergedInto: 'XA01' }],
      }),
    );
    const u = warningsOf(ev, unknown.id);
    expect(u.map((w) => w.code)).toEqual(['UNKNOWN_UNIT']);
    expect(u[0]).toMatchObject({ field: 'unit' });
    expect(u[0].message).toContain('Trường THPT A');
    const v = warningsOf(ev, expired.id);
    expect(v.map((w) => w.code)).toEqual(['UNIT_NOT_VALID']);
    expect(v[0].message).toContain('XA03');
  });

  test('DURING_ABSENCE (with the absence ids) and OUTSIDE_SERVICE', () => {
    const a = absence('2025-03-01', undefined, { id: 'ABS1' });
    const during = trip('2025-04-01', '2025-04-02');
    const outside = trip('2025-01-02', '2025-01-03');
    const ev = evaluateOrg(
      input({ cadres: [cadre('CB01', { serviceStart: '2025-01-03' })], absences: [a], trips: [during, outside] }),
    );
    expect(warningsOf(ev, during.id)).toEqual([expect.objectContaining({ code: 'DURING_ABSENCE', related: ['ABS1'] })]);
    expect(warningsOf(ev, outside.id).map((w) => w.code)).toEqual(['OUTSIDE_SERVICE']);
    // the days still count
    expect(ev.trips.get(during.id)!.derived.countedDays['2025']).toBe(2);
    expect(ev.trips.get(outside.id)!.derived.countedDays['2025']).toBe(2);
  });

  test('DUPLICATE_ORDER_NO: trimmed, any case, same cadre, starting the same year', () => {
    const a = trip('2025-03-03', '2025-03-04', { orderNo: ' 12/CL ' });
    const b = trip('2025-05-03', '2025-05-04', { orderNo: '12/cl' });
    const c = trip('2026-01-03', '2026-01-04', { orderNo: '12/CL' });
    const other = trip('2025-03-03', '2025-03-04', { orderNo: '12/CL', cadreId: 'CB02' });
    const ev = evaluateOrg(input({ cadres: [cadre('CB01'), cadre('CB02')], trips: [c, b, a, other], asOf: '2026-12-31' }));
    expect(warningsOf(ev, a.id)).toEqual([expect.objectContaining({ code: 'DUPLICATE_ORDER_NO', field: 'orderNo', related: [b.id] })]);
    expect(warningsOf(ev, b.id)[0].related).toEqual([a.id]);
    expect(warningsOf(ev, c.id)).toEqual([]);
    expect(warningsOf(ev, other.id)).toEqual([]);
  });

  test('AFTER_AS_OF, NO_COUNTABLE_DATES, NOT_REPORTED, DAYS_ABOVE_COUNTABLE', () => {
    const future = trip('2025-06-29', '2025-07-02');
    const weekend = trip('2025-03-08', '2025-03-09');
    const unreported = trip('2025-03-10', '2025-03-11');
    delete unreported.reportDate;
    const above = trip('2025-03-14', '2025-03-17', { days: 3 });
    const ev = evaluateOrg(
      input({
        trips: [future, weekend, unreported, above],
        asOf: '2025-06-30',
        policies: { 2025: policy(2025, { dayMode: 'working', countUnreportedTrips: false }) },
      }),
    );
    const f = warningsOf(ev, future.id);
    expect(f.map((w) => w.code)).toEqual(['AFTER_AS_OF']);
    expect(f[0].message).toContain('30/06/2025');
    expect(ev.trips.get(future.id)!.derived.countedDays['2025']).toBe(1); // Monday 30/06 only
    expect(warningsOf(ev, weekend.id).map((w) => w.code)).toEqual(['NO_COUNTABLE_DATES']);
    expect(warningsOf(ev, unreported.id).map((w) => w.code)).toEqual(['NOT_REPORTED']);
    const a = warningsOf(ev, above.id);
    expect(a.map((w) => w.code)).toEqual(['DAYS_ABOVE_COUNTABLE']);
    expect(a[0]).toMatchObject({ field: 'days' });
    expect(a[0].message).toContain('2 ngày');
    expect(ev.trips.get(above.id)!.derived.countedDays['2025']).toBe(2);
  });

  test('messages are Vietnamese', () => {
    const a = trip('2025-03-03', '2025-03-07');
    const b = trip('2025-03-06', '2025-03-09');
    const ev = evaluateOrg(input({ trips: [a, b] }));
    expect(warningsOf(ev, b.id)[0].message).toMatch(/Trùng ngày/);
  });
});

describe('duplicateOrderNos', () => {
  test('groups by start year and key, ignores empty numbers', () => {
    const out = duplicateOrderNos([
      { id: 'a', orderNo: 'X1', startYear: 2025 },
      { id: 'b', orderNo: 'x1 ', startYear: 2025 },
      { id: 'c', orderNo: ' ', startYear: 2025 },
      { id: 'd', orderNo: ' ', startYear: 2025 },
      { id: 'e', startYear: 2025 },
    ]);
    expect([...out.entries()]).toEqual([
      [0, { ids: ['b'], count: 1 }],
      [1, { ids: ['a'], count: 1 }],
    ]);
    expect(orderNoKey(' AB/Cd ')).toBe('ab/cd');
  });

  test('lists at most MAX_RELATED others per trip, with the count of all', () => {
    const n = 3000;
    const out = duplicateOrderNos(Array.from({ length: n }, (_, i) => ({ id: `t${i}`, orderNo: 'CL', startYear: 2025 })));
    expect(out.get(0)).toEqual({ ids: Array.from({ length: MAX_RELATED }, (_, i) => `t${i + 1}`), count: n - 1 });
    expect(out.get(5)?.ids).toEqual(Array.from({ length: MAX_RELATED + 1 }, (_, i) => `t${i}`).filter((id) => id !== 't5'));
    expect(out.get(n - 1)).toEqual({ ids: Array.from({ length: MAX_RELATED }, (_, i) => `t${i}`), count: n - 1 });
  });
});

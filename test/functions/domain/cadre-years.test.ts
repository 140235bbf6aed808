/**
 * A year assembled from cadre-year states (each cadre evaluated alone) is the engine's answer
 * over the whole org: rows, and every part of the summary.
 */
import fc from 'fast-check';
import { evaluateOrg } from '../../../shared/engine/evaluate';
import type { Absence, Cadre, EngineInput, Registration, Trip, Unit } from '../../../shared/models';
import { assembleYear, cadreYearState, evaluateCadre, yearMeta } from '../../../functions/domain/cadre-years';
import type { CadreDigest } from '../../../functions/storage/state';
import { policy } from '../../shared/engine/fixtures';

const UNITS: Unit[] = [
  { unitCode: 'XA01', name: 'Xã Yên Bình', kind: 'xa' },
  { unitCode: 'XA02', name: 'Phường Đông Hải', kind: 'phuong', validTo: '2025-06-30' },
  { unitCode: 'XA03', name: 'Xã Tân Lập', kind: 'xa', validFrom: '2026-01-01' },
  { unitCode: 'XA04', name: 'Thị trấn Mới', kind: 'khac' },
];
const CATEGORIES = ['khao_sat', 'kiem_tra', 'other_code'];
const DEPARTMENTS = ['Ban Tổ chức', 'Văn phòng', 'Ban Tuyên giáo'];

const iso = (day: number): string => new Date(Date.UTC(2024, 11, 1) + day * 86_400_000).toISOString().slice(0, 10);

const tripArb = fc.record({
  cadre: fc.nat(5),
  start: fc.nat(420),
  length: fc.nat(6),
  unit: fc.constantFrom('XA01', 'XA02', 'XA03', 'XA04', 'Xã Yên Bình', 'Nơi khác', 'nơi khác'),
  contents: fc.subarray(CATEGORIES, { minLength: 1 }),
  days: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
  orderNo: fc.option(fc.constantFrom('QĐ1', 'QĐ2'), { nil: undefined }),
  report: fc.option(fc.nat(40), { nil: undefined }),
  cost: fc.option(fc.nat(2_000_000), { nil: undefined }),
});

type TripSpec = typeof tripArb extends fc.Arbitrary<infer T> ? T : never;

function build(
  trips: TripSpec[],
  absences: Array<{ cadre: number; from: number; length: number }>,
  registered: number[],
  asOf: string,
): EngineInput {
  const cadres: Cadre[] = Array.from({ length: 5 }, (_, i) => ({
    cadreId: `CB${i}`,
    fullName: `Cán bộ ${i}`,
    department: DEPARTMENTS[i % DEPARTMENTS.length],
    position: '',
    subject: i !== 4,
    ...(i === 3 ? { startDate: '2025-04-01' } : {}),
  }));
  const tripRows: Trip[] = trips.map((t, k) => ({
    id: `T${k}`,
    cadreId: `CB${t.cadre}`,
    unit: t.unit,
    startDate: iso(t.start),
    endDate: iso(t.start + t.length),
    contents: t.contents,
    ...(t.days !== undefined && t.days <= t.length + 1 ? { days: t.days } : {}),
    ...(t.orderNo !== undefined ? { orderNo: t.orderNo } : {}),
    ...(t.report !== undefined ? { reportDate: iso(t.start + t.length + t.report) } : {}),
    ...(t.cost !== undefined ? { cost: t.cost } : {}),
  }));
  const absenceRows: Absence[] = absences.map((a, k) => ({ id: `A${k}`, cadreId: `CB${a.cadre}`, from: iso(a.from), to: iso(a.from + a.length), reason: 'study' }));
  const registrations: Registration[] = registered.map((c) => ({ cadreId: `CB${c}`, year: 2025, q1Days: 10, q2Days: 20, q3Days: 15, q4Days: 15, approved: false }));
  return { asOf, policies: { 2025: policy(2025, { requiredDays: 30 }) }, cadres, units: UNITS, trips: tripRows, absences: absenceRows, registrations };
}

describe('assembleYear', () => {
  it('equals the engine over the whole org (rows and summary), for any trips, absences and registrations', () => {
    fc.assert(
      fc.property(
        fc.array(tripArb, { maxLength: 40 }),
        fc.array(fc.record({ cadre: fc.nat(4), from: fc.nat(400), length: fc.nat(60) }), { maxLength: 4 }),
        fc.subarray([0, 1, 2, 3, 4]),
        fc.constantFrom('2025-06-30', '2025-12-31', '2026-02-15'),
        fc.constantFrom(2025, 2026),
        (trips, absences, registered, asOf, year) => {
          const input = build(trips, absences, registered, asOf);
          const whole = evaluateOrg(input).year(year);
          const states = input.cadres.map((c) => {
            const digest: CadreDigest = {
              cadreId: c.cadreId,
              trips: input.trips.filter((t) => t.cadreId === c.cadreId).map((t) => ({ id: t.id, record: t, version: 'v', deleted: false })),
              absences: input.absences.filter((a) => a.cadreId === c.cadreId),
            };
            const regs = input.registrations.filter((r) => r.cadreId === c.cadreId);
            return cadreYearState(evaluateCadre(asOf, input.policies, input.units, c, digest, regs), c.cadreId, year);
          });
          const assembled = assembleYear('demo', year, yearMeta(input.policies, input.units, year, asOf, 1), states, 'now');
          expect(assembled.cadres).toEqual(whole.cadres);
          expect(assembled.summary).toEqual(whole.summary);
          expect(assembled.policy).toEqual(whole.policy);
          expect(assembled.asOf).toBe(whole.asOf);
        },
      ),
      { numRuns: 150, seed: 8010 },
    );
  });

  it('a cadre not listed for the year keeps no row and adds nothing', () => {
    const input = build([], [], [], '2025-12-31');
    const state = cadreYearState(evaluateCadre('2025-12-31', input.policies, UNITS, undefined, undefined, []), 'CB9', 2025);
    expect(state).toEqual({ cadreId: 'CB9', row: null, parts: { categories: {}, units: [], reports: { on_time: 0, late: 0, pending: 0, overdue: 0 }, cost: 0 } });
  });
});

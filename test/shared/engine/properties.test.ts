/** Property-based tests of the engine (fast-check, 1,000 generated cases each). */
import fc from 'fast-check';
import { CountableCalendar } from '../../../shared/calendar';
import { addDays, isoToDay } from '../../../shared/dates';
import { policyLookup } from '../../../shared/defaults';
import { evaluateOrg } from '../../../shared/engine/evaluate';
import type { Absence, Cadre, EngineInput, Policy, Trip } from '../../../shared/models';
import { policy } from './fixtures';

const RUNS = { numRuns: 1000 };
const YEARS = [2025, 2026];
const STATUSES = ['exempt', 'met', 'not_met', 'not_started', 'on_track', 'behind'];
const BASE = '2024-12-20'; // generated dates run from here, over about 13 months

const dateArb = fc.integer({ min: 0, max: 400 }).map((n) => addDays(BASE, n));

const policyArb = (year: number): fc.Arbitrary<Policy> =>
  fc
    .record({
      requiredDays: fc.integer({ min: 0, max: 366 }),
      ws: fc.integer({ min: 0, max: 200 }),
      len: fc.integer({ min: 0, max: 364 }),
      dayMode: fc.constantFrom('calendar' as const, 'working' as const),
      proration: fc.constantFrom('byDays' as const, 'none' as const),
      countUnreportedTrips: fc.boolean(),
      holidays: fc.array(fc.integer({ min: 0, max: 364 }), { maxLength: 3 }),
      makeupWorkdays: fc.array(fc.integer({ min: 0, max: 364 }), { maxLength: 2 }),
    })
    .map((p) => {
      const first = `${year}-01-01`;
      const start = addDays(first, p.ws);
      const end = addDays(first, Math.min(364, p.ws + p.len));
      return policy(year, {
        requiredDays: p.requiredDays,
        windowStart: start,
        windowEnd: end,
        dayMode: p.dayMode,
        proration: p.proration,
        countUnreportedTrips: p.countUnreportedTrips,
        holidays: p.holidays.map((d) => addDays(first, d)),
        makeupWorkdays: p.makeupWorkdays.map((d) => addDays(first, d)),
      });
    });

const CADRES = ['CB01', 'CB02', 'CB03'];

const tripArb = fc
  .record({
    cadre: fc.constantFrom(...CADRES),
    start: fc.integer({ min: 0, max: 400 }),
    len: fc.integer({ min: 1, max: 12 }),
    halves: fc.option(fc.integer({ min: 1, max: 24 }), { nil: undefined }),
    reported: fc.boolean(),
    unit: fc.constantFrom('XA01', 'XA02', 'Xã Yên Bình', 'Trường học'),
    contents: fc.subarray(['khao_sat', 'kiem_tra', 'khac', 'la_ma'], { minLength: 1 }),
  })
  .map(({ cadre, start, len, halves, reported, unit, contents }) => {
    const startDate = addDays(BASE, start);
    const endDate = addDays(startDate, len - 1);
    const t: Omit<Trip, 'id'> = { cadreId: cadre, unit, startDate, endDate, contents };
    if (halves !== undefined) t.days = halves / 2;
    if (reported) t.reportDate = endDate;
    return t;
  });

const cadreArb = (cadreId: string): fc.Arbitrary<Cadre> =>
  fc
    .record({
      subject: fc.boolean(),
      serviceStart: fc.option(dateArb, { nil: undefined }),
      serviceLen: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
    })
    .map(({ subject, serviceStart, serviceLen }) => {
      const c: Cadre = { cadreId, fullName: cadreId, department: cadreId === 'CB02' ? 'Văn phòng' : 'Ban Tổ chức', position: 'x', subject };
      if (serviceStart) c.serviceStart = serviceStart;
      if (serviceLen !== undefined) c.serviceEnd = addDays(serviceStart ?? BASE, serviceLen);
      return c;
    });

const absenceArb = fc
  .record({ cadre: fc.constantFrom(...CADRES), from: dateArb, len: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }) })
  .map(({ cadre, from, len }, ) => {
    const a: Omit<Absence, 'id'> = { cadreId: cadre, from, reason: 'sick' };
    if (len !== undefined) a.to = addDays(from, len);
    return a;
  });

const inputArb: fc.Arbitrary<EngineInput> = fc
  .record({
    cadres: fc.tuple(cadreArb('CB01'), cadreArb('CB02'), cadreArb('CB03')),
    trips: fc.array(tripArb, { maxLength: 12 }),
    absences: fc.array(absenceArb, { maxLength: 3 }),
    asOf: dateArb,
    p2025: fc.option(policyArb(2025), { nil: undefined }),
    p2026: fc.option(policyArb(2026), { nil: undefined }),
  })
  .map(({ cadres, trips, absences, asOf, p2025, p2026 }) => {
    const policies: Record<number, Policy> = {};
    if (p2025) policies[2025] = p2025;
    if (p2026) policies[2026] = p2026;
    return {
      cadres: [...cadres],
      trips: trips.map((t, i) => ({ ...t, id: `T${String(i).padStart(3, '0')}` })),
      absences: absences.map((a, i) => ({ ...a, id: `A${i}` })),
      units: [
        { unitCode: 'XA01', name: 'Xã Yên Bình', kind: 'xa' as const, validTo: '2025-06-30' },
        { unitCode: 'XA02', name: 'Phường Đông Hải', kind: 'phuong' as const },
      ],
      registrations: [{ cadreId: 'CB01', year: 2025, q1Days: 10, q2Days: 20, q3Days: 20, q4Days: 10, approved: true }],
      asOf,
      policies,
    };
  });

/** counted days per cadre-year: `CB01|2025` → days. */
function countedByCadreYear(input: EngineInput): Map<string, number> {
  const ev = evaluateOrg(input);
  const out = new Map<string, number>();
  for (const y of YEARS) for (const r of ev.year(y).cadres) out.set(`${r.cadreId}|${y}`, r.countedDays);
  return out;
}

describe('engine properties', () => {
  test('a cadre-year never counts more than the distinct countable dates of its window up to asOf', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const ev = evaluateOrg(input);
        const lookup = policyLookup(input.policies);
        const cal = new CountableCalendar(lookup);
        for (const y of YEARS) {
          const p = lookup(y);
          const last = Math.min(isoToDay(p.windowEnd), isoToDay(input.asOf));
          const limit = last < isoToDay(p.windowStart) ? 0 : cal.countableDays(isoToDay(p.windowStart), last).length;
          for (const r of ev.year(y).cadres) expect(r.countedDays).toBeLessThanOrEqual(limit);
        }
      }),
      RUNS,
    );
  });

  test('adding a trip never lowers anyone\'s counted days', () => {
    fc.assert(
      fc.property(inputArb, tripArb, (input, extra) => {
        const before = countedByCadreYear(input);
        const after = countedByCadreYear({ ...input, trips: [...input.trips, { ...extra, id: 'T-extra' }] });
        for (const [key, days] of before) expect(after.get(key) ?? 0).toBeGreaterThanOrEqual(days);
      }),
      RUNS,
    );
  });

  test('shuffling the input gives identical results', () => {
    fc.assert(
      fc.property(inputArb, fc.infiniteStream(fc.nat()), (input, seeds) => {
        const it = seeds[Symbol.iterator]();
        const shuffle = <T>(xs: T[]): T[] => {
          const a = [...xs];
          for (let i = a.length - 1; i > 0; i--) {
            const j = (it.next().value as number) % (i + 1);
            [a[i], a[j]] = [a[j], a[i]];
          }
          return a;
        };
        const shuffled: EngineInput = {
          ...input,
          cadres: shuffle(input.cadres),
          trips: shuffle(input.trips),
          absences: shuffle(input.absences),
          units: shuffle(input.units),
        };
        const a = evaluateOrg(input);
        const b = evaluateOrg(shuffled);
        for (const y of YEARS) expect(b.year(y)).toEqual(a.year(y));
        for (const t of input.trips) expect(b.trips.get(t.id)).toEqual(a.trips.get(t.id));
      }),
      RUNS,
    );
  });

  test('splitting a trip without declared days into two adjacent trips keeps the totals', () => {
    fc.assert(
      fc.property(inputArb, tripArb, fc.nat(), (input, whole, cut) => {
        const t: Trip = { ...whole, id: 'T-whole' };
        delete t.days;
        const span = isoToDay(t.endDate) - isoToDay(t.startDate) + 1;
        fc.pre(span >= 2);
        const firstLen = 1 + (cut % (span - 1));
        const a: Trip = { ...t, id: 'T-part1', endDate: addDays(t.startDate, firstLen - 1) };
        const b: Trip = { ...t, id: 'T-part2', startDate: addDays(t.startDate, firstLen) };
        const whole1 = countedByCadreYear({ ...input, trips: [...input.trips, t] });
        const split = countedByCadreYear({ ...input, trips: [...input.trips, a, b] });
        expect(split).toEqual(whole1);
      }),
      RUNS,
    );
  });

  test('every day figure is a multiple of 0.5; required never exceeds the policy; status is one of six', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const ev = evaluateOrg(input);
        const lookup = policyLookup(input.policies);
        const half = (x: number): boolean => Number.isInteger(x * 2) && x >= 0;
        for (const y of YEARS) {
          const yc = ev.year(y);
          for (const r of yc.cadres) {
            expect(half(r.countedDays) && half(r.remainingDays)).toBe(true);
            expect(Number.isInteger(r.requiredDays)).toBe(true);
            expect(r.requiredDays).toBeLessThanOrEqual(lookup(y).requiredDays);
            expect(STATUSES).toContain(r.status);
          }
          for (const d of yc.summary.byDepartment) expect(half(d.countedDays)).toBe(true);
          for (const c of yc.summary.byCategory) expect(half(c.days)).toBe(true);
        }
        for (const t of input.trips) {
          for (const days of Object.values(ev.trips.get(t.id)!.derived.countedDays)) expect(half(days)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  test('the cadre-year total equals the sum of its trips\' counted days for the year', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const ev = evaluateOrg(input);
        for (const y of YEARS) {
          for (const r of ev.year(y).cadres) {
            const sum = input.trips
              .filter((t) => t.cadreId === r.cadreId)
              .reduce((s, t) => s + (ev.trips.get(t.id)!.derived.countedDays[String(y)] ?? 0), 0);
            expect(r.countedDays).toBe(sum);
          }
        }
      }),
      RUNS,
    );
  });
});

import { policyLookup } from '../../../shared/defaults';
import { isoToDay } from '../../../shared/dates';
import { CREDIT_FLAG, GroupCredit, creditGroup } from '../../../shared/engine/credit';
import { buildTripTable, loadGroup } from '../../../shared/engine/trip-table';
import { STRIDE } from '../../../shared/engine/trip-record';
import { YearContexts } from '../../../shared/engine/year-context';
import type { Policy, Trip } from '../../../shared/models';
import { policy, trip } from './fixtures';

/** Credits one cadre's trips (with OVERLAP's related trips) and reads the results by trip. */
function credit(trips: Trip[], asOf = '2025-12-31', policies: Record<number, Policy> = {}) {
  const table = buildTripTable(trips);
  const years = new YearContexts(policyLookup(policies), isoToDay(asOf));
  const buffer = new Int32Array(table.maxGroup * STRIDE);
  const m = loadGroup(table, 0, buffer);
  const out = new GroupCredit();
  const related = new Map<number, number[]>();
  creditGroup(buffer, 0, m, years, out, related);
  // the same credit without `related`
  const plain = new GroupCredit(1);
  creditGroup(buffer, 0, m, years, plain);
  expect(Array.from(plain.flags.subarray(0, m))).toEqual(Array.from(out.flags.subarray(0, m)));
  expect(Array.from(plain.halvesFirst.subarray(0, m))).toEqual(Array.from(out.halvesFirst.subarray(0, m)));
  const place = (t: Trip) => {
    for (let j = 0; j < m; j++) if (trips[table.order[j]] === t) return j;
    throw new Error('not in the group');
  };
  return {
    halves: (t: Trip, year = 2025) => out.halvesIn(place(t), year),
    flags: (t: Trip) => out.flags[place(t)],
    related: (t: Trip) => (related.get(place(t)) ?? []).map((q) => trips[table.order[q]].id),
    countable: (t: Trip) => out.countable[place(t)],
  };
}

describe('credit', () => {
  test('declared days weigh the first countable dates, whatever the window or asOf', () => {
    const t = trip('2025-02-26', '2025-03-05', { days: 2.5 });
    const c = credit([t], '2025-12-31', { 2025: policy(2025, { windowStart: '2025-03-01' }) });
    // weights fall on 26/02, 27/02 (1 each), 28/02 (0.5): all outside the window
    expect(c.halves(t)).toBe(0);
    const d = credit([t], '2025-02-26');
    expect(d.halves(t)).toBe(2); // only 26/02 is on or before asOf
  });

  test('days above the countable dates weigh 1 each and flag DAYS_ABOVE_COUNTABLE', () => {
    const t = trip('2025-03-07', '2025-03-10', { days: 3 });
    const c = credit([t], '2025-12-31', { 2025: policy(2025, { dayMode: 'working' }) });
    expect(c.countable(t)).toBe(2);
    expect(c.halves(t)).toBe(4);
    expect(c.flags(t) & CREDIT_FLAG.DAYS_ABOVE_COUNTABLE).toBeTruthy();
  });

  test('credit order is start, end, then id by code point; the later trip loses', () => {
    const a = trip('2025-03-03', '2025-03-07', { id: 'b' });
    const b = trip('2025-03-03', '2025-03-07', { id: 'B' }); // 'B' < 'b' in code points
    const c = credit([a, b]);
    expect(c.halves(b)).toBe(10);
    expect(c.halves(a)).toBe(0);
    expect(c.related(a)).toEqual(['B']);
    expect(c.flags(b) & CREDIT_FLAG.OVERLAP).toBe(0);
  });

  test('related lists every trip credited on the lost dates, in credit order', () => {
    const a = trip('2025-03-01', '2025-03-02', { id: 'a' });
    const c = trip('2025-03-02', '2025-03-04', { id: 'c' });
    const long = trip('2025-03-02', '2025-03-05', { id: 'long' });
    const r = credit([long, c, a]);
    expect(r.halves(long)).toBe(2); // only 05/03
    expect(r.related(long)).toEqual(['a', 'c']);
    expect(r.related(c)).toEqual(['a']);
    expect(r.related(a)).toEqual([]);
  });

  test('two half-day trips both count as related', () => {
    const h1 = trip('2025-03-03', '2025-03-03', { id: 'h1', days: 0.5 });
    const h2 = trip('2025-03-03', '2025-03-03', { id: 'h2', days: 0.5 });
    const long = trip('2025-03-03', '2025-03-04', { id: 'long' });
    const r = credit([long, h2, h1]);
    expect(r.halves(long)).toBe(2);
    expect(r.related(long)).toEqual(['h1', 'h2']);
  });

  test('a half left on a date goes to the next trip; credit never moves to another date', () => {
    const h = trip('2025-04-10', '2025-04-10', { id: 'h', days: 0.5 });
    const full = trip('2025-04-10', '2025-04-11', { id: 'z' });
    const c = credit([h, full]);
    expect(c.halves(h)).toBe(1);
    expect(c.halves(full)).toBe(3);
    expect(c.related(full)).toEqual(['h']);
  });

  test('countUnreportedTrips=false: an unreported trip weighs 0 and takes nothing', () => {
    const unreported = trip('2025-03-03', '2025-03-07', { id: 'a' });
    delete unreported.reportDate;
    const reported = trip('2025-03-05', '2025-03-06', { id: 'b' });
    const c = credit([unreported, reported], '2025-12-31', { 2025: policy(2025, { countUnreportedTrips: false }) });
    expect(c.halves(unreported)).toBe(0);
    expect(c.halves(reported)).toBe(4);
    expect(c.flags(unreported) & CREDIT_FLAG.NOT_REPORTED).toBeTruthy();
    expect(c.flags(unreported) & CREDIT_FLAG.OVERLAP).toBe(0);
    expect(c.flags(reported) & CREDIT_FLAG.OVERLAP).toBe(0);
  });

  test('each date uses the policy of its own year across New Year', () => {
    const t = trip('2025-12-29', '2026-01-04');
    const c = credit([t], '2026-12-31', { 2026: policy(2026, { dayMode: 'working' }) });
    expect(c.halves(t, 2025)).toBe(6); // 29–31/12, calendar mode
    expect(c.halves(t, 2026)).toBe(2); // 01/01 holiday, 02/01 Friday, 03–04 weekend
    expect(c.countable(t)).toBe(4);
  });

  test('a trip over three years keeps each year apart', () => {
    const t = trip('2024-12-30', '2026-01-02');
    const c = credit([t], '2026-12-31');
    expect([c.halves(t, 2024), c.halves(t, 2025), c.halves(t, 2026), c.halves(t, 2027)]).toEqual([4, 730, 4, 0]);
  });

  test('a reused GroupCredit forgets the previous group', () => {
    const years = new YearContexts(policyLookup({}), isoToDay('2026-12-31'));
    const out = new GroupCredit();
    const buffer = new Int32Array(STRIDE);
    // (a table's records are scratch memory: each is loaded before the next is built)
    const long = buildTripTable([trip('2024-12-30', '2026-01-02')]);
    creditGroup(buffer, 0, loadGroup(long, 0, buffer), years, out);
    expect(out.halvesIn(0, 2026)).toBe(4);
    const short = buildTripTable([trip('2025-03-03', '2025-03-03')]);
    creditGroup(buffer, 0, loadGroup(short, 0, buffer), years, out);
    expect([out.halvesIn(0, 2025), out.halvesIn(0, 2026), out.halvesIn(0, 2027)]).toEqual([2, 0, 0]);
  });
});

describe('creditGroup with a base', () => {
  test('reads the group from any place of a larger record array', () => {
    const trips = [trip('2025-03-03', '2025-03-07', { id: 'a' }), trip('2025-03-06', '2025-03-09', { id: 'b' })];
    const table = buildTripTable(trips);
    const years = new YearContexts(policyLookup({}), isoToDay('2025-12-31'));
    const alone = new Int32Array(2 * STRIDE);
    loadGroup(table, 0, alone);
    const padded = new Int32Array(5 * STRIDE).fill(-7);
    padded.set(alone, 2 * STRIDE);
    const a = new GroupCredit();
    const b = new GroupCredit();
    creditGroup(alone, 0, 2, years, a);
    creditGroup(padded, 2 * STRIDE, 2, years, b);
    expect([b.halvesIn(0, 2025), b.halvesIn(1, 2025), b.flags[1]]).toEqual([a.halvesIn(0, 2025), a.halvesIn(1, 2025), a.flags[1]]);
    expect([a.halvesIn(0, 2025), a.halvesIn(1, 2025)]).toEqual([10, 4]);
  });
});

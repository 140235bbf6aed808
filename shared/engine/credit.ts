/**
 * Rules 1–5 of "Counting days": each trip's weights on its countable dates, credited per
 * cadre in credit order with at most one day per date (OVERLAP), counted towards each date's
 * own year when inside that year's window and on or before `asOf`.
 * Day figures are whole half-days here (weight 2 = one day, 1 = half a day).
 */
import { yearOfDay } from '../dates';
import { NO_REPORT, type CadreGroup, type TripTable } from './trip-table';
import type { YearContexts } from './year-context';

/** Bits of `CreditResult.flags`. */
export const CREDIT_FLAG = {
  OVERLAP: 1,
  DAYS_ABOVE_COUNTABLE: 2,
  NOT_REPORTED: 4,
} as const;

/** Every array is indexed by the trip's position in the table (credit order). */
export interface CreditResult {
  /** Year of each trip's `startDate`. */
  readonly firstYear: Int32Array;
  /** Counted half-days in the trip's first year and in the year after. */
  readonly halvesFirst: Int32Array;
  readonly halvesSecond: Int32Array;
  /** Counted half-days in later years (trips longer than two years), by position then year. */
  readonly halvesLater: ReadonlyMap<number, ReadonlyMap<number, number>>;
  /** The trip's countable dates, all its years. */
  readonly countable: Int32Array;
  readonly flags: Uint8Array;
}

/** Weight of the k-th (0-based) countable date, in half-days. */
function weightAt(k: number, full: boolean, wholeDays: number, half: boolean): number {
  if (full || k < wholeDays) return 2;
  return k === wholeDays && half ? 1 : 0;
}

/** Scratch buffers reused across cadres (grown on demand). */
class Scratch {
  used = new Uint8Array(1024);
  ownerA = new Int32Array(1024);
  ownerB = new Int32Array(1024);

  reset(span: number): void {
    if (span > this.used.length) {
      const size = Math.max(span, this.used.length * 2);
      this.used = new Uint8Array(size);
      this.ownerA = new Int32Array(size);
      this.ownerB = new Int32Array(size);
    } else this.used.fill(0, 0, span);
  }
}

/** Credits every trip of the table (OVERLAP is flagged; its `related` is `overlapRelated`'s job). */
export function creditTrips(table: TripTable, years: YearContexts): CreditResult {
  const n = table.trips.length;
  const result: CreditResult = {
    firstYear: new Int32Array(n),
    halvesFirst: new Int32Array(n),
    halvesSecond: new Int32Array(n),
    halvesLater: new Map<number, Map<number, number>>(),
    countable: new Int32Array(n),
    flags: new Uint8Array(n),
  };
  const scratch = new Scratch();
  for (const group of table.groups) creditGroup(table, years, group, scratch, result, undefined);
  return result;
}

/**
 * The trips credited on the dates each OVERLAP trip of a cadre lost, in credit order (by
 * position). Replays the cadre's credit; computed on demand, as only warnings need it.
 */
export function overlapRelated(
  table: TripTable,
  years: YearContexts,
  group: CadreGroup,
  result: CreditResult,
): Map<number, number[]> {
  const related = new Map<number, number[]>();
  creditGroup(table, years, group, new Scratch(), result, related);
  return related;
}

function creditGroup(
  table: TripTable,
  years: YearContexts,
  group: CadreGroup,
  scratch: Scratch,
  out: CreditResult,
  related: Map<number, number[]> | undefined,
): void {
  if (group.to === group.from) return;
  const { start, end, declaredHalves, reportDay } = table;
  const { firstYear, halvesFirst, halvesSecond, countable, flags } = out;
  const halvesLater = out.halvesLater as Map<number, Map<number, number>>;
  let base = Infinity;
  let top = -Infinity;
  for (let p = group.from; p < group.to; p++) {
    if (start[p] < base) base = start[p];
    if (end[p] > top) top = end[p];
  }
  scratch.reset(top - base + 1);
  const { used, ownerA, ownerB } = scratch;

  for (let t = group.from; t < group.to; t++) {
    const s = start[t];
    const e = end[t];
    const nCountable = years.countableBetween(s, e);
    countable[t] = nCountable;
    let full = true;
    let wholeDays = 0;
    let half = false;
    const halves = declaredHalves[t];
    if (halves > 0) {
      if (halves > 2 * nCountable) flags[t] |= CREDIT_FLAG.DAYS_ABOVE_COUNTABLE;
      else {
        full = false;
        wholeDays = halves >> 1;
        half = (halves & 1) === 1;
      }
    }
    const unreported = reportDay[t] === NO_REPORT;
    let lost = false;
    let lostFrom: number[] | undefined;
    let k = 0;
    const y0 = yearOfDay(s);
    firstYear[t] = y0;
    let d = s;
    while (d <= e) {
      const ctx = years.ofDay(d);
      const stop = e < ctx.last ? e : ctx.last;
      const zero = unreported && !ctx.countUnreportedTrips;
      if (zero) flags[t] |= CREDIT_FLAG.NOT_REPORTED;
      const { mask, windowStart, countEnd } = ctx;
      const first = ctx.first;
      let counted = 0;
      for (; d <= stop; d++) {
        if (mask[d - first] === 0) continue;
        let w = weightAt(k, full, wholeDays, half);
        k++;
        if (zero) w = 0;
        if (w === 0) continue;
        const off = d - base;
        const u = used[off];
        const credit = w < 2 - u ? w : 2 - u;
        if (credit < w) {
          lost = true;
          if (related) {
            lostFrom ??= [];
            if (u > 0) lostFrom.push(ownerA[off]);
            if (u === 2 && ownerB[off] >= 0) lostFrom.push(ownerB[off]);
          }
        }
        if (credit > 0) {
          if (u === 0) {
            ownerA[off] = t;
            ownerB[off] = -1;
          } else ownerB[off] = t;
          used[off] = u + credit;
          if (d >= windowStart && d <= countEnd) counted += credit;
        }
      }
      const y = ctx.year;
      if (y === y0) halvesFirst[t] = counted;
      else if (y === y0 + 1) halvesSecond[t] = counted;
      else {
        let later = halvesLater.get(t);
        if (!later) halvesLater.set(t, (later = new Map()));
        later.set(y, counted);
      }
    }
    if (lost) {
      flags[t] |= CREDIT_FLAG.OVERLAP;
      if (related && lostFrom) related.set(t, [...new Set(lostFrom)].sort((a, b) => a - b));
    }
  }
}

/** The counted half-days in `year` of the trip at position `t` (0 when it does not touch it). */
export function tripHalvesIn(credit: CreditResult, t: number, year: number): number {
  const y0 = credit.firstYear[t];
  if (year === y0) return credit.halvesFirst[t];
  if (year === y0 + 1) return credit.halvesSecond[t];
  return credit.halvesLater.get(t)?.get(year) ?? 0;
}

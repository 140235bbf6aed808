/**
 * Rules 1–5 of "Counting days": each trip's weights on its countable dates, credited per
 * cadre in credit order with at most one day per date (OVERLAP), counted towards each date's
 * own year when inside that year's window and on or before `asOf`.
 * Day figures are whole half-days here (weight 2 = one day, 1 = half a day).
 */
import * as dates from '../dates';
import * as scratch from './scratch';
import * as record from './trip-record';
import type { YearContexts } from './year-context';

// Bindings used in loops are read once here: under tsx (esbuild's CommonJS interop) every
// read of an imported binding is a getter call, several times slower than a local constant.
const { yearOfDay } = dates;
const { scratchInt32, scratchUint8 } = scratch;
const { NO_REPORT, R_DECLARED, R_END, R_REPORT, R_START, STRIDE } = record;

/** Bits of `GroupCredit.flags`. */
export const CREDIT_FLAG = {
  OVERLAP: 1,
  DAYS_ABOVE_COUNTABLE: 2,
  NOT_REPORTED: 4,
} as const;

/** One cadre's credit; every array is indexed by the trip's place j in the group (credit order). */
export class GroupCredit {
  /** Year of each trip's `startDate`. */
  firstYear: Int32Array;
  /** Counted half-days in the trip's first year and in the year after. */
  halvesFirst: Int32Array;
  halvesSecond: Int32Array;
  /** Counted half-days in later years (trips longer than two years), by place then year. */
  readonly halvesLater = new Map<number, Map<number, number>>();
  /** The trip's countable dates, all its years. */
  countable: Int32Array;
  flags: Uint8Array;

  constructor(capacity = 0) {
    this.firstYear = new Int32Array(capacity);
    this.halvesFirst = new Int32Array(capacity);
    this.halvesSecond = new Int32Array(capacity);
    this.countable = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
  }

  /** Room for `size` trips; forgets the previous group. */
  reset(size: number): void {
    if (size > this.flags.length) {
      const capacity = Math.max(size, this.flags.length * 2);
      this.firstYear = new Int32Array(capacity);
      this.halvesFirst = new Int32Array(capacity);
      this.halvesSecond = new Int32Array(capacity);
      this.countable = new Int32Array(capacity);
      this.flags = new Uint8Array(capacity);
    }
    if (this.halvesLater.size > 0) this.halvesLater.clear();
  }

  /** Counted half-days in `year` of the trip at place j (0 when it does not touch it). */
  halvesIn(j: number, year: number): number {
    const y0 = this.firstYear[j];
    if (year === y0) return this.halvesFirst[j];
    if (year === y0 + 1) return this.halvesSecond[j];
    return this.halvesLater.get(j)?.get(year) ?? 0;
  }
}

/** Weight of the k-th (0-based) countable date, in half-days. */
function weightAt(k: number, full: boolean, wholeDays: number, half: boolean): number {
  if (full || k < wholeDays) return 2;
  return k === wholeDays && half ? 1 : 0;
}

/**
 * Credits one cadre's `m` trips: their records in credit order, place j at
 * `base + j * STRIDE` of `records`. Results go to `out` (reset first). With `related`,
 * OVERLAP's related trips are listed too: for each place j that lost, the places credited on
 * the dates it lost, in order.
 */
export function creditGroup(
  records: Int32Array,
  base: number,
  m: number,
  years: YearContexts,
  out: GroupCredit,
  related?: Map<number, number[]>,
): void {
  out.reset(m);
  if (m === 0) return;
  const { firstYear, halvesFirst, halvesSecond, countable, flags, halvesLater } = out;
  let low = 2147483647;
  let top = -2147483648;
  for (let b = base; b < base + m * STRIDE; b += STRIDE) {
    if (records[b + R_START] < low) low = records[b + R_START];
    if (records[b + R_END] > top) top = records[b + R_END];
  }
  const span = top - low + 1;
  // per date of the cadre: credited half-days (0–2) and, for `related`, who got them
  const used = scratchUint8('credit.used', span > 0 ? span : 0);
  used.fill(0, 0, span > 0 ? span : 0);
  const ownerA = scratchInt32('credit.ownerA', related && span > 0 ? span : 0);
  const ownerB = scratchInt32('credit.ownerB', related && span > 0 ? span : 0);

  for (let j = 0; j < m; j++) {
    const b = base + j * STRIDE;
    const s = records[b + R_START];
    const e = records[b + R_END];
    const nCountable = years.countableBetween(s, e);
    countable[j] = nCountable;
    let tripFlags = 0;
    let full = true;
    let wholeDays = 0;
    let half = false;
    const halves = records[b + R_DECLARED];
    if (halves > 0) {
      if (halves > 2 * nCountable) tripFlags |= CREDIT_FLAG.DAYS_ABOVE_COUNTABLE;
      else {
        full = false;
        wholeDays = halves >> 1;
        half = (halves & 1) === 1;
      }
    }
    const unreported = records[b + R_REPORT] === NO_REPORT;
    let lost = false;
    let lostFrom: number[] | undefined;
    let k = 0;
    const y0 = yearOfDay(s);
    firstYear[j] = y0;
    halvesFirst[j] = 0;
    halvesSecond[j] = 0;
    let d = s;
    while (d <= e) {
      const ctx = years.ofDay(d);
      const stop = e < ctx.last ? e : ctx.last;
      const zero = unreported && !ctx.countUnreportedTrips;
      if (zero) tripFlags |= CREDIT_FLAG.NOT_REPORTED;
      const { mask, windowStart, countEnd } = ctx;
      const first = ctx.first;
      let counted = 0;
      for (; d <= stop; d++) {
        if (mask[d - first] === 0) continue;
        let w = weightAt(k, full, wholeDays, half);
        k++;
        if (zero) w = 0;
        if (w === 0) continue;
        const off = d - low;
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
          if (related) {
            if (u === 0) {
              ownerA[off] = j;
              ownerB[off] = -1;
            } else ownerB[off] = j;
          }
          used[off] = u + credit;
          if (d >= windowStart && d <= countEnd) counted += credit;
        }
      }
      const y = ctx.year;
      if (y === y0) halvesFirst[j] = counted;
      else if (y === y0 + 1) halvesSecond[j] = counted;
      else {
        let later = halvesLater.get(j);
        if (!later) halvesLater.set(j, (later = new Map()));
        later.set(y, counted);
      }
    }
    if (lost) {
      tripFlags |= CREDIT_FLAG.OVERLAP;
      if (related && lostFrom) related.set(j, [...new Set(lostFrom)].sort((a, b) => a - b));
    }
    flags[j] = tripFlags;
  }
}

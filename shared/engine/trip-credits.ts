/**
 * Every trip's own credit (counted half-days per year, countable dates, flags), by position.
 * Made on the first trip evaluation only (a year's figures do not need it): the trips are read
 * again from the trip objects and each cadre's group is credited in the credit order the table
 * found.
 */
import type { Trip } from '../models';
import * as credits from './credit';
import { GroupCredit } from './credit';
import * as scratch from './scratch';
import * as record from './trip-record';
import type { YearContexts } from './year-context';

// Bindings used in loops are read once here: under tsx (esbuild's CommonJS interop) every
// read of an imported binding is a getter call, several times slower than a local constant.
const { creditGroup } = credits;
const { scratchInt32 } = scratch;
const { STRIDE, encodeDates } = record;

export class TripCredits {
  /** Year of each trip's `startDate`. */
  readonly firstYear: Int32Array;
  /** Counted half-days in the trip's first year and in the year after. */
  readonly halvesFirst: Int32Array;
  readonly halvesSecond: Int32Array;
  /** Counted half-days in later years (trips longer than two years), by position then year. */
  readonly halvesLater = new Map<number, ReadonlyMap<number, number>>();
  /** The trip's countable dates, all its years. */
  readonly countable: Int32Array;
  /** CREDIT_FLAG bits. */
  readonly flags: Uint8Array;

  /**
   * `order`/`groupStart`: the table's positions (groups in credit order); `rank`: the position
   * of each input trip.
   */
  constructor(trips: readonly Trip[], order: Int32Array, rank: Int32Array, groupStart: Int32Array, years: YearContexts) {
    const n = order.length;
    this.firstYear = new Int32Array(n);
    this.halvesFirst = new Int32Array(n);
    this.halvesSecond = new Int32Array(n);
    this.countable = new Int32Array(n);
    this.flags = new Uint8Array(n);
    // records by position: the trip objects read in input order, each written at its position
    const records = scratchInt32('credits.records', n * STRIDE);
    for (let t = 0; t < n; t++) encodeDates(trips[t], records, rank[t] * STRIDE);
    const credit = new GroupCredit(64);
    for (let g = 0; g + 1 < groupStart.length; g++) {
      const from = groupStart[g];
      const m = groupStart[g + 1] - from;
      if (m === 0) continue;
      creditGroup(records, from * STRIDE, m, years, credit);
      this.firstYear.set(credit.firstYear.subarray(0, m), from);
      this.halvesFirst.set(credit.halvesFirst.subarray(0, m), from);
      this.halvesSecond.set(credit.halvesSecond.subarray(0, m), from);
      this.countable.set(credit.countable.subarray(0, m), from);
      this.flags.set(credit.flags.subarray(0, m), from);
      for (const [j, later] of credit.halvesLater) this.halvesLater.set(from + j, later);
    }
  }

  /** Counted half-days in `year` of the trip at position p (0 when it does not touch it). */
  halvesIn(p: number, year: number): number {
    const y0 = this.firstYear[p];
    if (year === y0) return this.halvesFirst[p];
    if (year === y0 + 1) return this.halvesSecond[p];
    return this.halvesLater.get(p)?.get(year) ?? 0;
  }
}

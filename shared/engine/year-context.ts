/**
 * What the engine needs of one year, computed once per year and cached: the policy, the
 * countable-date mask and its prefix sums, the window, and the counting range up to `asOf`.
 */
import * as dates from '../dates';
import { CountableCalendar } from '../calendar';
import type { Policy } from '../models';

// Bindings used in loops are read once here: under tsx (esbuild's CommonJS interop) every
// read of an imported binding is a getter call, several times slower than a local constant.
const { isoToDay, yearOfDay } = dates;

export interface YearContext {
  readonly year: number;
  readonly policy: Policy;
  /** Day numbers of 1 January and 31 December. */
  readonly first: number;
  readonly last: number;
  /** 1 when the date (index 0 = 1 January) is countable under the year's day mode. */
  readonly mask: Uint8Array;
  /** `cum[i]` = countable dates among the year's first `i` dates. */
  readonly cum: Int32Array;
  readonly windowStart: number;
  readonly windowEnd: number;
  /** Dates from `windowStart` to `countEnd` (= min(windowEnd, asOf)) count towards the year. */
  readonly countEnd: number;
  readonly countUnreportedTrips: boolean;
  readonly reportDeadlineDays: number;
}

/** Per-year contexts for one evaluation (one `asOf`), each year under its own policy. */
export class YearContexts {
  private readonly byYear = new Map<number, YearContext>();
  private readonly calendar: CountableCalendar;
  private last: YearContext | undefined;

  constructor(
    private readonly policyFor: (year: number) => Policy,
    private readonly asOfDay: number,
  ) {
    this.calendar = new CountableCalendar(policyFor);
  }

  get(year: number): YearContext {
    let ctx = this.byYear.get(year);
    if (!ctx) {
      ctx = this.build(year);
      this.byYear.set(year, ctx);
    }
    return ctx;
  }

  /** The context of the year a day number falls in. */
  ofDay(day: number): YearContext {
    const last = this.last;
    if (last !== undefined && day >= last.first && day <= last.last) return last;
    return (this.last = this.get(yearOfDay(day)));
  }

  /** Countable dates from `first` to `last` inclusive (any years). */
  countableBetween(first: number, last: number): number {
    let n = 0;
    let d = first;
    while (d <= last) {
      const ctx = this.ofDay(d);
      const stop = last < ctx.last ? last : ctx.last;
      n += ctx.cum[stop - ctx.first + 1] - ctx.cum[d - ctx.first];
      d = stop + 1;
    }
    return n;
  }

  private build(year: number): YearContext {
    const policy = this.policyFor(year);
    const { start, mask } = this.calendar.year(year);
    const cum = new Int32Array(mask.length + 1);
    for (let i = 0; i < mask.length; i++) cum[i + 1] = cum[i] + mask[i];
    const windowStart = isoToDay(policy.windowStart);
    const windowEnd = isoToDay(policy.windowEnd);
    return {
      year,
      policy,
      first: start,
      last: start + mask.length - 1,
      mask,
      cum,
      windowStart,
      windowEnd,
      countEnd: Math.min(windowEnd, this.asOfDay),
      countUnreportedTrips: policy.countUnreportedTrips,
      reportDeadlineDays: policy.reportDeadlineDays,
    };
  }
}

/**
 * Eligible dates `E` of a cadre-year: the calendar dates of the window within the cadre's
 * service, minus the dates of its absences (overlapping absences remove a date once).
 */
import { isoToDay } from '../dates';
import type { Absence, Cadre } from '../models';

/** An absence as inclusive day numbers; no `to` is "until further notice" (+Infinity). */
export interface DayInterval {
  readonly from: number;
  readonly to: number;
}

/** A cadre's service as day numbers (unbounded sides are ±Infinity). */
export function serviceInterval(cadre: Cadre): DayInterval {
  return {
    from: cadre.serviceStart === undefined ? -Infinity : isoToDay(cadre.serviceStart),
    to: cadre.serviceEnd === undefined ? Infinity : isoToDay(cadre.serviceEnd),
  };
}

/** Absences as intervals sorted by start. */
export function absenceIntervals(absences: readonly Absence[]): DayInterval[] {
  return absences
    .map((a) => ({ from: isoToDay(a.from), to: a.to === undefined ? Infinity : isoToDay(a.to) }))
    .sort((a, b) => a.from - b.from || a.to - b.to);
}

/** Dates from `first` to `last` (inclusive) covered by none of the sorted intervals. */
export function uncoveredCount(first: number, last: number, sorted: readonly DayInterval[]): number {
  if (last < first) return 0;
  let free = last - first + 1;
  let reach = first - 1; // last date already removed
  for (const iv of sorted) {
    if (iv.from > last) break;
    const a = Math.max(iv.from, reach + 1, first);
    const b = Math.min(iv.to, last);
    if (b >= a) {
      free -= b - a + 1;
      reach = b;
    }
  }
  return free;
}

export interface Eligibility {
  /** |E|. */
  readonly eligible: number;
  /** |E ∩ [windowStart, asOf]|. */
  readonly eligibleToDate: number;
}

/** |E| and |E up to asOf| for a window, a service and sorted absences. */
export function eligibility(
  windowStart: number,
  windowEnd: number,
  asOf: number,
  service: DayInterval,
  absences: readonly DayInterval[],
): Eligibility {
  const first = Math.max(windowStart, service.from);
  const last = Math.min(windowEnd, service.to);
  return {
    eligible: uncoveredCount(first, last, absences),
    eligibleToDate: uncoveredCount(first, Math.min(last, asOf), absences),
  };
}

/**
 * Eligible dates `E` of a cadre-year: the calendar dates of the window within the cadre's
 * service, minus the dates of its absences (overlapping absences remove a date once).
 */
import * as dates from '../dates';
import type { Absence, Cadre } from '../models';

// Bindings used in loops are read once here: under tsx (esbuild's CommonJS interop) every
// read of an imported binding is a getter call, several times slower than a local constant.
const { isoToDay } = dates;

/** An absence as inclusive day numbers; no `to` is "until further notice" (+Infinity). */
export interface DayInterval {
  readonly from: number;
  readonly to: number;
}

/** A cadre's service as day numbers (unbounded sides are ±Infinity). */
export function serviceInterval(cadre: Cadre): DayInterval {
  return { from: serviceFrom(cadre), to: serviceTo(cadre) };
}

/** The first day of a cadre's service, −Infinity when not given. */
export function serviceFrom(cadre: Cadre): number {
  return cadre.serviceStart === undefined ? -Infinity : isoToDay(cadre.serviceStart);
}

/** The last day of a cadre's service, +Infinity when not given. */
export function serviceTo(cadre: Cadre): number {
  return cadre.serviceEnd === undefined ? Infinity : isoToDay(cadre.serviceEnd);
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
  return {
    eligible: eligibleCount(windowStart, windowEnd, service.from, service.to, absences),
    eligibleToDate: eligibleCount(windowStart, Math.min(windowEnd, asOf), service.from, service.to, absences),
  };
}

/** The eligible dates from `windowStart` to `until`, for a service and sorted absences. */
export function eligibleCount(
  windowStart: number,
  until: number,
  serviceFrom: number,
  serviceTo: number,
  absences: readonly DayInterval[],
): number {
  return uncoveredCount(Math.max(windowStart, serviceFrom), Math.min(until, serviceTo), absences);
}

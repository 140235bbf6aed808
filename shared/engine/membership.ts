/** What belongs to a cadre-year: its trips, and whether the cadre is listed for the year. */

/**
 * A trip belongs to a year when it has a date in the year on or before `asOf`.
 * (`first`/`last`: the year's 1 January and 31 December as day numbers.)
 */
export function tripInYear(start: number, end: number, first: number, last: number, asOf: number): boolean {
  return start <= (last < asOf ? last : asOf) && end >= first && first <= asOf;
}

/** A cadre is listed when its service (first and last day) meets the year, or it has trips in the year's set. */
export function cadreListed(serviceFrom: number, serviceTo: number, first: number, last: number, hasTrips: boolean): boolean {
  return hasTrips || (serviceFrom <= last && serviceTo >= first);
}

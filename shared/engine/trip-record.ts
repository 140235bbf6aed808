/**
 * A trip as a record of STRIDE int32 cells, so that the engine's passes read one small block
 * per trip instead of the trip object and its strings: day numbers, the resolved unit and
 * category ids, cost, declared days and report day.
 */
import * as dates from '../dates';
import type { Trip } from '../models';

// Bindings used in loops are read once here: under tsx (esbuild's CommonJS interop) every
// read of an imported binding is a getter call, several times slower than a local constant.
const { isoToDay } = dates;

export const STRIDE = 8;
export const R_START = 0;
export const R_END = 1;
/** Key id of the resolved unit (UnitResolver). */
export const R_UNIT = 2;
/** Bit c set when the trip has category id c < MASK_CATEGORIES. */
export const R_CATS = 3;
/** Cost in VND when a whole number 0 … 2^31 − 1; COST_ELSEWHERE: read the trip's `cost`. */
export const R_COST = 4;
/** Declared `days` as half-days; NO_DECLARED when none. */
export const R_DECLARED = 5;
/** `reportDate` as a day number; NO_REPORT when none. */
export const R_REPORT = 6;
/** The trip's input index. */
export const R_INPUT = 7;

export const NO_REPORT = -2147483648;
export const NO_DECLARED = -1;
export const COST_ELSEWHERE = -1;
/** Categories with an id below this live in R_CATS. */
export const MASK_CATEGORIES = 31;
/** Declared half-days above this (far more than any trip's dates) are stored as this. */
const MAX_DECLARED_HALVES = 1 << 30;

/** Declared days as whole half-days, NO_DECLARED when absent or not positive. */
export function declaredHalvesOf(days: number | undefined): number {
  if (days === undefined || !Number.isFinite(days) || days <= 0) return NO_DECLARED;
  const halves = Math.round(days * 2);
  return halves > MAX_DECLARED_HALVES ? MAX_DECLARED_HALVES : halves;
}

/** The R_COST cell of a cost. */
export function costCell(cost: number | undefined): number {
  const c = cost ?? 0;
  return Number.isInteger(c) && c >= 0 && c <= 0x7fffffff ? c : COST_ELSEWHERE;
}

/** The cost of a record's trip (input index `t` of `trips`). */
export function costOf(records: Int32Array, base: number, trips: readonly Trip[], t: number): number {
  const c = records[base + R_COST];
  return c === COST_ELSEWHERE ? (trips[t].cost ?? 0) : c;
}

/** Writes the cells crediting needs (dates, declared days, report day) of a trip at `base`. */
export function encodeDates(trip: Trip, records: Int32Array, base: number): void {
  records[base + R_START] = isoToDay(trip.startDate);
  records[base + R_END] = isoToDay(trip.endDate);
  records[base + R_DECLARED] = declaredHalvesOf(trip.days);
  records[base + R_REPORT] = trip.reportDate === undefined ? NO_REPORT : isoToDay(trip.reportDate);
}

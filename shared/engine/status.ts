/** A cadre-year's status and progress figures ("Requirement and status"). */
import type { Status } from '../models';
import * as rounding from './rounding';

// Bindings used in loops are read once here: under tsx (esbuild's CommonJS interop) every
// read of an imported binding is a getter call, several times slower than a local constant.
const { roundHalfUp1 } = rounding;

export interface Progress {
  readonly remainingDays: number;
  readonly percent: number | null;
  readonly expectedToDate: number;
  readonly status: Status;
}

export interface ProgressInput {
  /** Counted days as whole half-days. */
  readonly countedHalves: number;
  readonly required: number;
  /** |E| and |E ∩ [windowStart, asOf]|. */
  readonly eligible: number;
  readonly eligibleToDate: number;
  readonly asOf: number;
  readonly windowStart: number;
  readonly windowEnd: number;
}

/**
 * remainingDays, percent and expectedToDate (rounded half up to one decimal on the exact
 * value), and the first status that applies, comparing unrounded values exactly.
 */
export function progress(input: ProgressInput): Progress {
  const { countedHalves, required, eligible, eligibleToDate } = input;
  return {
    remainingDays: remainingDaysOf(countedHalves, required),
    percent: percentOf(countedHalves, required),
    expectedToDate: expectedToDateOf(required, eligible, eligibleToDate),
    status: statusOf(countedHalves, required, eligible, eligibleToDate, input),
  };
}

/** max(0, required − counted), in days. */
export function remainingDaysOf(countedHalves: number, required: number): number {
  return Math.max(0, required * 2 - countedHalves) / 2;
}

/** counted / required × 100 rounded half up to one decimal; null when required is 0. */
export function percentOf(countedHalves: number, required: number): number | null {
  return required === 0 ? null : roundHalfUp1(countedHalves * 100, required * 2);
}

/** required × |E up to asOf| / |E| rounded half up to one decimal; 0 when required is 0. */
export function expectedToDateOf(required: number, eligible: number, eligibleToDate: number): number {
  // eligible > 0 whenever required > 0
  return required === 0 ? 0 : roundHalfUp1(required * eligibleToDate, eligible);
}

/** The first status that applies, comparing unrounded values exactly. */
export function statusOf(
  countedHalves: number,
  required: number,
  eligible: number,
  eligibleToDate: number,
  period: { readonly asOf: number; readonly windowStart: number; readonly windowEnd: number },
): Status {
  if (required === 0) return 'exempt';
  if (countedHalves >= required * 2) return 'met';
  if (period.asOf >= period.windowEnd) return 'not_met';
  if (period.asOf < period.windowStart) return 'not_started';
  if (countedHalves * eligible >= 2 * required * eligibleToDate) return 'on_track';
  return 'behind';
}

/** A cadre-year's status and progress figures ("Requirement and status"). */
import type { Status } from '../models';
import { roundHalfUp1 } from './rounding';

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
  const remainingDays = Math.max(0, required * 2 - countedHalves) / 2;
  if (required === 0) {
    return { remainingDays: 0, percent: null, expectedToDate: 0, status: 'exempt' };
  }
  const percent = roundHalfUp1(countedHalves * 100, required * 2);
  // expected = required × eligibleToDate / eligible (eligible > 0 whenever required > 0)
  const expectedToDate = roundHalfUp1(required * eligibleToDate, eligible);
  let status: Status;
  if (countedHalves >= required * 2) status = 'met';
  else if (input.asOf >= input.windowEnd) status = 'not_met';
  else if (input.asOf < input.windowStart) status = 'not_started';
  else if (countedHalves * eligible >= 2 * required * eligibleToDate) status = 'on_track';
  else status = 'behind';
  return { remainingDays, percent, expectedToDate, status };
}

/** The cadre-year's required days ("Requirement and status"). */
import type { Policy } from '../models';
import * as rounding from './rounding';

// Bindings used in loops are read once here: under tsx (esbuild's CommonJS interop) every
// read of an imported binding is a getter call, several times slower than a local constant.
const { ceilDiv } = rounding;

/**
 * 0 when the cadre is not `subject` or has no eligible date; otherwise `byDays`:
 * `ceil(requiredDays × |E| / |window|)` exactly in integers; `none`: `requiredDays`.
 */
export function requiredDaysFor(
  policy: Pick<Policy, 'requiredDays' | 'proration'>,
  subject: boolean,
  eligible: number,
  windowLength: number,
): number {
  if (!subject || eligible <= 0) return 0;
  if (policy.proration === 'none') return policy.requiredDays;
  return ceilDiv(policy.requiredDays * eligible, windowLength);
}

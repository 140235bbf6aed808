/**
 * Exact arithmetic for the engine's figures: day counts are kept as whole half-days, and
 * ratios are rounded from their exact integer numerator and denominator (never from a float,
 * so 23.25 rounds to 23.3).
 */

/** `ceil(num / den)` for non-negative integers, exactly. */
export function ceilDiv(num: number, den: number): number {
  return Math.floor((num + den - 1) / den);
}

/**
 * The non-negative ratio `num / den` rounded half up to one decimal, computed on the exact
 * value: `floor((20·num + den) / (2·den)) / 10`. Inputs are non-negative safe integers, den > 0.
 */
export function roundHalfUp1(num: number, den: number): number {
  return Math.floor((20 * num + den) / (2 * den)) / 10;
}

/** A count of half-days as a day figure (a multiple of 0.5). */
export function halvesToDays(halves: number): number {
  return halves / 2;
}

/** A day figure (a multiple of 0.5) as whole half-days. */
export function daysToHalves(days: number): number {
  return Math.round(days * 2);
}

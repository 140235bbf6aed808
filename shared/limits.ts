/**
 * Upper bounds on every list and number a request may carry: far above what a real office
 * reaches, low enough that one request's work and answer stay linear in its size and every
 * stored entity fits Table Storage (1 MiB per entity, 64 KiB per property). README "Limits"
 * lists them.
 */
export const LIMITS = {
  /** Nesting of a request body's JSON (`{"rows":[{…}]}` is 3). */
  jsonDepth: 64,
  /** Items of a trip's `contents` (before repeats are dropped). */
  contentItems: 100,
  /** Categories of a year's policy. */
  policyCategories: 200,
  /** Characters (code points) of a category label. */
  labelChars: 200,
  /** Items of a policy's `holidays` and of its `makeupWorkdays`. */
  policyDates: 366,
  /** A trip's `cost` (VND): a thousand billion. */
  cost: 1e12,
  /** A trip's declared `days` (a trip spans at most 366 dates). */
  days: 366,
  /** Planned days of one quarter of a registration (a quarter has at most 92 days). */
  quarterDays: 92,
  /** Ids listed in a warning's `related` (the rest are counted in `relatedCount`). */
  related: 10,
} as const;

/** What row validation needs to know beyond the row itself (the org's state and today). */
import type { IsoDate, Policy, Unit } from '../models';

export interface ValidationContext {
  /** The resolved policy of any year (defaults when none is stored). */
  policyFor: (year: number) => Policy;
  /** Today in Vietnam, for REPORT_IN_FUTURE. */
  today: IsoDate;
  /** The org's stored units: a trip's `unit` resolves to a unit code (by code, or by name via matchKey), else stays the trimmed text. */
  units: readonly Unit[];
  /** Whether the org has this cadre (UNKNOWN_CADRE for trips, absences, registrations). */
  hasCadre: (cadreId: string) => boolean;
}

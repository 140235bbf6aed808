/** What row validation needs to know beyond the row itself (the org's state and today). */
import type { EvaluationResult, IsoDate, Policy, Unit } from '../models';

export interface ValidationContext {
  /** The resolved policy of any year (defaults when none is stored). */
  policyFor: (year: number) => Policy;
  /** Today in Vietnam, for REPORT_IN_FUTURE. */
  today: IsoDate;
  /** The org's stored units: a trip's `unit` resolves to a unit code (by code, or by name via matchKey), else stays the trimmed text. */
  units: readonly Unit[];
  /** Whether the org has this cadre (UNKNOWN_CADRE for trips, absences, registrations). */
  hasCadre: (cadreId: string) => boolean;
  /**
   * Evaluations (cycle.md §3): the cadre-year's suggestion and figures as of the evaluation
   * date, and who publishes (the server stores both with the row). Without them an evaluation
   * gets no suggestion (a comment is then required) and zero figures.
   */
  evaluationFigures?: (cadreId: string, year: number) => EvaluationFigures;
  actor?: string;
}

/** A cadre-year's suggested result and figures as of the evaluation date. */
export interface EvaluationFigures {
  suggested: EvaluationResult | null;
  counted: number;
  required: number;
}

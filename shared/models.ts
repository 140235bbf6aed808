/**
 * The domain's shapes, types only (no code): what the schemas give back, what the engine
 * takes and returns, and what the API sends. Names follow ../shared/spec/rules.md and api.md.
 *
 * Dates are ISO strings `YYYY-MM-DD` everywhere outside the engine's inner loops.
 * Optional fields are absent (never `null`) when not given.
 */

/** `YYYY-MM-DD`. */
export type IsoDate = string;

export type Kind = 'cadres' | 'units' | 'absences' | 'registrations' | 'trips' | 'evaluations';

export type AbsenceReason = 'study' | 'maternity' | 'sick' | 'other';
export type UnitKind = 'xa' | 'phuong' | 'huyen' | 'chi_doan' | 'co_so' | 'truc_thuoc' | 'khac';
export type DayMode = 'calendar' | 'working';
export type Proration = 'byDays' | 'none';
export type Status = 'exempt' | 'met' | 'not_met' | 'not_started' | 'on_track' | 'behind';
export type ReportStatus = 'on_time' | 'late' | 'pending' | 'overdue';

export interface Cadre {
  cadreId: string;
  fullName: string;
  department: string;
  position: string;
  subject: boolean;
  serviceStart?: IsoDate;
  serviceEnd?: IsoDate;
}

export interface Absence {
  id: string;
  cadreId: string;
  from: IsoDate;
  to?: IsoDate;
  reason: AbsenceReason;
  note?: string;
}

export interface Unit {
  unitCode: string;
  name: string;
  kind: UnitKind;
  parentCode?: string;
  validFrom?: IsoDate;
  validTo?: IsoDate;
  mergedInto?: string;
}

export interface Trip {
  id: string;
  cadreId: string;
  /** The matched unit's code, or the text as written when it matches no unit. */
  unit: string;
  startDate: IsoDate;
  endDate: IsoDate;
  days?: number;
  /** Category codes, in the order given, without repeats. */
  contents: string[];
  description?: string;
  orderNo?: string;
  reportDate?: IsoDate;
  cost?: number;
  /** The trip report (cycle.md §1): what was found, the unit's difficulties, the proposals. */
  findings?: string;
  difficulties?: string;
  proposals?: string;
}

export interface Registration {
  cadreId: string;
  year: number;
  q1Days: number;
  q2Days: number;
  q3Days: number;
  q4Days: number;
  units?: string;
  approved: boolean;
  approvedBy?: string;
}

/** The leadership's yearly evaluation of a cadre's grassroots work (cycle.md §3). */
export type EvaluationResult = 'dat' | 'khong_dat' | 'mien';

export interface Evaluation {
  cadreId: string;
  year: number;
  result: EvaluationResult;
  comment?: string;
  evaluatedOn: IsoDate;
  /** Set by the server: the key's NAME or the signed-in account. */
  evaluatedBy: string;
  /** Set by the server: the cadre-year's figures as of the evaluation's date (see `evaluationDate`). */
  countedAtEvaluation: number;
  requiredAtEvaluation: number;
}

/** A compliance row's evaluation (cycle.md §3). */
export interface EvaluationView {
  result: EvaluationResult;
  comment?: string;
  evaluatedBy: string;
  evaluatedOn: IsoDate;
  stale: boolean;
}

export interface Category {
  code: string;
  label: string;
}

/** A year's policy with every setting filled. */
export interface Policy {
  year: number;
  requiredDays: number;
  windowStart: IsoDate;
  windowEnd: IsoDate;
  dayMode: DayMode;
  holidays: IsoDate[];
  makeupWorkdays: IsoDate[];
  proration: Proration;
  reportDeadlineDays: number;
  countUnreportedTrips: boolean;
  categories: Category[];
}

export interface EntityByKind {
  cadres: Cadre;
  units: Unit;
  absences: Absence;
  registrations: Registration;
  trips: Trip;
  evaluations: Evaluation;
}

export type ErrorCode =
  | 'REQUIRED'
  | 'INVALID_FORMAT'
  | 'INVALID_DATE'
  | 'END_BEFORE_START'
  | 'SPAN_TOO_LONG'
  | 'INVALID_DAYS'
  | 'NO_CATEGORY'
  | 'UNKNOWN_CATEGORY'
  | 'REPORT_BEFORE_START'
  | 'REPORT_IN_FUTURE'
  | 'NEGATIVE_COST'
  | 'UNKNOWN_CADRE'
  | 'CADRE_HAS_TRIPS'
  | 'DUPLICATE_ID'
  | 'FORBIDDEN'
  | 'INTERNAL'
  | 'YEAR_CLOSED';

export type WarningCode =
  | 'OVERLAP'
  | 'UNKNOWN_UNIT'
  | 'UNIT_NOT_VALID'
  | 'DURING_ABSENCE'
  | 'OUTSIDE_SERVICE'
  | 'DUPLICATE_ORDER_NO'
  | 'AFTER_AS_OF'
  | 'NO_COUNTABLE_DATES'
  | 'NOT_REPORTED'
  | 'DAYS_ABOVE_COUNTABLE'
  | 'EVALUATION_STALE';

/** A field-level error: rejects the row. */
export interface FieldError {
  field: string;
  code: ErrorCode;
  message: string;
}

/** A warning: the row is stored and flagged. */
export interface Warning {
  code: WarningCode;
  message: string;
  field?: string;
  /** The first related ids (at most LIMITS.related), in the rule's order. */
  related?: string[];
  /** How many ids relate in all, when more than `related` lists. */
  relatedCount?: number;
}

export interface TripDerived {
  /** Every year the trip touches, as a string key, 0 included. */
  countedDays: Record<string, number>;
  reportStatus: ReportStatus;
  reportDeadline: IsoDate;
}

export interface TripEvaluation {
  derived: TripDerived;
  warnings: Warning[];
}

export interface ReportCounts {
  on_time: number;
  late: number;
  pending: number;
  overdue: number;
}

export interface ComplianceRow {
  cadreId: string;
  fullName: string;
  department: string;
  subject: boolean;
  eligibleDays: number;
  requiredDays: number;
  countedDays: number;
  remainingDays: number;
  percent: number | null;
  expectedToDate: number;
  status: Status;
  trips: number;
  unitsVisited: number;
  reports: ReportCounts;
  registered: boolean;
  plannedDays: number | null;
  /** Added by the API (cycle.md §3): the cadre-year's evaluation, or null. */
  evaluation?: EvaluationView | null;
}

export interface DepartmentSummary {
  department: string;
  subject: number;
  participated: number;
  met: number;
  countedDays: number;
}

export interface CategorySummary {
  category: string;
  trips: number;
  days: number;
}

export interface Summary {
  subject: number;
  participated: number;
  participationPercent: number | null;
  met: number;
  registered: number;
  byDepartment: DepartmentSummary[];
  byCategory: CategorySummary[];
  unitsVisited: number;
  unitsNotVisited: string[];
  reports: ReportCounts;
  totalCost: number;
  /** Added by the API (cycle.md §3): subject cadres with an evaluation, and results over all evaluated cadres. */
  evaluated?: number;
  evaluationResults?: Record<EvaluationResult, number>;
}

/** What the engine computes for one org-year (the API adds `org` and `computedAt`). */
export interface YearCompliance {
  year: number;
  asOf: IsoDate;
  policy: Policy;
  cadres: ComplianceRow[];
  summary: Summary;
}

/** Everything the engine needs for one org: whole collections, any order. */
export interface OrgData {
  cadres: Cadre[];
  absences: Absence[];
  units: Unit[];
  registrations: Registration[];
  trips: Trip[];
}

export interface EngineInput extends OrgData {
  asOf: IsoDate;
  /** Stored policies by year; a year without one uses the defaults. */
  policies: Record<number, Policy>;
}

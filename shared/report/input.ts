/**
 * What the year-end report is made from, as plain data: the body of `GET compliance` (with
 * the evaluation fields of cycle.md §3 when they exist), the org profile (§2), the year's trips
 * and absences (only the fields the report reads), the org's units (for names), the report's
 * date and, when the year is closed, the closing record. No I/O: the route gathers these.
 */
import type { OrgProfile } from '../schemas/profile';
import type { AbsenceReason, ComplianceRow, IsoDate, Summary } from '../models';
import type { ComplianceBody } from '../wire/compliance';

export type { EvaluationResult } from '../models';

/** A compliance row, with its evaluation (cycle.md §3) when it has one. */
export type ReportComplianceRow = ComplianceRow;

export type ReportSummary = Summary;

export interface ClosedInfo {
  closedBy: string;
  closedAt: string;
  asOf: IsoDate;
}

/** The compliance body as `GET compliance` answers it (open or closed year). */
export interface ReportCompliance extends Omit<ComplianceBody, 'cadres' | 'summary'> {
  cadres: ReportComplianceRow[];
  summary: ReportSummary;
  closed?: ClosedInfo | null;
}

export type { OrgProfile };

export interface ReportTrip {
  id: string;
  cadreId: string;
  unit: string;
  startDate: IsoDate;
  endDate: IsoDate;
  difficulties?: string;
  proposals?: string;
}

export interface ReportAbsence {
  cadreId: string;
  from: IsoDate;
  to?: IsoDate;
  reason: AbsenceReason;
}

export interface ReportUnit {
  unitCode: string;
  name: string;
}

export interface ReportInput {
  compliance: ReportCompliance;
  profile: OrgProfile;
  /** Trips of the org (any year; the report keeps those touching the year). */
  trips: readonly ReportTrip[];
  /** Absences of the org (any year; the report keeps those touching the year). */
  absences: readonly ReportAbsence[];
  units?: readonly ReportUnit[];
  /** The date written in the date line (today in Vietnam, normally). */
  reportDate: IsoDate;
}

/** A trip's report deadline and report status ("Reports"). */
import type { ReportStatus } from '../models';

export const REPORT_STATUSES: readonly ReportStatus[] = ['on_time', 'late', 'pending', 'overdue'];

/** Codes of REPORT_STATUSES, as stored in typed arrays. */
export const REPORT_CODE = { on_time: 0, late: 1, pending: 2, overdue: 3 } as const;

/** `endDate` + `reportDeadlineDays` of the policy of the `endDate`'s year (day numbers). */
export function reportDeadline(endDay: number, reportDeadlineDays: number): number {
  return endDay + reportDeadlineDays;
}

/** on_time / late by `reportDate`; without one, pending while asOf ≤ deadline, else overdue. */
export function reportStatusCode(
  reportDay: number | undefined,
  deadline: number,
  asOf: number,
): number {
  if (reportDay !== undefined) return reportDay <= deadline ? REPORT_CODE.on_time : REPORT_CODE.late;
  return asOf <= deadline ? REPORT_CODE.pending : REPORT_CODE.overdue;
}


/**
 * Gathers the year-end report's input (shared/report/input.ts) from storage. The figures are
 * exactly what `GET compliance` answers for the same year and as-of date (the same function).
 */
import { vietnamToday } from '../../shared/dates';
import type { IsoDate } from '../../shared/models';
import type { ReportCompliance, ReportInput } from '../../shared/report/input';
import { liveRecords, loadOrgState } from '../domain/org-state';
import { complianceAnswer } from '../handlers/compliance';
import { loadProfile } from '../handlers/profile';
import type { Services } from '../services';

/**
 * The report's figures: what `GET compliance` answers for the year and `asOf` — the frozen
 * figures when the year is closed (cycle.md §4, §5; the report then shows the closing date),
 * else computed as of `asOf`.
 */
export async function reportCompliance(services: Services, org: string, year: number, asOf: IsoDate): Promise<ReportCompliance> {
  return complianceAnswer(services, org, year, asOf);
}

export async function loadReportInput(services: Services, org: string, year: number, asOf: IsoDate): Promise<ReportInput> {
  const [compliance, profile, state] = await Promise.all([
    reportCompliance(services, org, year, asOf),
    loadProfile(services, org),
    loadOrgState(services.store, org),
  ]);
  return {
    compliance,
    profile,
    trips: liveRecords(state.rows.trips),
    absences: liveRecords(state.rows.absences),
    units: liveRecords(state.rows.units),
    reportDate: vietnamToday(services.now()),
  };
}

/**
 * The timer job: for every org with data, compute the current year in Vietnam — and the
 * previous one during January — as of today, store the totals per cadre-year and the day's
 * snapshot of the summary. Unchanged totals and snapshots are not rewritten, so running it
 * twice leaves the same stored state.
 */
import { vietnamToday, yearOfIso } from '../../shared/dates';
import { evaluateOrg } from '../../shared/engine/evaluate';
import { loadClosedYears } from '../domain/closed-years';
import { engineInput, loadOrgState } from '../domain/org-state';
import { repairDigests } from '../domain/digest-repair';
import type { TimerJob } from '../route';
import type { Services } from '../services';

/** 01:00 in Vietnam (UTC+7) is 18:00 UTC; Flex Consumption runs on Linux, in UTC. */
export const DEFAULT_RECALC_SCHEDULE = '0 0 18 * * *';

export function yearsToCompute(today: string): number[] {
  const year = yearOfIso(today);
  return today.slice(5, 7) === '01' ? [year - 1, year] : [year];
}

export interface JobReport {
  date: string;
  orgs: number;
  years: number[];
  totalsWritten: number;
  snapshotsWritten: number;
}

export async function recalculateTotals(services: Services): Promise<JobReport> {
  const now = services.now();
  const today = vietnamToday(now);
  const years = yearsToCompute(today);
  const orgs = await services.store.listOrgs();
  let totalsWritten = 0;
  let snapshotsWritten = 0;
  for (const org of orgs) {
    const [state, closed] = await Promise.all([loadOrgState(services.store, org), loadClosedYears(services.store, org)]);
    // The rows are read here anyway: digests a failed request left behind are set right.
    const repaired = await repairDigests(services.store, org, state.rows.trips, yearOfIso(today));
    if (repaired > 0) services.log('digests repaired', { org, digests: repaired });
    const evaluation = evaluateOrg(engineInput(state, today));
    // A closed year keeps its frozen totals (cycle.md §4).
    for (const year of years.filter((y) => !closed.has(y))) {
      const result = evaluation.year(year);
      const computedAt = now.toISOString();
      totalsWritten += await services.store.putTotals(org, year, result.cadres, { asOf: today, computedAt });
      if (await services.store.putSnapshot(org, year, { date: today, summary: result.summary, computedAt })) snapshotsWritten++;
    }
  }
  const report = { date: today, orgs: orgs.length, years, totalsWritten, snapshotsWritten };
  services.log('recalculateTotals done', { ...report });
  return report;
}

export const recalculateTotalsJob: TimerJob = {
  name: 'recalculateTotals',
  schedule: (env) => env.RECALC_SCHEDULE?.trim() || DEFAULT_RECALC_SCHEDULE,
  run: recalculateTotals,
};

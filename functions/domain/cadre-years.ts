/**
 * Compliance by cadre: what one cadre-year needs (the cadre, its trips and absences, its
 * registrations, the org's units and policies) is evaluated alone, and a year's answer is
 * assembled from its cadre-year states. A cadre's row depends only on the cadre's own data,
 * so the rows are the engine's; the summary's parts (categories, units visited, reports, cost)
 * are summed, and units visited are united by key, as the engine does over the whole org.
 */
import { compareCodePoints } from '../../shared/code-points';
import { evaluateOrg, type OrgEvaluation } from '../../shared/engine/evaluate';
import { categorySummary, summarize, type CategoryTally } from '../../shared/engine/summary';
import type { Cadre, IsoDate, Policy, Registration, Unit } from '../../shared/models';
import type { ComplianceBody } from '../../shared/wire/compliance';
import type { CadreDigest, CadreYearState, YearMeta } from '../storage/state';

/** The engine over one cadre's data (an unknown cadre: its trips give no row). */
export function evaluateCadre(
  asOf: IsoDate,
  policies: Record<number, Policy>,
  units: Unit[],
  cadre: Cadre | undefined,
  digest: CadreDigest | undefined,
  registrations: Registration[],
): OrgEvaluation {
  return evaluateOrg({
    asOf,
    policies,
    units,
    cadres: cadre ? [cadre] : [],
    trips: digest ? digest.trips.map((t) => t.record) : [],
    absences: digest ? digest.absences : [],
    registrations,
  });
}

export function cadreYearState(evaluation: OrgEvaluation, cadreId: string, year: number): CadreYearState {
  const result = evaluation.year(year);
  const categories: Record<string, { trips: number; halves: number }> = {};
  for (const c of result.summary.byCategory) if (c.trips > 0) categories[c.category] = { trips: c.trips, halves: Math.round(c.days * 2) };
  return {
    cadreId,
    row: result.cadres.find((r) => r.cadreId === cadreId) ?? null,
    parts: { categories, units: evaluation.visitedUnits(year), reports: { ...result.summary.reports }, cost: result.summary.totalCost },
  };
}

/** What a year's answer needs besides its cadre-year states. */
export function yearMeta(policies: Record<number, Policy>, units: Unit[], year: number, asOf: IsoDate, gen: number): YearMeta {
  // the engine on no trips: every unit valid in the year is "not visited", and the year's policy
  const empty = evaluateOrg({ asOf, policies, units, cadres: [], trips: [], absences: [], registrations: [] }).year(year);
  return { asOf, gen, policy: empty.policy, unitCodes: empty.summary.unitsNotVisited };
}

export function assembleYear(org: string, year: number, meta: YearMeta, states: readonly CadreYearState[], computedAt: string): ComplianceBody {
  const rows = states
    .flatMap((s) => (s.row ? [s.row] : []))
    .sort((a, b) => compareCodePoints(a.cadreId, b.cadreId));
  const tally: CategoryTally = new Map();
  const visited = new Set<string>();
  const reports = { on_time: 0, late: 0, pending: 0, overdue: 0 };
  let totalCost = 0;
  for (const s of states) {
    for (const [code, c] of Object.entries(s.parts.categories)) {
      const e = tally.get(code);
      if (e) {
        e.trips += c.trips;
        e.halves += c.halves;
      } else tally.set(code, { trips: c.trips, halves: c.halves });
    }
    for (const key of s.parts.units) visited.add(key);
    reports.on_time += s.parts.reports.on_time;
    reports.late += s.parts.reports.late;
    reports.pending += s.parts.reports.pending;
    reports.overdue += s.parts.reports.overdue;
    totalCost += s.parts.cost;
  }
  const summary = summarize(rows, {
    byCategory: categorySummary(meta.policy.categories, tally),
    unitsVisited: visited.size,
    unitsNotVisited: meta.unitCodes.filter((code) => !visited.has(code)),
    reports,
    totalCost,
  });
  return { org, year, asOf: meta.asOf, policy: meta.policy, cadres: rows, summary, computedAt };
}

/** The org-year summary ("What belongs to a cadre-year, and the summary"). */
import { isoToDay } from '../dates';
import type {
  Category,
  CategorySummary,
  ComplianceRow,
  DepartmentSummary,
  ReportCounts,
  Summary,
  Unit,
} from '../models';
import { roundHalfUp1 } from './rounding';
import { compareCodePoints } from '../code-points';

const VIETNAMESE = new Intl.Collator('vi');

/** Trips and counted half-days of the year, per category code. */
export type CategoryTally = Map<string, { trips: number; halves: number }>;

/** One entry per accepted category in policy order, then any other code found (code-point order). */
export function categorySummary(categories: readonly Category[], tally: CategoryTally): CategorySummary[] {
  const out: CategorySummary[] = [];
  const listed = new Set<string>();
  for (const c of categories) {
    if (listed.has(c.code)) continue;
    listed.add(c.code);
    const e = tally.get(c.code);
    out.push({ category: c.code, trips: e?.trips ?? 0, days: (e?.halves ?? 0) / 2 });
  }
  const others = [...tally.keys()].filter((code) => !listed.has(code)).sort(compareCodePoints);
  for (const code of others) {
    const e = tally.get(code)!;
    out.push({ category: code, trips: e.trips, days: e.halves / 2 });
  }
  return out;
}

/** One entry per department with a subject cadre (Vietnamese collation), subject cadres only. */
export function departmentSummary(rows: readonly ComplianceRow[]): DepartmentSummary[] {
  const byDept = new Map<string, { subject: number; participated: number; met: number; halves: number }>();
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    if (r.requiredDays <= 0) continue;
    let d = byDept.get(r.department);
    if (!d) byDept.set(r.department, (d = { subject: 0, participated: 0, met: 0, halves: 0 }));
    d.subject++;
    if (r.countedDays > 0) d.participated++;
    if (r.status === 'met') d.met++;
    d.halves += Math.round(r.countedDays * 2);
  }
  return [...byDept.entries()]
    .sort(([a], [b]) => VIETNAMESE.compare(a, b) || compareCodePoints(a, b))
    .map(([department, d]) => ({
      department,
      subject: d.subject,
      participated: d.participated,
      met: d.met,
      countedDays: d.halves / 2,
    }));
}

/** Codes of the units valid on some date of [first, last] that no trip of the year went to, sorted. */
export function unitsNotVisited(
  units: readonly Unit[],
  first: number,
  last: number,
  visited: { has(code: string): boolean },
): string[] {
  const out = new Set<string>();
  for (let k = 0; k < units.length; k++) {
    const u = units[k];
    if (visited.has(u.unitCode)) continue;
    if (u.validFrom !== undefined && isoToDay(u.validFrom) > last) continue;
    if (u.validTo !== undefined && isoToDay(u.validTo) < first) continue;
    out.add(u.unitCode);
  }
  return [...out].sort(compareCodePoints);
}

export interface SummaryParts {
  readonly byCategory: CategorySummary[];
  readonly unitsVisited: number;
  readonly unitsNotVisited: string[];
  readonly reports: ReportCounts;
  readonly totalCost: number;
}

/** The summary from the year's rows and the figures gathered from the year's trips. */
export function summarize(rows: readonly ComplianceRow[], parts: SummaryParts): Summary {
  let subject = 0;
  let participated = 0;
  let met = 0;
  let registered = 0;
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    if (r.requiredDays <= 0) continue;
    subject++;
    if (r.countedDays > 0) participated++;
    if (r.status === 'met') met++;
    if (r.registered) registered++;
  }
  return {
    subject,
    participated,
    participationPercent: subject === 0 ? null : roundHalfUp1(participated * 100, subject),
    met,
    registered,
    byDepartment: departmentSummary(rows),
    byCategory: parts.byCategory,
    unitsVisited: parts.unitsVisited,
    unitsNotVisited: parts.unitsNotVisited,
    reports: parts.reports,
    totalCost: parts.totalCost,
  };
}

/**
 * The compliance engine's entry: every trip's derived values and warnings, and each org-year's
 * compliance rows and summary as of `input.asOf` (rules.md "Counting days" to "the summary").
 */
import { dayToIso, isoToDay, yearOfDay } from '../dates';
import { policyLookup } from '../defaults';
import type {
  Cadre,
  ComplianceRow,
  EngineInput,
  Registration,
  TripEvaluation,
  YearCompliance,
} from '../models';
import { CREDIT_FLAG, creditTrips, overlapRelated, tripHalvesIn, type CreditResult } from './credit';
import { absenceIntervals, eligibility, serviceInterval, type DayInterval } from './eligibility';
import { cadreListed, tripInYear } from './membership';
import { REPORT_STATUSES, emptyReportCounts, reportDeadline, reportStatusCode } from './reports';
import { requiredDaysFor } from './requirement';
import { progress } from './status';
import { categorySummary, summarize, unitsNotVisited, type CategoryTally } from './summary';
import { TripEvaluations } from './trip-evaluations';
import { NO_REPORT, buildTripTable, compareCodePoints, type TripTable } from './trip-table';
import { UnitResolver } from './units';
import { duplicateOrderNos, tripWarnings, type AbsenceSpan } from './warnings';
import { YearContexts } from './year-context';

export interface OrgEvaluation {
  /** Every trip's derived values and warnings (all years it touches), keyed by trip id. */
  readonly trips: ReadonlyMap<string, TripEvaluation>;
  /** One org-year as of input.asOf: compliance rows (cadres listed for the year, sorted by cadreId) and summary. Cached per year. */
  year(year: number): YearCompliance;
}

const NOT_YET = 255;

/** Everything computed once per evaluation, shared by the trip map and the years. */
class Evaluation {
  readonly asOf: number;
  readonly years: YearContexts;
  readonly table: TripTable;
  readonly credit: CreditResult;
  readonly units: UnitResolver;
  readonly cadres: readonly Cadre[];
  readonly absencesOf = new Map<string, AbsenceSpan[]>();
  readonly registrations = new Map<string, Registration>();
  private readonly reportCodes: Uint8Array;
  /** The resolved unit key of each unit id of the table. */
  readonly unitKeys: readonly string[];
  private readonly duplicatesOf = new Map<number, Map<number, string[]>>();
  private readonly relatedOf = new Map<number, Map<number, number[]>>();
  private readonly cadreById = new Map<string, Cadre>();

  constructor(readonly input: EngineInput) {
    this.asOf = isoToDay(input.asOf);
    this.years = new YearContexts(policyLookup(input.policies), this.asOf);
    this.units = new UnitResolver(input.units);
    this.table = buildTripTable(input.trips, (text) => this.units.resolve(text).id);
    this.credit = creditTrips(this.table, this.years);
    this.unitKeys = this.units.keys();
    this.reportCodes = new Uint8Array(input.trips.length).fill(NOT_YET);

    // the first row of a cadre id wins
    const seen = new Set<string>();
    const cadres: Cadre[] = [];
    for (const c of input.cadres) {
      if (seen.has(c.cadreId)) continue;
      seen.add(c.cadreId);
      cadres.push(c);
      this.cadreById.set(c.cadreId, c);
    }
    this.cadres = cadres.sort((a, b) => compareCodePoints(a.cadreId, b.cadreId));
    for (const a of input.absences) {
      const span = { id: a.id, ...absenceIntervals([a])[0] };
      const list = this.absencesOf.get(a.cadreId);
      if (list) list.push(span);
      else this.absencesOf.set(a.cadreId, [span]);
    }
    for (const list of this.absencesOf.values()) list.sort((a, b) => a.from - b.from || a.to - b.to);
    for (const r of input.registrations) this.registrations.set(`${r.cadreId}|${r.year}`, r);
  }

  /** Report deadline of the trip at position p. */
  deadline(p: number): number {
    const end = this.table.end[p];
    return reportDeadline(end, this.years.ofDay(end).reportDeadlineDays);
  }

  /** Report status code of the trip at position p. */
  reportCode(p: number): number {
    let code = this.reportCodes[p];
    if (code === NOT_YET) {
      const r = this.table.reportDay[p];
      code = reportStatusCode(r === NO_REPORT ? undefined : r, this.deadline(p), this.asOf);
      this.reportCodes[p] = code;
    }
    return code;
  }

  /** DUPLICATE_ORDER_NO of the trip's cadre, computed once per cadre. */
  private sameOrderNo(t: number): string[] | undefined {
    const g = this.table.groupOf.get(this.input.trips[t].cadreId);
    if (g === undefined) return undefined;
    let dup = this.duplicatesOf.get(g);
    if (!dup) {
      const { from, to } = this.table.groups[g];
      const list = [];
      for (let p = from; p < to; p++) {
        const trip = this.input.trips[this.table.order[p]];
        list.push({ id: trip.id, orderNo: trip.orderNo, startYear: this.credit.firstYear[p] });
      }
      dup = duplicateOrderNos(list);
      this.duplicatesOf.set(g, dup);
    }
    return dup.get(this.table.rank[t] - this.table.groups[g].from);
  }

  /** OVERLAP's related trips (by position) of a cadre's trips, computed once per cadre. */
  private overlapRelated(cadreId: string): Map<number, number[]> {
    const g = this.table.groupOf.get(cadreId)!;
    let related = this.relatedOf.get(g);
    if (!related) {
      related = overlapRelated(this.table, this.years, this.table.groups[g], this.credit);
      this.relatedOf.set(g, related);
    }
    return related;
  }

  /** The evaluation of input trip t. */
  tripEvaluation(t: number): TripEvaluation {
    const trip = this.input.trips[t];
    const { start, end, order } = this.table;
    const p = this.table.rank[t];
    const { credit } = this;
    const countedDays: Record<string, number> = {};
    const lastYear = yearOfDay(end[p]);
    for (let y = credit.firstYear[p]; y <= lastYear; y++) countedDays[String(y)] = tripHalvesIn(credit, p, y) / 2;
    const cadre = this.cadreById.get(trip.cadreId);
    const flags = credit.flags[p];
    const related = (flags & CREDIT_FLAG.OVERLAP) !== 0 ? this.overlapRelated(trip.cadreId).get(p) : undefined;
    const warnings = tripWarnings({
      trip,
      start: start[p],
      end: end[p],
      asOf: this.asOf,
      overlapWith: related?.map((q) => this.input.trips[order[q]].id),
      unit: this.units.resolve(trip.unit),
      service: cadre ? serviceInterval(cadre) : undefined,
      absences: this.absencesOf.get(trip.cadreId) ?? [],
      sameOrderNo: this.sameOrderNo(t),
      countable: credit.countable[p],
      notReported: (flags & CREDIT_FLAG.NOT_REPORTED) !== 0,
      daysAboveCountable: (flags & CREDIT_FLAG.DAYS_ABOVE_COUNTABLE) !== 0,
    });
    return {
      derived: {
        countedDays,
        reportStatus: REPORT_STATUSES[this.reportCode(p)],
        reportDeadline: dayToIso(this.deadline(p)),
      },
      warnings,
    };
  }

  yearCompliance(year: number): YearCompliance {
    const ctx = this.years.get(year);
    const { first, last, windowStart, windowEnd, policy } = ctx;
    const windowLength = windowEnd - windowStart + 1;
    const { table, credit, asOf } = this;
    const rows: ComplianceRow[] = [];
    const { categoryMask, categoryOverflow, categoryCodes } = table;
    const categoryTrips = new Int32Array(categoryCodes.length);
    const categoryHalves = new Float64Array(categoryCodes.length);
    // distinct units without sets: a unit is seen by the current cadre when its stamp is the cadre's
    const seenByCadre = new Int32Array(this.unitKeys.length).fill(-1);
    const seenInYear = new Uint8Array(this.unitKeys.length);
    let unitsVisitedAll = 0;
    const reportsAll = emptyReportCounts();
    let totalCost = 0;
    const noAbsences: DayInterval[] = [];
    const cadres = this.cadres;

    for (let c = 0; c < cadres.length; c++) {
      const cadre = cadres[c];
      const g = table.groupOf.get(cadre.cadreId);
      let trips = 0;
      let halves = 0;
      let unitsVisited = 0;
      const reports = emptyReportCounts();
      if (g !== undefined) {
        const { from, to } = table.groups[g];
        for (let p = from; p < to; p++) {
          if (!tripInYear(table.start[p], table.end[p], first, last, asOf)) continue;
          const h = tripHalvesIn(credit, p, year);
          trips++;
          halves += h;
          const u = table.unit[p];
          if (seenByCadre[u] !== c) {
            seenByCadre[u] = c;
            unitsVisited++;
          }
          if (seenInYear[u] === 0) {
            seenInYear[u] = 1;
            unitsVisitedAll++;
          }
          for (let mask = categoryMask[p]; mask !== 0; mask &= mask - 1) {
            const c = 31 - Math.clz32(mask & -mask);
            categoryTrips[c]++;
            categoryHalves[c] += h;
          }
          if (categoryOverflow.size > 0) {
            for (const c of categoryOverflow.get(p) ?? []) {
              categoryTrips[c]++;
              categoryHalves[c] += h;
            }
          }
          if (table.end[p] <= last) {
            const status = REPORT_STATUSES[this.reportCode(p)];
            reports[status]++;
            reportsAll[status]++;
            totalCost += table.cost[p];
          }
        }
      }
      const service = serviceInterval(cadre);
      if (!cadreListed(service, first, last, trips > 0)) continue;
      const { eligible, eligibleToDate } = eligibility(
        windowStart,
        windowEnd,
        asOf,
        service,
        this.absencesOf.get(cadre.cadreId) ?? noAbsences,
      );
      const required = requiredDaysFor(policy, cadre.subject, eligible, windowLength);
      const p = progress({ countedHalves: halves, required, eligible, eligibleToDate, asOf, windowStart, windowEnd });
      const registration = this.registrations.get(`${cadre.cadreId}|${year}`);
      rows.push({
        cadreId: cadre.cadreId,
        fullName: cadre.fullName,
        department: cadre.department,
        subject: cadre.subject,
        eligibleDays: eligible,
        requiredDays: required,
        countedDays: halves / 2,
        remainingDays: p.remainingDays,
        percent: p.percent,
        expectedToDate: p.expectedToDate,
        status: p.status,
        trips,
        unitsVisited,
        reports,
        registered: registration !== undefined,
        plannedDays: registration
          ? registration.q1Days + registration.q2Days + registration.q3Days + registration.q4Days
          : null,
      });
    }
    const tally: CategoryTally = new Map();
    categoryCodes.forEach((code, id) => {
      if (categoryTrips[id] > 0) tally.set(code, { trips: categoryTrips[id], halves: categoryHalves[id] });
    });
    const summary = summarize(rows, {
      byCategory: categorySummary(policy.categories, tally),
      unitsVisited: unitsVisitedAll,
      unitsNotVisited: unitsNotVisited(
        this.units.units,
        first,
        last,
        new Set(this.unitKeys.filter((_, id) => seenInYear[id] === 1)),
      ),
      reports: reportsAll,
      totalCost,
    });
    return { year, asOf: this.input.asOf, policy, cadres: rows, summary };
  }
}

/** Evaluates an org's whole collections as of `input.asOf`. */
export function evaluateOrg(input: EngineInput): OrgEvaluation {
  const evaluation = new Evaluation(input);
  const trips = new TripEvaluations(input.trips, (t) => evaluation.tripEvaluation(t));
  const years = new Map<number, YearCompliance>();
  return {
    trips,
    year(year: number): YearCompliance {
      let result = years.get(year);
      if (!result) {
        result = evaluation.yearCompliance(year);
        years.set(year, result);
      }
      return result;
    },
  };
}

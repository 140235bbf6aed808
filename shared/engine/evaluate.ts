/**
 * The compliance engine's entry: every trip's derived values and warnings, and each org-year's
 * compliance rows and summary as of `input.asOf` (rules.md "Counting days" to "the summary").
 *
 * One pass reads the trips into records (trip-table.ts); one pass over the cadres' groups
 * credits them and gathers each year's figures (year-totals.ts). `year(y)` then assembles
 * rows from those figures; a trip's own evaluation is built on demand by replaying its
 * cadre's group (group-detail.ts).
 */
import { dayToIso, isoToDay, yearOfDay } from '../dates';
import { policyLookup } from '../defaults';
import type { ComplianceRow, EngineInput, Registration, TripEvaluation, YearCompliance } from '../models';
import { CadreIndex } from './cadre-index';
import * as credits from './credit';
import { CREDIT_FLAG, GroupCredit } from './credit';
import * as eligibilities from './eligibility';
import { absenceIntervals, serviceInterval } from './eligibility';
import { GroupDetail } from './group-detail';
import * as membership from './membership';
import { REPORT_STATUSES, reportDeadline, reportStatusCode } from './reports';
import * as requirement from './requirement';
import * as statuses from './status';
import { categorySummary, summarize, unitsNotVisited, type CategoryTally } from './summary';
import { scratchInt32 } from './scratch';
import { NO_REPORT, STRIDE } from './trip-record';
import { TripCredits } from './trip-credits';
import { TripEvaluations } from './trip-evaluations';
import * as tripTable from './trip-table';
import { buildTripTable } from './trip-table';
import { UnitResolver } from './units';
import { tripWarnings, type AbsenceSpan } from './warnings';
import * as yearTotals from './year-totals';
import { YearTotalsSet } from './year-totals';
import { YearContexts } from './year-context';

// Bindings used in loops are read once here: under tsx (esbuild's CommonJS interop) every
// read of an imported binding is a getter call, several times slower than a local constant.
const { creditGroup } = credits;
const { eligibleCount, serviceFrom, serviceTo } = eligibilities;
const { cadreListed } = membership;
const { requiredDaysFor } = requirement;
const { expectedToDateOf, percentOf, remainingDaysOf, statusOf } = statuses;
const { loadGroup } = tripTable;
const { CADRE_CELLS, C_HALVES, C_REPORTS, C_TRIPS, C_UNITS } = yearTotals;

export interface OrgEvaluation {
  /** Every trip's derived values and warnings (all years it touches), keyed by trip id. */
  readonly trips: ReadonlyMap<string, TripEvaluation>;
  /** One org-year as of input.asOf: compliance rows (cadres listed for the year, sorted by cadreId) and summary. Cached per year. */
  year(year: number): YearCompliance;
  /** The unit keys the year's trip set visited (a unit's code, or the text as written when it matches none). */
  visitedUnits(year: number): string[];
}

const NO_ABSENCES: readonly AbsenceSpan[] = [];

/** Everything computed once per evaluation, shared by the trip map and the years. */
class Evaluation {
  readonly asOf: number;
  readonly years: YearContexts;
  readonly cadres: CadreIndex;
  readonly units: UnitResolver;
  /** Input index of the trip at each position (groups contiguous, each in credit order). */
  private readonly order: Int32Array;
  private readonly groupStart: Int32Array;
  private readonly categoryCodes: readonly string[];
  private readonly totals: YearTotalsSet;
  private readonly absencesOf = new Map<string, AbsenceSpan[]>();
  /** Position of each input trip, and every trip's credit: made on the first trip evaluation. */
  private rank: Int32Array | undefined;
  private credits: TripCredits | undefined;
  private readonly details = new Map<number, GroupDetail>();

  constructor(readonly input: EngineInput) {
    this.asOf = isoToDay(input.asOf);
    this.years = new YearContexts(policyLookup(input.policies), this.asOf);
    this.cadres = new CadreIndex(input.cadres);
    this.units = new UnitResolver(input.units);
    const table = buildTripTable(input.trips, this.cadres, this.units);
    this.order = table.order;
    this.groupStart = table.groupStart;
    this.categoryCodes = table.categoryCodes;
    this.totals = new YearTotalsSet(this.cadres.listed, this.units.keyCount, table.categoryCodes.length);
    // each cadre's trips into credit order; the listed cadres' credited and gathered
    const credit = new GroupCredit(64);
    const buffer = scratchInt32('evaluate.group', table.maxGroup * STRIDE);
    for (let g = 0; g < table.groupCount; g++) {
      const m = loadGroup(table, g, buffer);
      if (m === 0 || g >= this.cadres.listed) continue;
      creditGroup(buffer, 0, m, this.years, credit);
      this.totals.addGroup(g, table, buffer, m, credit, this.years, this.asOf);
    }
    for (const a of input.absences) {
      const span = { id: a.id, ...absenceIntervals([a])[0] };
      const list = this.absencesOf.get(a.cadreId);
      if (list) list.push(span);
      else this.absencesOf.set(a.cadreId, [span]);
    }
    for (const list of this.absencesOf.values()) list.sort((a, b) => a.from - b.from || a.to - b.to);
  }

  private detail(g: number): GroupDetail {
    let d = this.details.get(g);
    if (d === undefined) {
      d = new GroupDetail(this.input.trips, this.order.slice(this.groupStart[g], this.groupStart[g + 1]), this.years);
      this.details.set(g, d);
    }
    return d;
  }

  private positions(): Int32Array {
    if (this.rank === undefined) {
      const rank = new Int32Array(this.order.length);
      for (let p = 0; p < this.order.length; p++) rank[this.order[p]] = p;
      this.rank = rank;
    }
    return this.rank;
  }

  private tripCredits(): TripCredits {
    this.credits ??= new TripCredits(this.input.trips, this.order, this.positions(), this.groupStart, this.years);
    return this.credits;
  }

  /** The evaluation of input trip t. */
  tripEvaluation(t: number): TripEvaluation {
    const trip = this.input.trips[t];
    const g = this.cadres.find(trip.cadreId)!;
    const detail = this.detail(g);
    const credit = this.tripCredits();
    const p = this.positions()[t];
    const j = p - this.groupStart[g];
    const start = isoToDay(trip.startDate);
    const end = isoToDay(trip.endDate);
    const countedDays: Record<string, number> = {};
    const lastYear = yearOfDay(end);
    for (let y = credit.firstYear[p]; y <= lastYear; y++) countedDays[String(y)] = credit.halvesIn(p, y) / 2;
    const deadline = reportDeadline(end, this.years.ofDay(end).reportDeadlineDays);
    const reportDay = trip.reportDate === undefined ? NO_REPORT : isoToDay(trip.reportDate);
    const reportCode = reportStatusCode(reportDay === NO_REPORT ? undefined : reportDay, deadline, this.asOf);
    const cadre = this.cadres.cadre(trip.cadreId);
    const flags = credit.flags[p];
    const warnings = tripWarnings({
      trip,
      start,
      end,
      asOf: this.asOf,
      overlapWith: (flags & CREDIT_FLAG.OVERLAP) !== 0 ? detail.relatedIds(j) : undefined,
      unit: this.units.resolve(trip.unit),
      service: cadre ? serviceInterval(cadre) : undefined,
      absences: this.absencesOf.get(trip.cadreId) ?? NO_ABSENCES,
      sameOrderNo: detail.sameOrderNo(j),
      countable: credit.countable[p],
      notReported: (flags & CREDIT_FLAG.NOT_REPORTED) !== 0,
      daysAboveCountable: (flags & CREDIT_FLAG.DAYS_ABOVE_COUNTABLE) !== 0,
    });
    return {
      derived: { countedDays, reportStatus: REPORT_STATUSES[reportCode], reportDeadline: dayToIso(deadline) },
      warnings,
    };
  }

  visitedUnits(year: number): string[] {
    const totals = this.totals.of(year);
    const keys = this.units.keys();
    const out: string[] = [];
    for (let id = 0; id < keys.length; id++) if (totals.visited(id)) out.push(keys[id]);
    return out;
  }

  yearCompliance(year: number): YearCompliance {
    const ctx = this.years.get(year);
    const { first, last, windowStart, windowEnd, policy } = ctx;
    const period = { asOf: this.asOf, windowStart, windowEnd };
    const windowLength = windowEnd - windowStart + 1;
    const untilAsOf = Math.min(windowEnd, this.asOf);
    const totals = this.totals.of(year);
    const { perCadre } = totals;
    const cadres = this.cadres.cadres;
    // the year's registration of each listed cadre (the last row of a cadre-year wins)
    const registrationOf: (Registration | undefined)[] = new Array<Registration | undefined>(cadres.length);
    const registrations = this.input.registrations;
    for (let k = 0; k < registrations.length; k++) {
      const r = registrations[k];
      if (r.year !== year) continue;
      const c = this.cadres.find(r.cadreId);
      if (c !== undefined && c < cadres.length) registrationOf[c] = r;
    }
    const rows: ComplianceRow[] = [];
    for (let c = 0; c < cadres.length; c++) {
      const cadre = cadres[c];
      const cell = c * CADRE_CELLS;
      const trips = perCadre[cell + C_TRIPS];
      const from = serviceFrom(cadre);
      const to = serviceTo(cadre);
      if (!cadreListed(from, to, first, last, trips > 0)) continue;
      const absences = this.absencesOf.get(cadre.cadreId) ?? NO_ABSENCES;
      const eligible = eligibleCount(windowStart, windowEnd, from, to, absences);
      const eligibleToDate = eligibleCount(windowStart, untilAsOf, from, to, absences);
      const required = requiredDaysFor(policy, cadre.subject, eligible, windowLength);
      const halves = perCadre[cell + C_HALVES];
      const registration = registrationOf[c];
      rows.push({
        cadreId: cadre.cadreId,
        fullName: cadre.fullName,
        department: cadre.department,
        subject: cadre.subject,
        eligibleDays: eligible,
        requiredDays: required,
        countedDays: halves / 2,
        remainingDays: required === 0 ? 0 : remainingDaysOf(halves, required),
        percent: percentOf(halves, required),
        expectedToDate: expectedToDateOf(required, eligible, eligibleToDate),
        status: statusOf(halves, required, eligible, eligibleToDate, period),
        trips,
        unitsVisited: perCadre[cell + C_UNITS],
        reports: {
          on_time: perCadre[cell + C_REPORTS],
          late: perCadre[cell + C_REPORTS + 1],
          pending: perCadre[cell + C_REPORTS + 2],
          overdue: perCadre[cell + C_REPORTS + 3],
        },
        registered: registration !== undefined,
        plannedDays: registration
          ? registration.q1Days + registration.q2Days + registration.q3Days + registration.q4Days
          : null,
      });
    }
    const tally: CategoryTally = new Map();
    this.categoryCodes.forEach((code, id) => {
      if (totals.categoryTrips[id] > 0) tally.set(code, { trips: totals.categoryTrips[id], halves: totals.categoryHalves[id] });
    });
    const units = this.units;
    const summary = summarize(rows, {
      byCategory: categorySummary(policy.categories, tally),
      unitsVisited: totals.unitsVisited,
      unitsNotVisited: unitsNotVisited(units.units, first, last, {
        has: (code: string) => totals.visited(units.codeId(code) ?? -1),
      }),
      reports: {
        on_time: totals.reports[0],
        late: totals.reports[1],
        pending: totals.reports[2],
        overdue: totals.reports[3],
      },
      totalCost: totals.totalCost,
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
    visitedUnits: (year: number) => evaluation.visitedUnits(year),
  };
}

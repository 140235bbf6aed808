/**
 * The figures of each year's trip set ("What belongs to a cadre-year"), gathered in the one
 * pass that credits the trips: per listed cadre (trips, counted half-days, distinct units,
 * reports) and for the summary (units visited, categories, reports, total cost).
 * Years are gathered as the trips reach them, so `year(y)` only assembles rows.
 */
import * as dates from '../dates';
import type { GroupCredit } from './credit';
import * as membership from './membership';
import * as reports from './reports';
import * as record from './trip-record';
import type { TripTable } from './trip-table';
import type { YearContexts } from './year-context';

// Bindings used in loops are read once here: under tsx (esbuild's CommonJS interop) every
// read of an imported binding is a getter call, several times slower than a local constant.
const { yearStart } = dates;
const { tripInYear } = membership;
const { reportStatusCode } = reports;
const { NO_REPORT, R_CATS, R_END, R_REPORT, R_START, R_UNIT, STRIDE, costOf } = record;

/** Cells per listed cadre in `YearTotals.perCadre`. */
export const CADRE_CELLS = 7;
export const C_TRIPS = 0;
export const C_HALVES = 1;
export const C_UNITS = 2;
/** C_REPORTS + report code (REPORT_CODE of reports.ts). */
export const C_REPORTS = 3;

export class YearTotals {
  /** CADRE_CELLS cells per listed cadre number. */
  readonly perCadre: Int32Array;
  /** By unit key id: the last cadre number with a trip of the year there, −1 for none. */
  readonly unitStamp: Int32Array;
  unitsVisited = 0;
  readonly categoryTrips: Int32Array;
  readonly categoryHalves: Float64Array;
  /** Trips of the set ending in the year, by report code. */
  readonly reports = [0, 0, 0, 0];
  totalCost = 0;

  constructor(
    readonly year: number,
    cadres: number,
    unitKeys: number,
    categories: number,
  ) {
    this.perCadre = new Int32Array(cadres * CADRE_CELLS);
    this.unitStamp = new Int32Array(unitKeys).fill(-1);
    this.categoryTrips = new Int32Array(categories);
    this.categoryHalves = new Float64Array(categories);
  }

  /** Whether some trip of the year's set went to the unit key id. */
  visited(unitId: number): boolean {
    return unitId < this.unitStamp.length && this.unitStamp[unitId] !== -1;
  }
}

/** The years' totals of one evaluation. */
export class YearTotalsSet {
  private readonly byYear = new Map<number, YearTotals>();
  private last: YearTotals | undefined;

  constructor(
    private readonly cadres: number,
    private readonly unitKeys: number,
    private readonly categories: number,
  ) {}

  /** The totals of a year, empty when no trip of the year's set was gathered. */
  of(year: number): YearTotals {
    const last = this.last;
    if (last !== undefined && last.year === year) return last;
    let t = this.byYear.get(year);
    if (t === undefined) {
      t = new YearTotals(year, this.cadres, this.unitKeys, this.categories);
      this.byYear.set(year, t);
    }
    return (this.last = t);
  }

  /**
   * Adds the `m` trips of listed cadre g (their records in credit order in `records`, as
   * loaded by loadGroup, credited into `credit`) to the sets of the years they belong to:
   * each year the trip touches in which it has a date on or before `asOf`.
   */
  addGroup(
    g: number,
    table: TripTable,
    records: Int32Array,
    m: number,
    credit: GroupCredit,
    years: YearContexts,
    asOf: number,
  ): void {
    const { order, trips, categoryOverflow } = table;
    const from = table.groupStart[g];
    const overflow = categoryOverflow.size > 0;
    const cell = g * CADRE_CELLS;
    for (let j = 0; j < m; j++) {
      const i = order[from + j];
      const b = j * STRIDE;
      const s = records[b + R_START];
      const e = records[b + R_END];
      const endCtx = years.ofDay(e);
      const y1 = endCtx.year;
      const unit = records[b + R_UNIT];
      const cats = records[b + R_CATS];
      for (let y = credit.firstYear[j]; y <= y1; y++) {
        if (!tripInYear(s, e, yearStart(y), yearStart(y + 1) - 1, asOf)) continue;
        const h = credit.halvesIn(j, y);
        const t = this.of(y);
        const cadre = t.perCadre;
        cadre[cell + C_TRIPS]++;
        cadre[cell + C_HALVES] += h;
        const stamp = t.unitStamp[unit];
        if (stamp !== g) {
          if (stamp === -1) t.unitsVisited++;
          t.unitStamp[unit] = g;
          cadre[cell + C_UNITS]++;
        }
        for (let mask = cats; mask !== 0; mask &= mask - 1) {
          const c = 31 - Math.clz32(mask & -mask);
          t.categoryTrips[c]++;
          t.categoryHalves[c] += h;
        }
        if (overflow) {
          for (const c of categoryOverflow.get(i) ?? []) {
            t.categoryTrips[c]++;
            t.categoryHalves[c] += h;
          }
        }
        if (y === y1) {
          const r = records[b + R_REPORT];
          const code = reportStatusCode(r === NO_REPORT ? undefined : r, e + endCtx.reportDeadlineDays, asOf);
          cadre[cell + C_REPORTS + code]++;
          t.reports[code]++;
          t.totalCost += costOf(records, b, trips, i);
        }
      }
    }
  }
}

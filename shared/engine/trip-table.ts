/**
 * The trips of an org as columns, grouped by cadre and sorted once into credit order:
 * (`startDate`, `endDate`, `id` compared by code point). Columns are indexed by *position*
 * `p` in that order (so per-cadre loops read memory sequentially); `order[p]` is the input
 * index of the trip at position p and `rank[t]` the position of input trip t.
 */
import { isoToDay } from '../dates';
import type { Trip } from '../models';

/** One cadre's trips: positions `from` … `to - 1`, in credit order. */
export interface CadreGroup {
  readonly cadreId: string;
  readonly from: number;
  readonly to: number;
}

/** `reportDay` of a trip without a report. */
export const NO_REPORT = -2147483648;

export interface TripTable {
  readonly trips: readonly Trip[];
  /** Input index of the trip at each position. */
  readonly order: Int32Array;
  /** Position of each input trip. */
  readonly rank: Int32Array;
  readonly groups: readonly CadreGroup[];
  /** Index in `groups` by cadre id. */
  readonly groupOf: ReadonlyMap<string, number>;
  // by position:
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Declared `days` as half-days; -1 when not declared. */
  readonly declaredHalves: Int32Array;
  /** `reportDate` as a day number; NO_REPORT when none. */
  readonly reportDay: Int32Array;
  readonly cost: Float64Array;
  /** Id of the trip's resolved unit (see buildTripTable's `unitId`). */
  readonly unit: Int32Array;
  /** Bit c set when the trip has category id c < 31 (ids index `categoryCodes`). */
  readonly categoryMask: Int32Array;
  /** Category ids ≥ 31 of a trip, by position (rare: an org with many categories). */
  readonly categoryOverflow: ReadonlyMap<number, readonly number[]>;
  readonly categoryCodes: readonly string[];
}

/** Plain code-point comparison of two strings (not locale-aware). */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Categories with an id below this live in `categoryMask`. */
export const MASK_CATEGORIES = 31;

function grow(a: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/**
 * Builds the table. `unitId` gives a number per distinct resolved unit of a trip's `unit`
 * text (called once per trip).
 */
export function buildTripTable(trips: readonly Trip[], unitId: (text: string) => number = () => 0): TripTable {
  const n = trips.length;
  // pass 1: the cadre groups and their sizes
  const groupOfTrip = new Int32Array(n);
  const groupOf = new Map<string, number>();
  const cadreIds: string[] = [];
  let counts = new Int32Array(64);
  for (let i = 0; i < n; i++) {
    const cadreId = trips[i].cadreId;
    let g = groupOf.get(cadreId);
    if (g === undefined) {
      g = cadreIds.length;
      groupOf.set(cadreId, g);
      cadreIds.push(cadreId);
      if (g === counts.length) counts = grow(counts, counts.length * 2);
    }
    groupOfTrip[i] = g;
    counts[g]++;
  }
  const groups: CadreGroup[] = [];
  const next = new Int32Array(cadreIds.length);
  let pos = 0;
  for (let g = 0; g < cadreIds.length; g++) {
    groups.push({ cadreId: cadreIds[g], from: pos, to: pos + counts[g] });
    next[g] = pos;
    pos += counts[g];
  }
  // pass 2: each trip's columns written at its group's next position
  const order = new Int32Array(n);
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const declaredHalves = new Int32Array(n);
  const reportDay = new Int32Array(n);
  const cost = new Float64Array(n);
  const unit = new Int32Array(n);
  const categoryMask = new Int32Array(n);
  const overflowByInput = new Map<number, number[]>();
  const categoryCodes: string[] = [];
  const categoryOf = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const t = trips[i];
    const p = next[groupOfTrip[i]]++;
    order[p] = i;
    const s = isoToDay(t.startDate);
    const e = isoToDay(t.endDate);
    start[p] = s;
    end[p] = e;
    const days = t.days;
    declaredHalves[p] = days !== undefined && Number.isFinite(days) && days > 0 ? Math.round(days * 2) : -1;
    reportDay[p] = t.reportDate === undefined ? NO_REPORT : isoToDay(t.reportDate);
    cost[p] = t.cost ?? 0;
    unit[p] = unitId(t.unit);
    const contents = t.contents;
    let mask = 0;
    for (let k = 0; k < contents.length; k++) {
      let c = categoryOf.get(contents[k]);
      if (c === undefined) {
        c = categoryCodes.length;
        categoryOf.set(contents[k], c);
        categoryCodes.push(contents[k]);
      }
      if (c < MASK_CATEGORIES) mask |= 1 << c;
      else {
        const list = overflowByInput.get(i);
        if (list) {
          if (!list.includes(c)) list.push(c);
        } else overflowByInput.set(i, [c]);
      }
    }
    categoryMask[p] = mask;
  }
  // each group into credit order (positions within a group are contiguous)
  const before = (p: number, q: number): boolean =>
    start[p] < start[q] ||
    (start[p] === start[q] && (end[p] < end[q] || (end[p] === end[q] && trips[order[p]].id < trips[order[q]].id)));
  const intColumns = [order, start, end, declaredHalves, reportDay, unit, categoryMask];
  const floatColumns = [cost];
  let perm = new Int32Array(64);
  let intScratch = new Int32Array(64);
  let floatScratch = new Float64Array(64);
  for (const { from, to } of groups) {
    let sorted = true;
    for (let p = from + 1; p < to && sorted; p++) if (before(p, p - 1)) sorted = false;
    if (sorted) continue;
    const size = to - from;
    if (size > perm.length) {
      perm = new Int32Array(size);
      intScratch = new Int32Array(size);
      floatScratch = new Float64Array(size);
    }
    for (let k = 0; k < size; k++) perm[k] = from + k;
    if (size <= 64) {
      // insertion sort of positions: stable, no allocation
      for (let k = 1; k < size; k++) {
        const x = perm[k];
        let j = k - 1;
        while (j >= 0 && before(x, perm[j])) {
          perm[j + 1] = perm[j];
          j--;
        }
        perm[j + 1] = x;
      }
    } else {
      const sortedPositions = Array.from(perm.subarray(0, size)).sort((p, q) => (before(p, q) ? -1 : before(q, p) ? 1 : 0));
      perm.set(sortedPositions);
    }
    for (const col of intColumns) {
      for (let k = 0; k < size; k++) intScratch[k] = col[perm[k]];
      col.set(intScratch.subarray(0, size), from);
    }
    for (const col of floatColumns) {
      for (let k = 0; k < size; k++) floatScratch[k] = col[perm[k]];
      col.set(floatScratch.subarray(0, size), from);
    }
  }
  const rank = new Int32Array(n);
  for (let p = 0; p < n; p++) rank[order[p]] = p;
  const categoryOverflow = new Map<number, number[]>();
  for (const [i, list] of overflowByInput) categoryOverflow.set(rank[i], list);
  return {
    trips,
    order,
    rank,
    groups,
    groupOf,
    start,
    end,
    declaredHalves,
    reportDay,
    cost,
    unit,
    categoryMask,
    categoryOverflow,
    categoryCodes,
  };
}

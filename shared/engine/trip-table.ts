/**
 * The trips of an org as records (shared/engine/trip-record.ts), grouped by cadre, each group
 * in credit order: (`startDate`, `endDate`, `id` compared by code point).
 * One pass reads the trip objects in input order into records; a counting sort groups them;
 * `loadGroup` copies one group's records into a small buffer and sorts them there, where the
 * credit then works on them. `order[p]` is the input index of the trip at position p; group g
 * (the cadre number of CadreIndex) holds positions `groupStart[g]` … `groupStart[g + 1] − 1`.
 */
import type { Trip } from '../models';
import { CadreIndex } from './cadre-index';
import { scratchInt32 } from './scratch';
import {
  MASK_CATEGORIES,
  R_CATS,
  R_COST,
  R_END,
  R_GROUP,
  R_START,
  R_UNIT,
  STRIDE,
  costCell,
  encodeDates,
} from './trip-record';

export { compareCodePoints } from './code-points';

/** Resolves a trip's unit text to a key id. */
export interface UnitIds {
  idOf(text: string): number;
}

export interface TripTable {
  readonly trips: readonly Trip[];
  /**
   * The records by position (`STRIDE` cells from `p * STRIDE`). Scratch memory, reused by the
   * next table built: read it only before building another.
   */
  readonly records: Int32Array;
  /** Input index of the trip at each position: grouped, each group in credit order once loaded (loadGroup). */
  readonly order: Int32Array;
  /** Group g holds positions groupStart[g] … groupStart[g + 1] − 1; `groupCount + 1` entries. */
  readonly groupStart: Int32Array;
  readonly groupCount: number;
  /** Size of the largest group. */
  readonly maxGroup: number;
  readonly categoryCodes: readonly string[];
  /** Category ids ≥ MASK_CATEGORIES of a trip, by input index (rare: an org with many categories). */
  readonly categoryOverflow: ReadonlyMap<number, readonly number[]>;
}

const NO_UNITS: UnitIds = { idOf: () => 0 };

/** Copies one record (STRIDE = 8 cells, unrolled: a loop here costs several times more). */
function copyRecord(from: Int32Array, src: number, to: Int32Array, dst: number): void {
  to[dst] = from[src];
  to[dst + 1] = from[src + 1];
  to[dst + 2] = from[src + 2];
  to[dst + 3] = from[src + 3];
  to[dst + 4] = from[src + 4];
  to[dst + 5] = from[src + 5];
  to[dst + 6] = from[src + 6];
  to[dst + 7] = from[src + 7];
}

/** Whether the trip at place i of a group buffer comes before the one at place j, in credit order. */
function before(buffer: Int32Array, trips: readonly Trip[], inputs: Int32Array, from: number, i: number, j: number): boolean {
  const a = i * STRIDE;
  const b = j * STRIDE;
  const si = buffer[a + R_START];
  const sj = buffer[b + R_START];
  if (si !== sj) return si < sj;
  const ei = buffer[a + R_END];
  const ej = buffer[b + R_END];
  if (ei !== ej) return ei < ej;
  return trips[inputs[from + i]].id < trips[inputs[from + j]].id;
}

/**
 * Puts group g's positions (of `order` and `records`) in credit order, and copies its records
 * into `buffer` (place j at `j * STRIDE`, room for `maxGroup` trips). Returns the group's size.
 */
export function loadGroup(table: TripTable, g: number, buffer: Int32Array): number {
  const { records, order, trips } = table;
  const from = table.groupStart[g];
  const m = table.groupStart[g + 1] - from;
  let sorted = true;
  let lastStart = -2147483648;
  let lastEnd = -2147483648;
  for (let j = 0; j < m; j++) {
    const src = (from + j) * STRIDE;
    copyRecord(records, src, buffer, j * STRIDE);
    const s = records[src + R_START];
    const e = records[src + R_END];
    if (s < lastStart || (s === lastStart && (e < lastEnd || (e === lastEnd && before(buffer, trips, order, from, j, j - 1))))) {
      sorted = false;
    }
    lastStart = s;
    lastEnd = e;
  }
  if (sorted) return m;
  // sort places (insertion sort: stable, no allocation; a sort call for large groups)
  const places = scratchInt32('table.places', m);
  for (let j = 0; j < m; j++) places[j] = j;
  if (m <= 64) {
    for (let j = 1; j < m; j++) {
      const x = places[j];
      let q = j - 1;
      while (q >= 0 && before(buffer, trips, order, from, x, places[q])) {
        places[q + 1] = places[q];
        q--;
      }
      places[q + 1] = x;
    }
  } else {
    const list = Array.from(places.subarray(0, m));
    list.sort((i, j) => (before(buffer, trips, order, from, i, j) ? -1 : before(buffer, trips, order, from, j, i) ? 1 : 0));
    places.set(list);
  }
  // apply the permutation to the records and to the group's input indices
  const copy = scratchInt32('table.copy', m * STRIDE);
  copy.set(buffer.subarray(0, m * STRIDE));
  const inputs = scratchInt32('table.inputs', m);
  inputs.set(order.subarray(from, from + m));
  for (let j = 0; j < m; j++) {
    copyRecord(copy, places[j] * STRIDE, buffer, j * STRIDE);
    copyRecord(copy, places[j] * STRIDE, records, (from + j) * STRIDE);
    order[from + j] = inputs[places[j]];
  }
  return m;
}

/**
 * Builds the table. Trips are grouped by the number `cadres` gives their cadre id (ids of no
 * listed cadre get new numbers); `units` gives each trip's unit key id.
 */
export function buildTripTable(
  trips: readonly Trip[],
  cadres: CadreIndex = new CadreIndex([]),
  units: UnitIds = NO_UNITS,
): TripTable {
  const n = trips.length;
  const input = scratchInt32('table.input', n * STRIDE);
  const categoryCodes: string[] = [];
  const categoryOf = new Map<string, number>();
  const categoryOverflow = new Map<number, number[]>();
  // the trip objects into records, in input order; the hash look-ups in loops of their own
  // (a small loop body lets the processor wait on several look-ups at once)
  for (let i = 0; i < n; i++) input[i * STRIDE + R_GROUP] = cadres.numberOf(trips[i].cadreId);
  for (let i = 0; i < n; i++) input[i * STRIDE + R_UNIT] = units.idOf(trips[i].unit);
  for (let i = 0; i < n; i++) {
    const t = trips[i];
    const b = i * STRIDE;
    encodeDates(t, input, b);
    input[b + R_COST] = costCell(t.cost);
    const contents = t.contents;
    let mask = 0;
    for (let k = 0; k < contents.length; k++) {
      const code = contents[k];
      let c = categoryOf.get(code);
      if (c === undefined) {
        c = categoryCodes.length;
        categoryOf.set(code, c);
        categoryCodes.push(code);
      }
      if (c < MASK_CATEGORIES) mask |= 1 << c;
      else {
        const list = categoryOverflow.get(i);
        if (!list) categoryOverflow.set(i, [c]);
        else if (!list.includes(c)) list.push(c);
      }
    }
    input[b + R_CATS] = mask;
  }
  // counting sort by group (stable: input order within a group)
  const groupCount = cadres.size;
  const groupStart = new Int32Array(groupCount + 1);
  for (let i = 0; i < n; i++) groupStart[input[i * STRIDE + R_GROUP] + 1]++;
  for (let g = 0; g < groupCount; g++) groupStart[g + 1] += groupStart[g];
  const next = scratchInt32('table.next', groupCount);
  next.set(groupStart.subarray(0, groupCount));
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[next[input[i * STRIDE + R_GROUP]]++] = i;
  // the records in position order: one tight loop (the processor overlaps its cache misses),
  // after which every later pass reads them sequentially
  const records = scratchInt32('table.records', n * STRIDE);
  for (let p = 0; p < n; p++) copyRecord(input, order[p] * STRIDE, records, p * STRIDE);
  let maxGroup = 0;
  for (let g = 0; g < groupCount; g++) {
    if (groupStart[g + 1] - groupStart[g] > maxGroup) maxGroup = groupStart[g + 1] - groupStart[g];
  }
  return { trips, records, order, groupStart, groupCount, maxGroup, categoryCodes, categoryOverflow };
}

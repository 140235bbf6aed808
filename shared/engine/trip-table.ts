/**
 * The trips of an org as records (shared/engine/trip-record.ts), grouped by cadre, each group
 * in credit order: (`startDate`, `endDate`, `id` compared by code point).
 * The trip objects are read in input order only (sequential memory): their cadre numbers, a
 * counting sort giving each trip its position in its cadre's group, their unit ids, then each
 * record written at its position. `loadGroup` copies one group's records into a small buffer
 * and sorts them there, where the credit then works on them. `order[p]` is the input index of
 * the trip at position p; group g (the cadre number of CadreIndex) holds positions
 * `groupStart[g]` … `groupStart[g + 1] − 1`.
 */
import type { Trip } from '../models';
import { CadreIndex } from './cadre-index';
import * as scratch from './scratch';
import * as record from './trip-record';


// Bindings used in loops are read once here: under tsx (esbuild's CommonJS interop) every
// read of an imported binding is a getter call, several times slower than a local constant.
const { scratchInt32 } = scratch;
const { MASK_CATEGORIES, R_CATS, R_COST, R_END, R_INPUT, R_START, R_UNIT, STRIDE, costCell, encodeDates } = record;

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
function before(buffer: Int32Array, trips: readonly Trip[], i: number, j: number): boolean {
  const a = i * STRIDE;
  const b = j * STRIDE;
  const si = buffer[a + R_START];
  const sj = buffer[b + R_START];
  if (si !== sj) return si < sj;
  const ei = buffer[a + R_END];
  const ej = buffer[b + R_END];
  if (ei !== ej) return ei < ej;
  return trips[buffer[a + R_INPUT]].id < trips[buffer[b + R_INPUT]].id;
}

/**
 * Copies group g's records into `buffer` in credit order (place j at `j * STRIDE`, room for
 * `maxGroup` trips), and puts the group's positions of `order` in that order. Returns the
 * group's size.
 */
export function loadGroup(table: TripTable, g: number, buffer: Int32Array): number {
  const { records, order, trips } = table;
  const from = table.groupStart[g];
  const m = table.groupStart[g + 1] - from;
  let sorted = true;
  for (let j = 0; j < m; j++) {
    copyRecord(records, (from + j) * STRIDE, buffer, j * STRIDE);
    if (sorted && j > 0 && before(buffer, trips, j, j - 1)) sorted = false;
  }
  if (sorted) return m;
  // sort places (insertion sort: stable, no allocation; a sort call for large groups)
  const places = scratchInt32('table.places', m);
  for (let j = 0; j < m; j++) places[j] = j;
  if (m <= 64) {
    for (let j = 1; j < m; j++) {
      const x = places[j];
      let q = j - 1;
      while (q >= 0 && before(buffer, trips, x, places[q])) {
        places[q + 1] = places[q];
        q--;
      }
      places[q + 1] = x;
    }
  } else {
    const list: number[] = [];
    for (let j = 0; j < m; j++) list.push(j);
    list.sort((i, j) => (before(buffer, trips, i, j) ? -1 : before(buffer, trips, j, i) ? 1 : 0));
    for (let j = 0; j < m; j++) places[j] = list[j];
  }
  // the records in that order in the buffer, and `order` with them (the table's records stay
  // as they are: each carries its input index, so loading the group again gives the same)
  for (let j = 0; j < m; j++) {
    const src = (from + places[j]) * STRIDE;
    copyRecord(records, src, buffer, j * STRIDE);
    order[from + j] = records[src + R_INPUT];
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
  const categoryCodes: string[] = [];
  const categoryOf = new Map<string, number>();
  const categoryOverflow = new Map<number, number[]>();
  // the trip objects are read in input order, the hash look-ups in loops of their own (a small
  // loop body lets the processor wait on several look-ups at once): cadre numbers, then a
  // counting sort gives each trip its position; unit ids; then each record is written there
  const groupOf = scratchInt32('table.group', n);
  for (let i = 0; i < n; i++) groupOf[i] = cadres.numberOf(trips[i].cadreId);
  const groupCount = cadres.size;
  const groupStart = new Int32Array(groupCount + 1);
  for (let i = 0; i < n; i++) groupStart[groupOf[i] + 1]++;
  for (let g = 0; g < groupCount; g++) groupStart[g + 1] += groupStart[g];
  const next = scratchInt32('table.next', groupCount);
  next.set(groupStart.subarray(0, groupCount));
  const order = new Int32Array(n);
  // groupOf becomes each trip's position
  for (let i = 0; i < n; i++) {
    const p = next[groupOf[i]]++;
    order[p] = i;
    groupOf[i] = p;
  }
  const unitOf = scratchInt32('table.unit', n);
  for (let i = 0; i < n; i++) unitOf[i] = units.idOf(trips[i].unit);
  const records = scratchInt32('table.records', n * STRIDE);
  for (let i = 0; i < n; i++) {
    const t = trips[i];
    const b = groupOf[i] * STRIDE;
    encodeDates(t, records, b);
    records[b + R_UNIT] = unitOf[i];
    records[b + R_COST] = costCell(t.cost);
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
    records[b + R_CATS] = mask;
    records[b + R_INPUT] = i;
  }
  let maxGroup = 0;
  for (let g = 0; g < groupCount; g++) {
    if (groupStart[g + 1] - groupStart[g] > maxGroup) maxGroup = groupStart[g + 1] - groupStart[g];
  }
  return { trips, records, order, groupStart, groupCount, maxGroup, categoryCodes, categoryOverflow };
}

/**
 * The trips of an org as columns of day numbers, grouped by cadre and sorted once into credit
 * order: (`startDate`, `endDate`, `id` compared by code point).
 */
import type { Trip } from '../models';
import { dayOfIso } from './day-math';

/** One cadre's trips: `order[from]` … `order[to - 1]`, in credit order. */
export interface CadreGroup {
  readonly cadreId: string;
  readonly from: number;
  readonly to: number;
}

export interface TripTable {
  readonly trips: readonly Trip[];
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Trip indices, grouped by cadre, each group in credit order. */
  readonly order: Int32Array;
  /** Position of each trip in `order`. */
  readonly rank: Int32Array;
  readonly groups: readonly CadreGroup[];
  /** Index in `groups` by cadre id. */
  readonly groupOf: ReadonlyMap<string, number>;
}

/** Plain code-point comparison of two strings (not locale-aware). */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function buildTripTable(trips: readonly Trip[]): TripTable {
  const n = trips.length;
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const byCadre = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const t = trips[i];
    start[i] = dayOfIso(t.startDate);
    end[i] = dayOfIso(t.endDate);
    const list = byCadre.get(t.cadreId);
    if (list) list.push(i);
    else byCadre.set(t.cadreId, [i]);
  }
  const creditOrder = (a: number, b: number): number =>
    start[a] - start[b] || end[a] - end[b] || compareCodePoints(trips[a].id, trips[b].id);
  const order = new Int32Array(n);
  const rank = new Int32Array(n);
  const groups: CadreGroup[] = [];
  const groupOf = new Map<string, number>();
  let pos = 0;
  for (const [cadreId, list] of byCadre) {
    list.sort(creditOrder);
    groupOf.set(cadreId, groups.length);
    groups.push({ cadreId, from: pos, to: pos + list.length });
    for (const i of list) {
      rank[i] = pos;
      order[pos++] = i;
    }
  }
  return { trips, start, end, order, rank, groups, groupOf };
}

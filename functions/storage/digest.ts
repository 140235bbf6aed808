/**
 * A cadre-year's digest (table `digests`, keys.ts): the trips whose dates touch that year, each
 * as its write count (`seq`) and the fields of its record the engine reads (not description,
 * findings, difficulties, proposals) — what the compliance of the cadre-year, and its trips'
 * derived values, are computed from.
 *
 * Entries are arrays, `[id, seq, unit, startDate, endDate, contents, days, orderNo, reportDate,
 * cost]` (live; absent fields null, trailing nulls left out; the cadre is the digest's) or
 * `[id, seq]` (gone: deleted, or moved to another cadre-year). Merging keeps, per id, the entry
 * with the higher `seq`; since every write of a row is conditional on the version before it, a
 * row's `seq` only grows, so merges commute: the digest is right whatever order concurrent
 * publishes merge their changes in.
 */
import type { Trip } from '../../shared/models';
import { parseDigestKey } from './keys';

type Field = string | number | string[] | null;
export type DigestEntry = readonly [id: string, seq: number, ...fields: Field[]];

export function liveEntry(id: string, seq: number, t: Trip): DigestEntry {
  const fields: Field[] = [t.unit, t.startDate, t.endDate, t.contents, t.days ?? null, t.orderNo ?? null, t.reportDate ?? null, t.cost ?? null];
  while (fields.length > 0 && fields[fields.length - 1] === null) fields.pop();
  return [id, seq, ...fields];
}

export const goneEntry = (id: string, seq: number): DigestEntry => [id, seq];

const isLive = (e: DigestEntry): boolean => e.length > 2;

/** The record of a live entry of cadre `cadreId` (the fields the engine reads). */
export function entryTrip(e: DigestEntry, cadreId: string): Trip {
  const [id, , unit, startDate, endDate, contents, days, orderNo, reportDate, cost] = e;
  const trip: Trip = { id, cadreId, unit: unit as string, startDate: startDate as string, endDate: endDate as string, contents: contents as string[] };
  if (days !== undefined && days !== null) trip.days = days as number;
  if (orderNo !== undefined && orderNo !== null) trip.orderNo = orderNo as string;
  if (reportDate !== undefined && reportDate !== null) trip.reportDate = reportDate as string;
  if (cost !== undefined && cost !== null) trip.cost = cost as number;
  return trip;
}

/** `changes` merged into `entries` (the higher seq wins per id); `changed` when anything differs. */
export function mergeEntries(entries: readonly DigestEntry[], changes: readonly DigestEntry[]): { entries: DigestEntry[]; changed: boolean } {
  const byId = new Map<string, DigestEntry>();
  for (const e of entries) byId.set(e[0], e);
  let changed = false;
  for (const c of changes) {
    const old = byId.get(c[0]);
    if (old && old[1] >= c[1]) continue;
    byId.set(c[0], c);
    changed = true;
  }
  return { entries: changed ? [...byId.values()] : [...entries], changed };
}

/** Live trips of digests (key → entries; a trip in several digests once: its highest seq). */
export function liveTrips(digests: Iterable<readonly [string, readonly DigestEntry[]]>): Map<string, { seq: number; record: Trip }> {
  const best = new Map<string, { entry: DigestEntry; cadreId: string }>();
  for (const [key, entries] of digests) {
    const { cadreId } = parseDigestKey(key);
    for (const e of entries) {
      const old = best.get(e[0]);
      // equal seq: the same write seen from two cadre-years; live where it is, gone where it left
      if (!old || e[1] > old.entry[1] || (e[1] === old.entry[1] && isLive(e))) best.set(e[0], { entry: e, cadreId });
    }
  }
  const out = new Map<string, { seq: number; record: Trip }>();
  for (const [id, { entry, cadreId }] of best) if (isLive(entry)) out.set(id, { seq: entry[1], record: entryTrip(entry, cadreId) });
  return out;
}

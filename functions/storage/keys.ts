/**
 * PartitionKey / RowKey builders. Keys are made only of `[A-Za-z0-9_-]` (org ids, kinds, codes,
 * client ids, years, dates) — never names — so no key needs escaping and none can widen a query.
 *
 * Table `records`: PartitionKey `<org>_<kind>` (kind: cadres, units, absences, trips,
 * registrations, policies, profile); RowKey `r_<id>` for a row, `a_<yyyyMMddHHmmssSSS>_<hex>` for an
 * audit record of changes in that partition (written in the same transaction as the changes).
 * Table `totals`: `<org>_<year>` / `<cadreId>`. Table `snapshots`: `<org>_<year>` / `<date>`.
 * Table `orgs`: `org` / `<org>`. Members (members.ts): `<org>_members` / `r_<account, base64url>`,
 * with `_all_members` for the members of every org (`*`; no org id starts with `_`).
 * Table `frozen`: `<org>_<year>` / `<key of one close>` (the compliance frozen when the year
 * was closed, gzipped; the `years` row names its key).
 *
 * Trips (issue 8): not in `<org>_trips` (the layout before; its rows are moved on first touch,
 * its audit records stay) but in TRIP_BUCKETS partitions `<org>_trips_<n>`, n from the trip id
 * alone (FNV-1a), so a trip is found by its id and an org's writes spread over the buckets.
 * Table `digests`: `<org>` / `y<year>_<cadreId>` (a cadre-year's trips, compact, digest.ts) and
 * `<org>` / `layout` (the org's trips are in buckets).
 */
import { ORG_ID_PATTERN } from '../../shared/ids';
import type { Kind } from '../../shared/models';

const KEY_TEXT = /^[A-Za-z0-9_-]{1,200}$/;

/** `profile`: the org profile (cycle.md §2), one row `r_profile`. */
export type PartitionKind = Kind | 'policies' | 'members' | 'profile' | 'years';

function checked(key: string): string {
  if (!KEY_TEXT.test(key)) throw new Error(`storage key outside [A-Za-z0-9_-]: ${JSON.stringify(key.slice(0, 80))}`);
  return key;
}

export function recordsPartition(org: string, kind: PartitionKind): string {
  if (!ORG_ID_PATTERN.test(org)) throw new Error('invalid org id for a storage key');
  return checked(`${org}_${kind}`);
}

export const ROW_PREFIX = 'r_';
/** The first string after every `r_…` key (`` ` `` follows `_` in code-point order). */
export const ROW_PREFIX_END = 'r`';
export const AUDIT_PREFIX = 'a_';

export function rowKey(id: string): string {
  return checked(`${ROW_PREFIX}${id}`);
}

export function idOfRowKey(key: string): string {
  return key.slice(ROW_PREFIX.length);
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `yyyyMMddHHmmssSSS` in UTC: sorts as time does. */
export function compactInstant(at: Date): string {
  return (
    `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}` +
    `${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}${pad(at.getUTCMilliseconds(), 3)}`
  );
}

export function auditRowKey(at: Date, unique: string): string {
  return checked(`${AUDIT_PREFIX}${compactInstant(at)}_${unique}`);
}

export function yearPartition(org: string, year: number): string {
  if (!ORG_ID_PATTERN.test(org)) throw new Error('invalid org id for a storage key');
  return checked(`${org}_${year}`);
}

export const ORGS_PARTITION = 'org';

export { checked as checkedKey };

/** Partitions an org's trips are spread over. */
export const TRIP_BUCKETS = 64;

/** The bucket of a trip id: FNV-1a (32 bit) of its UTF-16 code units, mod TRIP_BUCKETS. */
export function tripBucket(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % TRIP_BUCKETS;
}

export function tripsPartition(org: string, bucket: number): string {
  return checked(`${recordsPartition(org, 'trips')}_${bucket}`);
}

export function digestPartition(org: string): string {
  if (!ORG_ID_PATTERN.test(org)) throw new Error('invalid org id for a storage key');
  return checked(org);
}

export const DIGEST_PREFIX = 'y';
export const LAYOUT_KEY = 'layout';

/** RowKey of a cadre-year's digest: `y<year>_<cadreId>` (years of four digits sort as numbers). */
export function digestKey(year: number, cadreId: string): string {
  return checked(`${DIGEST_PREFIX}${year}_${cadreId}`);
}

export function parseDigestKey(key: string): { year: number; cadreId: string } {
  const sep = key.indexOf('_');
  return { year: Number(key.slice(DIGEST_PREFIX.length, sep)), cadreId: key.slice(sep + 1) };
}

/**
 * PartitionKey / RowKey builders. Keys are made only of `[A-Za-z0-9_-]` (org ids, kinds, codes,
 * client ids, years, dates) — never names — so no key needs escaping and none can widen a query.
 *
 * Table `records`: PartitionKey `<org>_<kind>` (kind: cadres, units, absences,
 * registrations, policies, profile); trips in TRIP_BUCKETS partitions `<org>_trips_<n>` chosen by a hash
 * of the trip id (`<org>_trips` is the layout before buckets, read until migrated); RowKey
 * `r_<id>` for a row, `a_<yyyyMMddHHmmssSSS>_<hex>` for an audit record of changes in that
 * partition (written in the same transaction as the changes).
 * Table `totals`: `<org>_<year>` / `<cadreId>`. Table `snapshots`: `<org>_<year>` / `<date>`.
 * Table `orgs`: `org` / `<org>`. Members (members.ts): `<org>_members` / `r_<account, base64url>`,
 * with `_all_members` for the members of every org (`*`; no org id starts with `_`).
 * Table `frozen`: `<org>_<year>` / `<key of one close>` (the compliance frozen when the year
 * was closed, gzipped; the `years` row names its key).
 * Table `state` (derived, rebuilt from `records` when in doubt):
 * `<org>` / `lease`; `<org>_cadres` / `c_<cadreId>` (each cadre's live trips and absences);
 * `<org>_y<year>` / `m` and `c_<cadreId>` (a year's compliance rows kept current by publishes).
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

/** Partitions of an org's trips (writes spread over them; a trip's bucket never changes). */
export const TRIP_BUCKETS = 8;

/** FNV-1a 32 of the id, modulo TRIP_BUCKETS. */
export function tripBucket(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % TRIP_BUCKETS;
}

export function tripPartition(org: string, id: string): string {
  return `${recordsPartition(org, 'trips')}_${tripBucket(id)}`;
}

export function tripPartitions(org: string): string[] {
  const base = recordsPartition(org, 'trips');
  return Array.from({ length: TRIP_BUCKETS }, (_, n) => `${base}_${n}`);
}

/** The partition a stored row of `kind` with `id` lives in. */
export function rowPartition(org: string, kind: PartitionKind, id: string): string {
  return kind === 'trips' ? tripPartition(org, id) : recordsPartition(org, kind);
}

/** Partitions of the state table. */
export function statePartition(org: string, part: 'lease' | 'cadres' | number): string {
  if (!ORG_ID_PATTERN.test(org)) throw new Error('invalid org id for a storage key');
  if (part === 'lease') return org;
  if (part === 'cadres') return `${org}_cadres`;
  return checked(`${org}_y${part}`);
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

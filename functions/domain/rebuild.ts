/**
 * Rebuilds an org's derived state from its rows (under the org's lease): moves trips of the
 * layout before buckets into their buckets, then writes every cadre's digest (live trips with
 * their versions, live absences). Year states are invalidated by the caller (a new generation).
 * Reads the whole org: it runs once per org after a migration, a takeover or a failed publish.
 * An org that never had a lease (`fresh`: new, or written before leases) has no bucket rows and
 * no digests yet, so its trips are the rows just moved.
 */
import type { Absence, Trip } from '../../shared/models';
import type { Services } from '../services';
import { CURRENT_LAYOUT, type CadreDigest } from '../storage/state';
import type { StoredRow } from '../storage/types';

export async function rebuildOrgState(services: Services, org: string, layout: number, fresh: boolean): Promise<void> {
  const { store, state } = services;
  let moved: StoredRow[] = [];
  if (layout < CURRENT_LAYOUT) {
    moved = await store.migrateLegacyTrips(org);
    if (moved.length > 0) services.log('trips moved to buckets', { org, rows: moved.length });
  }
  const [trips, absences, existing] = await Promise.all([
    fresh ? new Map(moved.map((row) => [row.id, row as StoredRow<Trip>])) : store.listRows<Trip>(org, 'trips'),
    store.listRows<Absence>(org, 'absences'),
    fresh ? [] : state.listDigests(org),
  ]);
  const digests = new Map<string, { cadreId: string; trips: StoredRow<Trip>[]; absences: Absence[] }>();
  const of = (cadreId: string) => {
    let d = digests.get(cadreId);
    if (!d) digests.set(cadreId, (d = { cadreId, trips: [], absences: [] }));
    return d;
  };
  for (const row of trips.values()) if (!row.deleted) of(row.record.cadreId).trips.push(row);
  for (const row of absences.values()) if (!row.deleted) of(row.record.cadreId).absences.push(row.record);
  const remove = existing.map((d) => d.cadreId).filter((id) => !digests.has(id));
  await state.putDigests(org, digests.values() as Iterable<CadreDigest>, remove);
}

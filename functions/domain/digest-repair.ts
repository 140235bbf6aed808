/**
 * Digests made to agree with the trip rows (the nightly job): a request that wrote rows and then
 * failed before merging them (storage down; its client never retried) leaves digests behind;
 * this puts each row live (or, deleted, gone) in the cadre-years of its record and gone from any
 * other cadre-year a digest still holds it live in. Only digests that would change are written,
 * by the same merge as publishes (higher write count wins), so it never undoes a newer write.
 */
import type { Trip } from '../../shared/models';
import { goneEntry, liveEntry, mergeEntries, type DigestEntry } from '../storage/digest';
import { digestKey } from '../storage/keys';
import type { Store } from '../storage/store';
import type { StoredRow } from '../storage/types';
import { cadreYearsOf } from './touched';

/** Answers how many digests were changed. */
export async function repairDigests(store: Store, org: string, trips: ReadonlyMap<string, StoredRow<Trip>>, currentYear: number): Promise<number> {
  const stored = await store.listDigests(org);
  const want = new Map<string, DigestEntry[]>();
  const add = (key: string, entry: DigestEntry): void => {
    const list = want.get(key) ?? [];
    list.push(entry);
    want.set(key, list);
  };
  const placed = new Map<string, Set<string>>();
  for (const row of trips.values()) {
    const keys = cadreYearsOf('trips', row.record, { currentYear, asOfYear: currentYear }).map((cy) => digestKey(cy.year, cy.cadreId));
    const seq = row.seq ?? 0;
    for (const key of keys) add(key, row.deleted ? goneEntry(row.id, seq) : liveEntry(row.id, seq, row.record));
    placed.set(row.id, new Set(row.deleted ? [] : keys));
  }
  for (const [key, entries] of stored) {
    for (const e of entries) {
      const row = trips.get(e[0]);
      if (e.length > 2 && row && !placed.get(row.id)?.has(key)) add(key, goneEntry(row.id, row.seq ?? 0));
    }
  }
  const changes = new Map<string, DigestEntry[]>();
  for (const [key, list] of want) if (mergeEntries(stored.get(key) ?? [], list).changed) changes.set(key, list);
  if (changes.size > 0) await store.mergeDigests(org, changes);
  return changes.size;
}

/** Cadre-year digests: entries, merges that commute, and concurrent merges into one digest. */
import fc from 'fast-check';
import { entryTrip, goneEntry, liveEntry, liveTrips, mergeEntries, type DigestEntry } from '../../../functions/storage/digest';
import { digestKey } from '../../../functions/storage/keys';
import { Store } from '../../../functions/storage/store';
import { createTables } from '../../../functions/storage/tables';
import { tripsOfDigests } from '../../../functions/domain/org-state';
import type { Trip } from '../../../shared/models';
import { testConnectionString, uniquePrefix } from '../../support/api';

const trip = (id: string, extra: Partial<Trip> = {}): Trip => ({ id, cadreId: 'CB01', unit: 'X1', startDate: '2025-03-01', endDate: '2025-03-02', contents: ['kiem_tra'], ...extra });

describe('digest entries', () => {
  it('keep every field the engine reads, not the long texts', () => {
    const full = trip('t1', { days: 1.5, orderNo: 'QĐ-1', reportDate: '2025-03-05', cost: 120000, description: 'dài', findings: 'f', difficulties: 'd', proposals: 'p' });
    const entry = liveEntry('t1', 3, full);
    expect(entry[1]).toBe(3);
    expect(entryTrip(entry, 'CB01')).toEqual(trip('t1', { days: 1.5, orderNo: 'QĐ-1', reportDate: '2025-03-05', cost: 120000 }));
    expect(entryTrip(liveEntry('t2', 1, trip('t2')), 'CB01')).toEqual(trip('t2'));
    expect(liveEntry('t2', 1, trip('t2'))).toHaveLength(6); // trailing absent fields left out
  });

  it('merge in any order to the same digest (the higher write count wins)', () => {
    const change = fc.record({ id: fc.constantFrom('a', 'b', 'c'), seq: fc.integer({ min: 0, max: 6 }), live: fc.boolean() });
    fc.assert(
      fc.property(fc.array(change, { maxLength: 12 }), fc.integer({ min: 0, max: 1000 }), (changes, seed) => {
        // one write per (id, seq), as conditional writes guarantee
        const unique = new Map(changes.map((c) => [`${c.id}/${c.seq}`, c]));
        const entries: DigestEntry[] = [...unique.values()].map((c) => (c.live ? liveEntry(c.id, c.seq, trip(c.id, { orderNo: `o${c.seq}` })) : goneEntry(c.id, c.seq)));
        const shuffled = [...entries].sort((x, y) => ((x[1] * 7 + x[0].charCodeAt(0) + seed) % 5) - ((y[1] * 7 + y[0].charCodeAt(0) + seed) % 5));
        let one: DigestEntry[] = [];
        for (const e of entries) one = mergeEntries(one, [e]).entries;
        let two: DigestEntry[] = [];
        for (const e of shuffled) two = mergeEntries(two, [e]).entries;
        const norm = (xs: DigestEntry[]) => [...xs].sort((x, y) => (x[0] < y[0] ? -1 : 1));
        expect(norm(one)).toEqual(norm(two));
        expect(mergeEntries(one, shuffled).changed).toBe(false);
      }),
      { numRuns: 200, seed: 8 },
    );
  });

  it('read over cadre-years: a moved trip is live where it went, a deleted one nowhere', () => {
    const a = digestKey(2025, 'CB01');
    const b = digestKey(2025, 'CB02');
    const moved = [
      [a, [goneEntry('t1', 2), liveEntry('t2', 1, trip('t2')), liveEntry('t3', 1, trip('t3'))]],
      [b, [liveEntry('t1', 2, trip('t1', { cadreId: 'CB02' })), goneEntry('t3', 2)]],
    ] as const;
    const live = liveTrips(moved);
    expect([...live.keys()].sort()).toEqual(['t1', 't2']);
    expect(live.get('t1')!.record.cadreId).toBe('CB02');
    expect([...tripsOfDigests(moved).keys()].sort()).toEqual(['t1', 't2']);
  });
});

describe('mergeDigests against Azurite', () => {
  it('twenty writers of one digest and of others at once: every entry kept, none waits on a lease', async () => {
    const prefix = uniquePrefix('dig');
    const store = new Store(createTables({ connectionString: testConnectionString(), prefix }));
    const key = digestKey(2025, 'CB01');
    const other = digestKey(2025, 'CB02');
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.mergeDigests(
          'demo',
          new Map([
            [key, [liveEntry(`t${i}`, 1, trip(`t${i}`))]],
            [other, [liveEntry(`u${i}`, 1, trip(`u${i}`, { cadreId: 'CB02' }))]],
          ]),
        ),
      ),
    );
    const fresh = new Store(createTables({ connectionString: testConnectionString(), prefix })); // nothing remembered
    const stored = await fresh.readDigests('demo', [key, other]);
    expect(stored.get(key)!.map((e) => e[0]).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `t${i}`).sort());
    expect(stored.get(other)!).toHaveLength(20);
  });
});

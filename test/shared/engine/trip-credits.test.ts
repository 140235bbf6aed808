import { isoToDay } from '../../../shared/dates';
import { policyLookup } from '../../../shared/defaults';
import { CREDIT_FLAG, GroupCredit, creditGroup } from '../../../shared/engine/credit';
import { TripCredits } from '../../../shared/engine/trip-credits';
import { buildTripTable, loadGroup } from '../../../shared/engine/trip-table';
import { STRIDE } from '../../../shared/engine/trip-record';
import { YearContexts } from '../../../shared/engine/year-context';
import { trip } from './fixtures';

describe('TripCredits', () => {
  test('every trip’s credit by position, as each group credited alone gives it', () => {
    const trips = [
      trip('2025-03-06', '2025-03-09', { id: 'b', cadreId: 'A' }),
      trip('2024-12-30', '2027-01-02', { id: 'long', cadreId: 'B' }),
      trip('2025-03-03', '2025-03-07', { id: 'a', cadreId: 'A' }),
      trip('2025-03-08', '2025-03-08', { id: 'c', cadreId: 'B', days: 0.5 }),
    ];
    const years = new YearContexts(policyLookup({}), isoToDay('2027-12-31'));
    const table = buildTripTable(trips);
    const buffer = new Int32Array(table.maxGroup * STRIDE);
    const expected = new Map<string, number[]>();
    for (let g = 0; g < table.groupCount; g++) {
      const m = loadGroup(table, g, buffer);
      const out = new GroupCredit();
      creditGroup(buffer, 0, m, years, out);
      for (let j = 0; j < m; j++) {
        const id = trips[table.order[table.groupStart[g] + j]].id;
        expected.set(id, [out.flags[j], out.countable[j], ...[2024, 2025, 2026, 2027].map((y) => out.halvesIn(j, y))]);
      }
    }
    const rank = new Int32Array(trips.length);
    for (let p = 0; p < trips.length; p++) rank[table.order[p]] = p;
    const credits = new TripCredits(trips, table.order, rank, table.groupStart, years);
    for (let t = 0; t < trips.length; t++) {
      const p = rank[t];
      const got = [credits.flags[p], credits.countable[p], ...[2024, 2025, 2026, 2027].map((y) => credits.halvesIn(p, y))];
      expect(got).toEqual(expected.get(trips[t].id));
    }
    expect(expected.get('b')![0] & CREDIT_FLAG.OVERLAP).toBe(CREDIT_FLAG.OVERLAP);
    expect(expected.get('long')!.slice(2)).toEqual([4, 730, 730, 4]);
  });
});

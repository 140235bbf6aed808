import { buildTripTable, compareCodePoints } from '../../../shared/engine/trip-table';
import { trip } from './fixtures';

describe('trip table', () => {
  test('groups by cadre and sorts each group by (start, end, id by code point)', () => {
    const trips = [
      trip('2025-03-05', '2025-03-06', { id: 'x', cadreId: 'A' }),
      trip('2025-03-01', '2025-03-09', { id: 'y', cadreId: 'B' }),
      trip('2025-03-01', '2025-03-02', { id: 'é', cadreId: 'A' }),
      trip('2025-03-01', '2025-03-02', { id: 'z', cadreId: 'A' }),
      trip('2025-03-01', '2025-03-01', { id: 'w', cadreId: 'A' }),
    ];
    const t = buildTripTable(trips);
    const g = t.groups[t.groupOf.get('A')!];
    const ids = [];
    for (let p = g.from; p < g.to; p++) ids.push(trips[t.order[p]].id);
    expect(ids).toEqual(['w', 'z', 'é', 'x']);
    for (let i = 0; i < trips.length; i++) expect(t.order[t.rank[i]]).toBe(i);
  });

  test('large groups sort the same way', () => {
    const trips = Array.from({ length: 200 }, (_, i) =>
      trip(`2025-0${1 + (i % 9)}-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`, '2025-10-01', { id: `t${i}` }),
    );
    const t = buildTripTable(trips);
    for (let p = 1; p < trips.length; p++) {
      const a = trips[t.order[p - 1]];
      const b = trips[t.order[p]];
      expect(compareCodePoints(a.startDate, b.startDate) < 0 || (a.startDate === b.startDate && a.id < b.id)).toBe(true);
    }
  });

  test('compareCodePoints is not locale-aware', () => {
    expect(compareCodePoints('Z', 'a')).toBe(-1);
    expect(compareCodePoints('a', 'a')).toBe(0);
  });
});

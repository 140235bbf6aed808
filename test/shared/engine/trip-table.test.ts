import { CadreIndex } from '../../../shared/engine/cadre-index';
import { compareCodePoints } from '../../../shared/code-points';
import { buildTripTable, loadGroup } from '../../../shared/engine/trip-table';
import {
  COST_ELSEWHERE,
  NO_DECLARED,
  NO_REPORT,
  R_CATS,
  R_COST,
  R_DECLARED,
  R_END,
  R_INPUT,
  R_REPORT,
  R_START,
  R_UNIT,
  STRIDE,
} from '../../../shared/engine/trip-record';
import { isoToDay } from '../../../shared/dates';
import type { Trip } from '../../../shared/models';
import { cadre, trip } from './fixtures';

/** Loads every group; returns each group's trip ids in credit order, by cadre number. */
function groups(trips: Trip[], cadres = new CadreIndex([])): string[][] {
  const t = buildTripTable(trips, cadres);
  const buffer = new Int32Array(t.maxGroup * STRIDE);
  const out: string[][] = [];
  for (let g = 0; g < t.groupCount; g++) {
    const m = loadGroup(t, g, buffer);
    const ids = [];
    for (let j = 0; j < m; j++) {
      const p = t.groupStart[g] + j;
      const tr = trips[t.order[p]];
      // the buffer and `order` agree
      expect(buffer[j * STRIDE + R_START]).toBe(isoToDay(tr.startDate));
      expect(buffer[j * STRIDE + R_END]).toBe(isoToDay(tr.endDate));
      expect(buffer[j * STRIDE + R_INPUT]).toBe(t.order[p]);
      ids.push(tr.id);
    }
    out.push(ids);
  }
  return out;
}

describe('trip table', () => {
  test('groups by cadre and sorts each group by (start, end, id by code point)', () => {
    const trips = [
      trip('2025-03-05', '2025-03-06', { id: 'x', cadreId: 'A' }),
      trip('2025-03-01', '2025-03-09', { id: 'y', cadreId: 'B' }),
      trip('2025-03-01', '2025-03-02', { id: 'é', cadreId: 'A' }),
      trip('2025-03-01', '2025-03-02', { id: 'z', cadreId: 'A' }),
      trip('2025-03-01', '2025-03-01', { id: 'w', cadreId: 'A' }),
    ];
    expect(groups(trips)).toEqual([['w', 'z', 'é', 'x'], ['y']]);
  });

  test('groups follow the cadre numbers: listed cadres by cadreId, then ids only trips name', () => {
    const trips = [
      trip('2025-03-01', '2025-03-01', { id: 'a', cadreId: 'ZZ' }),
      trip('2025-03-01', '2025-03-01', { id: 'b', cadreId: 'CB02' }),
      trip('2025-03-01', '2025-03-01', { id: 'c', cadreId: 'CB01' }),
    ];
    const index = new CadreIndex([cadre('CB02'), cadre('CB01'), cadre('CB03')]);
    expect(groups(trips, index)).toEqual([['c'], ['b'], [], ['a']]);
    expect(index.find('ZZ')).toBe(3);
    expect(index.listed).toBe(3);
  });

  test('large groups sort the same way, and loading twice changes nothing', () => {
    const trips = Array.from({ length: 200 }, (_, i) =>
      trip(`2025-0${1 + (i % 9)}-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`, '2025-10-01', { id: `t${i}` }),
    );
    const [ids] = groups(trips);
    const sorted = [...trips]
      .sort((a, b) => compareCodePoints(a.startDate, b.startDate) || compareCodePoints(a.id, b.id))
      .map((t) => t.id);
    expect(ids).toEqual(sorted);
    const t = buildTripTable(trips);
    const buffer = new Int32Array(t.maxGroup * STRIDE);
    loadGroup(t, 0, buffer);
    const once = Array.from(t.order);
    const loaded = Array.from(buffer);
    loadGroup(t, 0, buffer);
    expect(Array.from(t.order)).toEqual(once);
    expect(Array.from(buffer)).toEqual(loaded);
  });

  test('records hold day numbers, unit and category ids, cost, declared half-days, report day', () => {
    const a = trip('2025-03-03', '2025-03-04', { days: 1.5, cost: 250_000, contents: ['kiem_tra', 'khac'], unit: 'U2' });
    const b = trip('2025-03-05', '2025-03-05', { cost: 0.5, contents: ['khac'], unit: 'U1' });
    delete b.reportDate;
    const units = { idOf: (text: string) => (text === 'U1' ? 1 : 2) };
    const t = buildTripTable([a, b], new CadreIndex([]), units);
    const buffer = new Int32Array(t.maxGroup * STRIDE);
    loadGroup(t, 0, buffer);
    expect(Array.from(buffer.subarray(0, STRIDE))).toEqual([
      isoToDay('2025-03-03'),
      isoToDay('2025-03-04'),
      2,
      0b11,
      250_000,
      3,
      isoToDay('2025-03-04'),
      0, // input index
    ]);
    expect(buffer[STRIDE + R_UNIT]).toBe(1);
    expect(buffer[STRIDE + R_CATS]).toBe(0b10);
    expect(buffer[STRIDE + R_COST]).toBe(COST_ELSEWHERE); // not a whole number: read from the trip
    expect(buffer[STRIDE + R_DECLARED]).toBe(NO_DECLARED);
    expect(buffer[STRIDE + R_REPORT]).toBe(NO_REPORT);
    expect(t.categoryCodes).toEqual(['kiem_tra', 'khac']);
  });

  test('category ids beyond the mask go to the overflow list', () => {
    const many = Array.from({ length: 33 }, (_, i) => `c${i}`);
    const t = buildTripTable([trip('2025-03-03', '2025-03-03', { contents: many })]);
    expect(t.categoryOverflow.get(0)).toEqual([31, 32]);
  });

  test('compareCodePoints is not locale-aware', () => {
    expect(compareCodePoints('Z', 'a')).toBe(-1);
    expect(compareCodePoints('a', 'a')).toBe(0);
  });
});

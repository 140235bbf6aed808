import { isoToDay } from '../../../shared/dates';
import {
  COST_ELSEWHERE,
  NO_DECLARED,
  NO_REPORT,
  R_DECLARED,
  R_END,
  R_REPORT,
  R_START,
  STRIDE,
  costCell,
  costOf,
  declaredHalvesOf,
  encodeDates,
} from '../../../shared/engine/trip-record';
import { trip } from './fixtures';

describe('trip records', () => {
  test('declared days as half-days', () => {
    expect(declaredHalvesOf(undefined)).toBe(NO_DECLARED);
    expect(declaredHalvesOf(0)).toBe(NO_DECLARED);
    expect(declaredHalvesOf(-1)).toBe(NO_DECLARED);
    expect(declaredHalvesOf(NaN)).toBe(NO_DECLARED);
    expect(declaredHalvesOf(0.5)).toBe(1);
    expect(declaredHalvesOf(12)).toBe(24);
    expect(declaredHalvesOf(1e12)).toBe(1 << 30);
  });

  test('costs: whole numbers in the record, anything else read from the trip', () => {
    expect(costCell(undefined)).toBe(0);
    expect(costCell(1_500_000)).toBe(1_500_000);
    expect(costCell(0x7fffffff)).toBe(0x7fffffff);
    expect(costCell(3e9)).toBe(COST_ELSEWHERE);
    expect(costCell(2.5)).toBe(COST_ELSEWHERE);
    expect(costCell(-1)).toBe(COST_ELSEWHERE);
    const trips = [trip('2025-03-03', '2025-03-03', { cost: 3e9 })];
    const records = new Int32Array(STRIDE);
    records[4] = costCell(trips[0].cost);
    expect(costOf(records, 0, trips, 0)).toBe(3e9);
  });

  test('encodeDates', () => {
    const records = new Int32Array(2 * STRIDE);
    const t = trip('2025-03-03', '2025-03-05', { days: 2.5, reportDate: '2025-03-10' });
    encodeDates(t, records, STRIDE);
    expect(records[STRIDE + R_START]).toBe(isoToDay('2025-03-03'));
    expect(records[STRIDE + R_END]).toBe(isoToDay('2025-03-05'));
    expect(records[STRIDE + R_DECLARED]).toBe(5);
    expect(records[STRIDE + R_REPORT]).toBe(isoToDay('2025-03-10'));
    delete t.reportDate;
    encodeDates(t, records, 0);
    expect(records[R_REPORT]).toBe(NO_REPORT);
  });
});

import { isoToDay } from '../../../shared/dates';
import { cadreListed, tripInYear } from '../../../shared/engine/membership';

const d = isoToDay;
const first = d('2025-01-01');
const last = d('2025-12-31');

describe('membership', () => {
  test('a trip belongs to a year when it has a date in it on or before asOf', () => {
    expect(tripInYear(d('2024-12-30'), d('2025-01-02'), first, last, d('2025-06-01'))).toBe(true);
    expect(tripInYear(d('2025-12-30'), d('2026-01-02'), first, last, d('2026-01-31'))).toBe(true);
    expect(tripInYear(d('2025-07-01'), d('2025-07-03'), first, last, d('2025-06-30'))).toBe(false);
    expect(tripInYear(d('2025-06-29'), d('2025-07-03'), first, last, d('2025-06-30'))).toBe(true);
    expect(tripInYear(d('2024-12-01'), d('2024-12-31'), first, last, d('2025-06-30'))).toBe(false);
    // across New Year, but asOf is before the year: no date of the year on or before asOf
    expect(tripInYear(d('2024-12-28'), d('2025-01-03'), first, last, d('2024-12-30'))).toBe(false);
  });
  test('a cadre is listed when service meets the year or it has trips', () => {
    expect(cadreListed(-Infinity, Infinity, first, last, false)).toBe(true);
    expect(cadreListed(d('2026-01-01'), Infinity, first, last, false)).toBe(false);
    expect(cadreListed(d('2026-01-01'), Infinity, first, last, true)).toBe(true);
    expect(cadreListed(-Infinity, d('2025-01-01'), first, last, false)).toBe(true);
  });
});

import fc from 'fast-check';
import { dayToIso, isoToDay } from '../../../shared/dates';
import { dayOfIso, isoOf, yearOf } from '../../../shared/engine/day-math';

describe('day-math', () => {
  test('agrees with shared/dates on every day from 1900 to 2100', () => {
    for (let d = isoToDay('1900-01-01'); d <= isoToDay('2100-12-31'); d += 1) {
      const iso = dayToIso(d);
      if (isoOf(d) !== iso || dayOfIso(iso) !== d || yearOf(d) !== Number(iso.slice(0, 4))) {
        throw new Error(`mismatch at ${iso}`);
      }
    }
  });

  test('known dates', () => {
    expect(dayOfIso('1970-01-01')).toBe(0);
    expect(isoOf(dayOfIso('2024-02-29'))).toBe('2024-02-29');
    expect(yearOf(dayOfIso('2025-12-31'))).toBe(2025);
    expect(yearOf(dayOfIso('2026-01-01'))).toBe(2026);
  });

  test('round trip on random days up to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: isoToDay('1900-01-01'), max: isoToDay('9999-12-31') }), (d) => {
        expect(dayOfIso(isoOf(d))).toBe(d);
        expect(isoOf(d)).toBe(dayToIso(d));
      }),
      { numRuns: 1000 },
    );
  });
});

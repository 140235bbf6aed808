import { CountableCalendar, builtInHolidays, countableMask } from '../../shared/calendar';
import { dayToIso, isoToDay, yearStart } from '../../shared/dates';
import { defaultPolicy, policyLookup } from '../../shared/defaults';
import type { Policy } from '../../shared/models';

const isoList = (days: readonly number[]): string[] => days.map(dayToIso);
const working = (year: number, extra: Partial<Policy> = {}): Policy => ({ ...defaultPolicy(year), dayMode: 'working', ...extra });
const countable = (p: Policy, iso: string): boolean => countableMask(p)[isoToDay(iso) - yearStart(p.year)] === 1;

describe('built-in holidays', () => {
  test('2025: 1/1, Tết 28/01–01/02, Hùng Kings 07/04, 30/4, 1/5, 2/9', () => {
    expect(isoList(builtInHolidays(2025))).toEqual([
      '2025-01-01',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-04-07',
      '2025-04-30',
      '2025-05-01',
      '2025-09-02',
    ]);
  });

  test('2026: Tết 16/02–20/02, Hùng Kings 26/04', () => {
    const days = isoList(builtInHolidays(2026));
    expect(days).toEqual(expect.arrayContaining(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-04-26']));
    expect(days).toHaveLength(10);
    expect(days).not.toContain('2026-02-21');
    expect(days).not.toContain('2026-02-15');
  });

  test('2024: Tết 09/02–13/02 (lunar new year 10/02/2024)', () => {
    expect(isoList(builtInHolidays(2024))).toEqual(expect.arrayContaining(['2024-02-09', '2024-02-13', '2024-04-18']));
  });
});

describe('countableMask', () => {
  test('calendar mode: every date of the year, 366 in a leap year', () => {
    expect(countableMask(defaultPolicy(2025)).reduce((a, b) => a + b, 0)).toBe(365);
    expect(countableMask(defaultPolicy(2024)).length).toBe(366);
    expect(countableMask({ ...defaultPolicy(2024), holidays: ['2024-03-01'] }).every((x) => x === 1)).toBe(true);
  });

  test('working mode: weekdays minus holidays', () => {
    const p = working(2025);
    expect(countable(p, '2025-03-07')).toBe(true); // Friday
    expect(countable(p, '2025-03-08')).toBe(false); // Saturday
    expect(countable(p, '2025-03-09')).toBe(false); // Sunday
    expect(countable(p, '2025-01-28')).toBe(false); // Tết
    expect(countable(p, '2025-04-07')).toBe(false); // Hùng Kings (Monday)
    expect(countable(p, '2025-09-02')).toBe(false);
    // 2025: 261 weekdays; 9 built-in holidays fall on weekdays (01/02 is a Saturday)
    expect(countableMask(p).reduce((a, b) => a + b, 0)).toBe(261 - 9);
  });

  test('policy holidays remove days; makeupWorkdays add days, even a weekend or a built-in holiday', () => {
    const p = working(2025, {
      holidays: ['2025-09-01', '2026-01-02'],
      makeupWorkdays: ['2025-04-26', '2025-01-28', '2024-12-31'],
    });
    expect(countable(p, '2025-09-01')).toBe(false);
    expect(countable(p, '2025-04-26')).toBe(true); // Saturday made a working day
    expect(countable(p, '2025-01-28')).toBe(true); // overrides the built-in holiday
    expect(countableMask(p).reduce((a, b) => a + b, 0)).toBe(261 - 9 - 1 + 2); // other years' dates ignored
  });
});

describe('CountableCalendar', () => {
  test('each date uses the policy of its own year', () => {
    const cal = new CountableCalendar(policyLookup({ 2026: working(2026) }));
    const days = cal.countableDays(isoToDay('2025-12-30'), isoToDay('2026-01-05'));
    expect(isoList(days)).toEqual(['2025-12-30', '2025-12-31', '2026-01-02', '2026-01-05']);
    expect(cal.isCountable(isoToDay('2026-01-03'), 2026)).toBe(false);
    expect(cal.isCountable(isoToDay('2025-12-27'), 2025)).toBe(true);
  });

  test('worked example 10: 27/01–07/02/2025 in working mode has 6 countable dates', () => {
    const cal = new CountableCalendar(() => working(2025));
    expect(cal.countableDays(isoToDay('2025-01-27'), isoToDay('2025-02-07'))).toHaveLength(6);
  });
});

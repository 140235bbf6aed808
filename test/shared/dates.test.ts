import fc from 'fast-check';
import {
  addDays,
  dayToExcelSerial,
  dayToIso,
  daysInMonth,
  daysInYear,
  excelSerialToDay,
  isLeapYear,
  isoToDay,
  isoToDisplay,
  parseDate,
  parseDayOfYear,
  vietnamToday,
  weekday,
  ymdToDay,
} from '../../shared/dates';

describe('parseDate', () => {
  it.each<[unknown, string]>([
    ['05/03/2025', '2025-03-05'],
    ['5/3/2025', '2025-03-05'],
    ['31/12/2025', '2025-12-31'],
    ['29/02/2024', '2024-02-29'],
    ['2025-03-05', '2025-03-05'],
    ['  2025-03-05  ', '2025-03-05'],
    ['01/01/1900', '1900-01-01'],
    ['31/12/9999', '9999-12-31'],
    [45658, '2025-01-01'],
    [45658.999, '2025-01-01'],
    ['45658', '2025-01-01'],
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [new Date(Date.UTC(2025, 2, 5)), '2025-03-05'],
  ])('%j → %s', (value, iso) => expect(parseDate(value)).toBe(iso));

  it.each<unknown>([
    '31/02/2025',
    '29/02/2025',
    '00/01/2025',
    '32/01/2025',
    '01/13/2025',
    '31/12/1899',
    '1899-12-31',
    '2025-3-5',
    '05-03-2025',
    '05.03.2025',
    '05/03/25',
    'hôm nay',
    '',
    0,
    60, // Excel's fictitious 29/02/1900
    -1,
    NaN,
    3_000_000,
    true,
    null,
    undefined,
    new Date(NaN),
  ])('%j is not a date', (value) => expect(parseDate(value)).toBeNull());

  it('round-trips every day between 1900 and 9999 through ISO, display and Excel serial forms', () => {
    fc.assert(
      fc.property(fc.integer({ min: ymdToDay(1900, 1, 1), max: ymdToDay(9999, 12, 31) }), (day) => {
        const iso = dayToIso(day);
        expect(isoToDay(iso)).toBe(day);
        expect(parseDate(iso)).toBe(iso);
        expect(parseDate(isoToDisplay(iso))).toBe(iso);
        expect(parseDate(dayToExcelSerial(day))).toBe(iso);
      }),
    );
  });
});

describe('parseDayOfYear', () => {
  it('reads dd/mm as a day of the given year and full dates as themselves', () => {
    expect(parseDayOfYear('01/03', 2025)).toBe('2025-03-01');
    expect(parseDayOfYear(' 1/3 ', 2024)).toBe('2024-03-01');
    expect(parseDayOfYear('29/02', 2024)).toBe('2024-02-29');
    expect(parseDayOfYear('29/02', 2025)).toBeNull();
    expect(parseDayOfYear('2024-12-31', 2025)).toBe('2024-12-31');
  });
});

describe('calendar arithmetic', () => {
  it('knows leap years and month lengths', () => {
    expect([2024, 2000, 1600].every(isLeapYear)).toBe(true);
    expect([2025, 1900, 2100].some(isLeapYear)).toBe(false);
    expect(daysInYear(2024)).toBe(366);
    expect(daysInYear(2025)).toBe(365);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2025, 12)).toBe(31);
  });
  it('gives weekdays (0 = Sunday)', () => {
    expect(weekday(isoToDay('2025-03-07'))).toBe(5);
    expect(weekday(isoToDay('2025-03-09'))).toBe(0);
    expect(weekday(isoToDay('1900-01-01'))).toBe(1);
  });
  it('adds days across months and years', () => {
    expect(addDays('2025-12-29', 4)).toBe('2026-01-02');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2025-03-14', 10)).toBe('2025-03-24');
  });
  it('maps Excel serials both ways around the fictitious 29/02/1900', () => {
    expect(excelSerialToDay(45658)).toBe(isoToDay('2025-01-01'));
    expect(dayToExcelSerial(isoToDay('2025-01-01'))).toBe(45658);
    expect(dayToExcelSerial(isoToDay('1900-02-28'))).toBe(59);
    expect(dayToExcelSerial(isoToDay('1900-03-01'))).toBe(61);
  });
});

describe('vietnamToday', () => {
  it('is UTC+7 all year', () => {
    expect(vietnamToday(new Date('2025-03-04T16:59:59Z'))).toBe('2025-03-04');
    expect(vietnamToday(new Date('2025-03-04T17:00:00Z'))).toBe('2025-03-05');
    expect(vietnamToday(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01');
    expect(vietnamToday(new Date('2025-07-01T00:00:00Z'))).toBe('2025-07-01');
  });
});

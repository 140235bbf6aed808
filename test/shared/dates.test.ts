import fc from 'fast-check';
import {
  addDays,
  dayToExcelSerial,
  dayToIso,
  dayToYmd,
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
  yearOfDay,
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

/** The Date-based arithmetic shared/dates.ts had before its integer fast paths: the reference. */
const reference = {
  ymdToDay: (y: number, m: number, d: number): number => Math.round(Date.UTC(y, m - 1, d) / 86_400_000),
  dayToYmd: (day: number): { year: number; month: number; day: number } => {
    const d = new Date(day * 86_400_000);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  },
  yearOfDay: (day: number): number => new Date(day * 86_400_000).getUTCFullYear(),
  daysInMonth: (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate(),
  dayToIso: (day: number): string => {
    const { year, month, day: d } = reference.dayToYmd(day);
    const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));
    return `${year}-${pad(month)}-${pad(d)}`;
  },
  isoToDay: (iso: string): number =>
    reference.ymdToDay(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))),
};

describe('integer day arithmetic (no Date objects) agrees with the Date-based reference', () => {
  test('on every day from 1900 to 2100', () => {
    for (let d = reference.isoToDay('1900-01-01'); d <= reference.isoToDay('2100-12-31'); d += 1) {
      const iso = reference.dayToIso(d);
      const ymd = reference.dayToYmd(d);
      if (
        dayToIso(d) !== iso ||
        isoToDay(iso) !== d ||
        yearOfDay(d) !== ymd.year ||
        ymdToDay(ymd.year, ymd.month, ymd.day) !== d ||
        JSON.stringify(dayToYmd(d)) !== JSON.stringify(ymd)
      ) {
        throw new Error(`mismatch at ${iso}`);
      }
    }
  });

  test('known dates', () => {
    expect(isoToDay('1970-01-01')).toBe(0);
    expect(dayToIso(isoToDay('2024-02-29'))).toBe('2024-02-29');
    expect(yearOfDay(isoToDay('2025-12-31'))).toBe(2025);
    expect(yearOfDay(isoToDay('2026-01-01'))).toBe(2026);
    expect(yearOfDay(-1)).toBe(1969);
    expect(dayToIso(-719468)).toBe('0-03-01');
  });

  test('round trip on random days up to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: isoToDay('1900-01-01'), max: isoToDay('9999-12-31') }), (d) => {
        expect(isoToDay(dayToIso(d))).toBe(d);
        expect(dayToIso(d)).toBe(reference.dayToIso(d));
      }),
      { numRuns: 1000 },
    );
  });

  test('on any day Date can represent, and beyond', () => {
    fc.assert(
      fc.property(fc.integer({ min: -101_000_000, max: 101_000_000 }), (d) => {
        expect(dayToIso(d)).toBe(reference.dayToIso(d));
        expect(yearOfDay(d)).toBe(reference.yearOfDay(d));
        expect(dayToYmd(d)).toEqual(reference.dayToYmd(d));
      }),
      { numRuns: 1000 },
    );
  });

  test('on any year, month and day, in range or not (month and day overflow, years below 100)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -300_000, max: 300_000 }),
        fc.integer({ min: -30, max: 30 }),
        fc.integer({ min: -400, max: 400 }),
        (y, m, d) => {
          expect(ymdToDay(y, m, d)).toBe(reference.ymdToDay(y, m, d));
          expect(daysInMonth(y, m)).toBe(reference.daysInMonth(y, m));
        },
      ),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        expect(ymdToDay(y, m, d)).toBe(reference.ymdToDay(y, m, d));
        expect(daysInMonth(y, m)).toBe(reference.daysInMonth(y, m));
      }),
      { numRuns: 1000 },
    );
  });

  test('on odd inputs (fractions, NaN, years below 100, malformed ISO text)', () => {
    const days = [0.5, -0.5, 1.9999, NaN, Infinity, -Infinity, 100_000_000, 100_000_001, -100_000_000, -100_000_001, 1e12];
    for (const d of days) {
      expect(dayToIso(d)).toBe(reference.dayToIso(d));
      expect(yearOfDay(d)).toBe(reference.yearOfDay(d));
    }
    const ymds: [number, number, number][] = [
      [50, 1, 1],
      [99, 12, 31],
      [0, 2, 29],
      [2025.7, 3.2, 5.9],
      [2025, 0, 1],
      [2025, 13, 1],
      [2025, 2, 30],
      [2025, 1, 0],
      [NaN, 1, 1],
      [2025, NaN, 1],
      [275_760, 9, 13],
      [275_760, 9, 14],
      [-271_821, 4, 20],
    ];
    for (const [y, m, d] of ymds) {
      expect(ymdToDay(y, m, d)).toBe(reference.ymdToDay(y, m, d));
      expect(daysInMonth(y, m)).toBe(reference.daysInMonth(y, m));
    }
    const isos = ['2025-03-05', '0050-01-01', '2025-13-01', '2025-00-10', '2025-3-5', '2025-03-05T10:00', ' 2025-03-05', '+025-03-05', '2025', '', 'abcd-ef-gh'];
    for (const iso of isos) expect(isoToDay(iso)).toBe(reference.isoToDay(iso));
  });
});

/**
 * Calendar dates as whole day numbers (days since 1970-01-01) and ISO strings `YYYY-MM-DD`.
 * Pure arithmetic, no time zones except Vietnam's (UTC+7, no daylight saving): `vietnamToday`,
 * `vietnamMidnight` and `VIETNAM_OFFSET_MS`, the one place that offset is written.
 */
import type { IsoDate } from './models';

/** Days since 1970-01-01. */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;
/** Asia/Ho_Chi_Minh is UTC+7 all year. */
export const VIETNAM_OFFSET_MS = 7 * 3_600_000;
/** Excel's 1900 date system: serial 25569 is 1970-01-01 (serials above 60 skip the fake 29/02/1900). */
const EXCEL_EPOCH_SERIAL = 25569;
const MIN_YEAR = 1900;
const MAX_YEAR = 9999;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/*
 * Integer civil-date arithmetic (Howard Hinnant's days-from-civil / civil-from-days): no Date
 * objects on the hot paths. Inputs outside the fast paths' ranges (years below 100, which
 * Date.UTC maps to 1900–1999; months outside 1–12; non-integers; NaN; out of Date's range)
 * take the original Date-based code, so every result stays exactly what Date gives.
 */

/** Years with their 1 January in a table (the engine's hot paths): 1900 … 2299. */
const TABLE_FIRST_YEAR = 1900;
const TABLE_YEARS = 400;
/** Day number of 1 January of each table year. */
const YEAR_START = new Int32Array(TABLE_YEARS);
/** 1 for the leap years of the table. */
const YEAR_LEAP = new Uint8Array(TABLE_YEARS);
/** Days before each month: common years at 0–11, leap years at 12–23. */
const MONTH_START = new Int32Array(24);
{
  const lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  for (let m = 1; m < 12; m++) {
    MONTH_START[m] = MONTH_START[m - 1] + lengths[m - 1];
    MONTH_START[12 + m] = MONTH_START[m] + (m >= 2 ? 1 : 0);
  }
  let day = -25567; // 1900-01-01
  for (let i = 0; i < TABLE_YEARS; i++) {
    YEAR_START[i] = day;
    YEAR_LEAP[i] = isLeapYear(TABLE_FIRST_YEAR + i) ? 1 : 0;
    day += YEAR_LEAP[i] === 1 ? 366 : 365;
  }
}

/** Days since 1970-01-01 of an integer year, month 1–12 and any integer day (day 0 = the day before the 1st). */
function daysFromCivil(year: number, month: number, day: number): DayNumber {
  const i = year - TABLE_FIRST_YEAR;
  if (i >= 0 && i < TABLE_YEARS) return YEAR_START[i] + MONTH_START[YEAR_LEAP[i] * 12 + month - 1] + day - 1;
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400; // 0 … 399
  const doy = (((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) | 0) + day - 1;
  const doe = yoe * 365 + (yoe >> 2) - ((yoe / 100) | 0) + doy;
  return era * 146097 + doe - 719468;
}

/** Fast paths cover years 100 … 200,000 (Date's range ends near year 275,760). */
const FAST_MIN_YEAR = 100;
const FAST_MAX_YEAR = 200_000;
/** Day numbers Date can represent (±100,000,000 days around 1970-01-01). */
const DATE_MAX_DAY = 100_000_000;

function fastYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    year >= FAST_MIN_YEAR &&
    year <= FAST_MAX_YEAR &&
    Number.isInteger(month) &&
    month >= 1 &&
    month <= 12 &&
    Number.isInteger(day) &&
    day >= -10_000_000 &&
    day <= 10_000_000
  );
}

function fastDay(day: number): boolean {
  return Number.isInteger(day) && day >= -DATE_MAX_DAY && day <= DATE_MAX_DAY;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  if (fastYmd(year, month, 1)) return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1];
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function ymdToDay(year: number, month: number, day: number): DayNumber {
  if (fastYmd(year, month, day)) return daysFromCivil(year, month, day);
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function dayToYmd(day: DayNumber): { year: number; month: number; day: number } {
  if (!fastDay(day)) {
    const d = new Date(day * MS_PER_DAY);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  }
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097; // 0 … 146096
  const yoe = ((doe - ((doe / 1460) | 0) + ((doe / 36524) | 0) - ((doe / 146096) | 0)) / 365) | 0;
  const doy = doe - (365 * yoe + (yoe >> 2) - ((yoe / 100) | 0));
  const mp = ((5 * doy + 2) / 153) | 0;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day: doy - (((153 * mp + 2) / 5) | 0) + 1 };
}

export function yearOfDay(day: DayNumber): number {
  if (!fastDay(day)) return new Date(day * MS_PER_DAY).getUTCFullYear();
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = ((doe - ((doe / 1460) | 0) + ((doe / 36524) | 0) - ((doe / 146096) | 0)) / 365) | 0;
  const doy = doe - (365 * yoe + (yoe >> 2) - ((yoe / 100) | 0));
  // days 306 … 365 of the March-based year are January and February of the next year
  return yoe + era * 400 + (doy >= 306 ? 1 : 0);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** First day of a year. */
export function yearStart(year: number): DayNumber {
  return ymdToDay(year, 1, 1);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

export function dayToIso(day: DayNumber): IsoDate {
  if (!fastDay(day)) {
    const { year, month, day: d } = dayToYmd(day);
    return `${year}-${pad2(month)}-${pad2(d)}`;
  }
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = ((doe - ((doe / 1460) | 0) + ((doe / 36524) | 0) - ((doe / 146096) | 0)) / 365) | 0;
  const doy = doe - (365 * yoe + (yoe >> 2) - ((yoe / 100) | 0));
  const mp = ((5 * doy + 2) / 153) | 0;
  const d = doy - (((153 * mp + 2) / 5) | 0) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** The value of an ASCII digit's char code, or -1. */
function digit(code: number): number {
  return code >= 48 && code <= 57 ? code - 48 : -1;
}

/** An ISO date known to be valid (as stored or normalised) to its day number. */
export function isoToDay(iso: IsoDate): DayNumber {
  const y0 = digit(iso.charCodeAt(0));
  const y1 = digit(iso.charCodeAt(1));
  const y2 = digit(iso.charCodeAt(2));
  const y3 = digit(iso.charCodeAt(3));
  const m0 = digit(iso.charCodeAt(5));
  const m1 = digit(iso.charCodeAt(6));
  const d0 = digit(iso.charCodeAt(8));
  const d1 = digit(iso.charCodeAt(9));
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) >= 0) {
    // all eight are digits: exactly what Number() of the slices gives
    const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
    const month = m0 * 10 + m1;
    if (year >= FAST_MIN_YEAR && month >= 1 && month <= 12) return daysFromCivil(year, month, d0 * 10 + d1);
    return ymdToDay(year, month, d0 * 10 + d1);
  }
  return ymdToDay(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

export function yearOfIso(iso: IsoDate): number {
  return Number(iso.slice(0, 4));
}

/** `dd/mm/yyyy`, as the sheet shows dates. */
export function isoToDisplay(iso: IsoDate): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

export function addDays(iso: IsoDate, n: number): IsoDate {
  return dayToIso(isoToDay(iso) + n);
}

/** Today's date in Vietnam (Asia/Ho_Chi_Minh is UTC+7 all year). */
export function vietnamToday(now: Date = new Date()): IsoDate {
  return dayToIso(Math.floor((now.getTime() + VIETNAM_OFFSET_MS) / MS_PER_DAY));
}

/** The UTC instant of 00:00 in Vietnam on a date. */
export function vietnamMidnight(date: IsoDate): Date {
  return new Date(isoToDay(date) * MS_PER_DAY - VIETNAM_OFFSET_MS);
}

/** Excel 1900-system serial (time of day ignored) to a day number, or null when impossible. */
export function excelSerialToDay(serial: number): DayNumber | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (whole < 1 || whole === 60) return null; // 60 is Excel's fictitious 29/02/1900
  const adjusted = whole < 60 ? whole + 1 : whole;
  const day = adjusted - EXCEL_EPOCH_SERIAL;
  const year = yearOfDay(day);
  return year >= MIN_YEAR && year <= MAX_YEAR ? day : null;
}

export function dayToExcelSerial(day: DayNumber): number {
  const serial = day + EXCEL_EPOCH_SERIAL;
  return serial <= 60 ? serial - 1 : serial;
}

const DAY_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const SERIAL = /^\d+(\.\d+)?$/;

/**
 * A date as a sheet or a request may hold it: `d/m/yyyy` or `dd/mm/yyyy` (always day first),
 * `yyyy-mm-dd`, an Excel serial number (number or digits), or a JS Date (its UTC calendar day).
 * Surrounding spaces are ignored. Returns the ISO date, or null when it is not a valid date.
 */
export function parseDate(value: unknown): IsoDate | null {
  if (typeof value === 'number') {
    const day = excelSerialToDay(value);
    return day === null ? null : dayToIso(day);
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const y = value.getUTCFullYear();
    return isValidYmd(y, value.getUTCMonth() + 1, value.getUTCDate())
      ? dayToIso(ymdToDay(y, value.getUTCMonth() + 1, value.getUTCDate()))
      : null;
  }
  if (typeof value !== 'string') return null;
  const text = value.trim();
  let m = DAY_FIRST.exec(text);
  if (m) return fromParts(Number(m[3]), Number(m[2]), Number(m[1]));
  m = ISO.exec(text);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  if (SERIAL.test(text)) return parseDate(Number(text));
  return null;
}

function fromParts(year: number, month: number, day: number): IsoDate | null {
  return isValidYmd(year, month, day) ? dayToIso(ymdToDay(year, month, day)) : null;
}

/**
 * A day of a given year: `dd/mm` (or `d/m`) means that day of `year`; any full date form is
 * accepted too. Returns null when invalid.
 */
export function parseDayOfYear(value: unknown, year: number): IsoDate | null {
  if (typeof value === 'string') {
    const m = /^(\d{1,2})\/(\d{1,2})$/.exec(value.trim());
    if (m) return fromParts(year, Number(m[2]), Number(m[1]));
  }
  return parseDate(value);
}

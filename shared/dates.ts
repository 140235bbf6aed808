/**
 * Calendar dates as whole day numbers (days since 1970-01-01) and ISO strings `YYYY-MM-DD`.
 * Pure arithmetic, no time zones except `vietnamToday` (UTC+7, no daylight saving).
 */
import type { IsoDate } from './models';

/** Days since 1970-01-01. */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
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

export function daysInMonth(year: number, month: number): number {
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
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function dayToYmd(day: DayNumber): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function yearOfDay(day: DayNumber): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** First day of a year. */
export function yearStart(year: number): DayNumber {
  return ymdToDay(year, 1, 1);
}

/** Last day of a year. */
export function yearEnd(year: number): DayNumber {
  return ymdToDay(year, 12, 31);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

export function dayToIso(day: DayNumber): IsoDate {
  const { year, month, day: d } = dayToYmd(day);
  return `${year}-${pad2(month)}-${pad2(d)}`;
}

/** An ISO date known to be valid (as stored or normalised) to its day number. */
export function isoToDay(iso: IsoDate): DayNumber {
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

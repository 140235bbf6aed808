/** Path and query parameters: org ids, years, dates, flags. */
import { parseDate, vietnamToday, yearOfIso } from '../../shared/dates';
import type { IsoDate } from '../../shared/models';
import { ORG_ID_PATTERN } from '../../shared/ids';
import { quoteValue } from '../../shared/messages';
import { InvalidParamError } from './errors';

export function orgParam(value: string | undefined): string {
  if (value === undefined || !ORG_ID_PATTERN.test(value)) {
    throw new InvalidParamError(`Mã đơn vị (org) ${quoteValue(value)} không hợp lệ (cần [a-z0-9-], 2–32 ký tự).`);
  }
  return value;
}

export function yearValue(value: string | null | undefined, name: string, fallback: number): number {
  if (value === null || value === undefined || value.trim() === '') return fallback;
  const t = value.trim();
  const n = Number(t);
  if (!/^\d{4}$/.test(t) || n < 1900 || n > 9999) {
    throw new InvalidParamError(`Năm (${name}) ${quoteValue(value)} không hợp lệ (cần yyyy).`);
  }
  return n;
}

export function dateValue(value: string | null | undefined, name: string, fallback: IsoDate): IsoDate;
export function dateValue(value: string | null | undefined, name: string, fallback: null): IsoDate | null;
export function dateValue(value: string | null | undefined, name: string, fallback: IsoDate | null): IsoDate | null {
  if (value === null || value === undefined || value.trim() === '') return fallback;
  const t = value.trim();
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(t) || /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(t) ? parseDate(t) : null;
  if (!iso) {
    throw new InvalidParamError(`Ngày (${name}) ${quoteValue(value)} không hợp lệ (cần yyyy-mm-dd hoặc dd/mm/yyyy).`);
  }
  return iso;
}

export function flagValue(value: string | null | undefined, name: string): boolean {
  if (value === null || value === undefined || value === '') return false;
  const t = value.trim().toLowerCase();
  if (t === 'true' || t === '1') return true;
  if (t === 'false' || t === '0') return false;
  throw new InvalidParamError(`Tham số ${name} ${quoteValue(value)} không hợp lệ (cần true hoặc false).`);
}

/** `year` and `asOf` of a query, with their defaults (today in Vietnam, its year). */
export function yearAndAsOf(query: URLSearchParams, now: Date): { year: number; asOf: IsoDate; yearGiven: boolean } {
  const today = vietnamToday(now);
  const asOf = dateValue(query.get('asOf'), 'asOf', today);
  const yearGiven = (query.get('year') ?? '').trim() !== '';
  // Without `year`, the year of `asOf` (today's year when `asOf` is not given either).
  const year = yearValue(query.get('year'), 'year', yearOfIso(asOf));
  return { year, asOf, yearGiven };
}

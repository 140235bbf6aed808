/**
 * Numbers and dates written the Vietnamese way in the year-end report: decimal comma,
 * thousands dot ("1.250.000"), day figures to at most one decimal ("12,5"), dates dd/mm/yyyy.
 */
import type { IsoDate } from '../models';

/** Thousands grouped with dots, decimals after a comma; at most `decimals` places, trailing zeros dropped. */
export function formatNumber(value: number, decimals = 1): string {
  const negative = value < 0;
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole, fraction = ''] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const trimmed = fraction.replace(/0+$/, '');
  const text = trimmed === '' ? grouped : `${grouped},${trimmed}`;
  return negative && text !== '0' ? `-${text}` : text;
}

/** A sum of money in đồng, whole: "12.500.000". */
export function formatMoney(value: number): string {
  return formatNumber(Math.round(value), 0);
}

/** A percentage figure as the engine gives it (one decimal): "92,3"; null → "—". */
export function formatPercent(value: number | null): string {
  return value === null ? '—' : formatNumber(value, 1);
}

/** `dd/mm/yyyy`. */
export function formatDate(iso: IsoDate): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * The date line of a Vietnamese administrative document: "Quảng Trị, ngày 05 tháng 01 năm 2026",
 * "…, ngày 15 tháng 3 năm 2026". As Nghị định 30/2020/NĐ-CP writes it: a day below 10 and the
 * months 1 and 2 take a leading zero, other months do not.
 */
export function dateLine(place: string, iso: IsoDate): string {
  const [y, m, d] = iso.split('-');
  const month = Number(m) <= 2 ? m : String(Number(m));
  const when = `ngày ${d} tháng ${month} năm ${y}`;
  return place.trim() === '' ? when.charAt(0).toUpperCase() + when.slice(1) : `${place.trim()}, ${when}`;
}

/**
 * Workbook names that mark the add-in's tables and feed its dropdowns. A name defined on a
 * structured reference (`=CanBo[#All]`, `=CanBo[Mã cán bộ]`) is kept up to date by Excel when
 * the table or the column is renamed, so the marker finds a renamed table and the dropdowns
 * follow renames (an `INDIRECT("CanBo[…]")` text would not).
 */
import { matchKey } from '../../shared/normalize';
import type { TableSpec } from './columns';

const PREFIX = 'TheoDoi';

/** The workbook name marking a kind's table (`TheoDoi_Bang_CanBo`). */
export function tableMarkerName(table: string): string {
  return `${PREFIX}_Bang_${table}`;
}

/** The marker's formula: the whole table. */
export function tableMarkerFormula(table: string): string {
  return `=${table}[#All]`;
}

/** The table a marker's formula refers to now, or null (deleted table: `=#REF!`; anything else). */
export function tableOfMarker(formula: unknown): string | null {
  const m = /^=\s*([^\s[\]!'"#=]+)\[\s*(#All|\[#All\])\s*\]\s*$/i.exec(String(formula ?? ''));
  return m ? m[1] : null;
}

/** The workbook name of a dropdown list: a table column (`TheoDoi_DS_CanBo_cadreId`). */
export function listName(table: string, field: string): string {
  return `${PREFIX}_DS_${table}_${field}`;
}

/** The list name's formula: the column's body (`=CanBo[Mã cán bộ]`); `]`, `[`, `#` and `'` escaped with `'`. */
export function listFormula(table: string, header: string): string {
  return `=${table}[${header.replace(/['[\]#]/g, (c) => `'${c}`)}]`;
}

/** A marker per table spec: the table's default name → its marker's name. */
export function tableMarkers(specs: readonly TableSpec[]): Map<string, string> {
  return new Map(specs.map((s) => [s.table, tableMarkerName(s.table)]));
}

/** The column of `headers` that is `header` as the add-in matches headers (case, accents and spaces ignored). */
export function findHeader(headers: readonly unknown[], header: string): number {
  const key = matchKey(header);
  return headers.findIndex((h) => matchKey(String(h ?? '')) === key);
}

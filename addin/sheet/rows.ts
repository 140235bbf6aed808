/**
 * Row ↔ record: sheet cells to the raw rows publish takes (the API parses sheet forms: dates
 * as serials or dd/mm/yyyy, Có/Không, 1.500.000…), and stored records back to cell values
 * (dates as Excel serials shown dd/mm/yyyy, booleans Có/Không, codes as Vietnamese labels).
 */
import { dayToExcelSerial, isoToDay } from '../../shared/dates';
import { kindInfo, rawRowId } from '../../shared/kinds';
import type { Category, Kind } from '../../shared/models';
import { matchKey } from '../../shared/normalize';
import { BOOL_VALUES, hashCells, type FieldColumn, type TableSpec } from './columns';
import type { CellValue } from './escape';
import type { ColumnMap } from './header-map';
import { isEmptyCell } from './table-edit';

export type RawRow = Record<string, unknown>;

/** A label or code of an enum column to its code; the text as written when none matches. */
export function enumCode(column: FieldColumn, value: string): string {
  const key = matchKey(value);
  for (const [code, label] of Object.entries(column.labels ?? {})) {
    if (matchKey(code) === key || matchKey(label) === key) return code;
  }
  return value;
}

/** The user's fields of one sheet row as publish takes them; empty cells are left out. */
export function cellsToRaw(spec: TableSpec, map: ColumnMap, row: readonly unknown[]): RawRow {
  const raw: RawRow = {};
  for (const f of spec.fields) {
    const i = map.fields[f.field];
    if (i === undefined) continue;
    const v = row[i];
    if (isEmptyCell(v)) continue;
    if (typeof v === 'string') {
      const text = v.trim();
      raw[f.field] = f.type === 'enum' ? enumCode(f, text) : text;
    } else if (typeof v === 'number' && (f.type === 'text' || f.type === 'enum' || f.type === 'contents')) {
      raw[f.field] = String(v); // Excel turned digits into a number: the field is text
    } else {
      raw[f.field] = v;
    }
  }
  return raw;
}

/** The user's field cells in spec order (what the content hash covers). */
export function fieldCells(spec: TableSpec, map: ColumnMap, row: readonly unknown[]): unknown[] {
  return hashCells(
    spec,
    (f) => {
      const i = map.fields[f.field];
      return i === undefined ? '' : row[i];
    },
    isEmptyCell,
  );
}

/** The identity a row will be stored under, from its fields (kinds without client-made ids), as the API forms it. */
export function naturalId(kind: Kind, raw: RawRow): string | null {
  return kindInfo(kind).clientIds ? null : rawRowId(kind, raw);
}

export function isoToSerial(iso: string): number {
  return dayToExcelSerial(isoToDay(iso));
}

/** A stored record's field as a cell value. */
export function recordCell(column: FieldColumn, value: unknown, categories: readonly Category[]): CellValue {
  if (value === undefined || value === null || value === '') return '';
  switch (column.type) {
    case 'date':
      if (typeof value === 'number') return value; // already a serial
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? isoToSerial(value) : String(value);
    case 'bool':
      return value === true ? BOOL_VALUES[0] : value === false ? BOOL_VALUES[1] : String(value);
    case 'enum':
      return column.labels?.[String(value)] ?? String(value);
    case 'contents': {
      const codes = Array.isArray(value) ? value.map(String) : [String(value)];
      return codes.map((c) => categories.find((k) => k.code === c)?.label ?? c).join('; ');
    }
    case 'number':
      return typeof value === 'number' ? value : String(value);
    default:
      return String(value);
  }
}

/** A stored record's fields as cell values, by field. */
export function recordToCells(spec: TableSpec, record: RawRow, categories: readonly Category[]): Record<string, CellValue> {
  const cells: Record<string, CellValue> = {};
  for (const f of spec.fields) cells[f.field] = recordCell(f, record[f.field], categories);
  return cells;
}

/** A cell as it reads back once written (what the hash of a refreshed row must cover). */
export function cellsInSpecOrder(spec: TableSpec, cells: Record<string, CellValue>): CellValue[] {
  return hashCells(spec, (f) => cells[f.field] ?? '', isEmptyCell);
}

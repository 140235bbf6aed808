/**
 * Finds a table's columns by their header text (diacritics, case and spaces ignored; the
 * English field name is accepted too), so users may reorder columns or insert their own.
 */
import { matchKey } from '../../shared/normalize';
import type { MetaKey, TableSpec } from './columns';

export interface ColumnMap {
  /** field → column index. */
  fields: Record<string, number>;
  meta: Partial<Record<MetaKey, number>>;
  /** Headers of the spec not found in the table. */
  missing: string[];
  width: number;
}

/** The sync columns without which publishing and refreshing cannot work. */
export const ESSENTIAL_META: readonly MetaKey[] = ['id', 'version', 'hash', 'status'];

export function mapHeaders(headers: readonly unknown[], spec: TableSpec): ColumnMap {
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = matchKey(String(h ?? ''));
    if (key && !index.has(key)) index.set(key, i);
  });
  const find = (header: string, alias: string): number | undefined =>
    index.get(matchKey(header)) ?? index.get(matchKey(alias));
  const map: ColumnMap = { fields: {}, meta: {}, missing: [], width: headers.length };
  for (const f of spec.fields) {
    const i = find(f.header, f.field);
    if (i === undefined) map.missing.push(f.header);
    else map.fields[f.field] = i;
  }
  for (const m of spec.meta) {
    const i = find(m.header, m.key);
    if (i === undefined) map.missing.push(m.header);
    else map.meta[m.key] = i;
  }
  return map;
}

/** Headers whose absence makes the table unusable: required fields and the sync columns. */
export function blockingMissing(map: ColumnMap, spec: TableSpec): string[] {
  const required = spec.fields.filter((f) => f.required && map.fields[f.field] === undefined).map((f) => f.header);
  const meta = spec.meta.filter((m) => ESSENTIAL_META.includes(m.key) && map.meta[m.key] === undefined).map((m) => m.header);
  return [...required, ...meta];
}

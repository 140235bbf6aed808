/**
 * A stored row as people read it (the conflict box in the pane): each field under its
 * Vietnamese header, dates dd/mm/yyyy, Có/Không, labels instead of codes.
 */
import { isoToDisplay } from '../../shared/dates';
import { DEFAULT_CATEGORIES } from '../../shared/defaults';
import type { Category } from '../../shared/models';
import type { RowView } from '../../shared/wire/rows';
import type { TableSpec } from './columns';
import { recordCell } from './rows';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `header: value` lines of the fields that hold a value, in the table's order. */
export function storedRowLines(spec: TableSpec, row: RowView, categories: readonly Category[] = DEFAULT_CATEGORIES): string[] {
  const lines: string[] = [];
  for (const f of spec.fields) {
    const v = row[f.field];
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length)) continue;
    const shown = f.type === 'date' && typeof v === 'string' && ISO_DATE.test(v) ? isoToDisplay(v) : String(recordCell(f, v, categories));
    lines.push(`${f.header}: ${shown}`);
  }
  return lines;
}

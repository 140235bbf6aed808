/**
 * Cells the user formatted as Text (`@`): Excel keeps a written string verbatim there, a
 * leading apostrophe included (it is a text prefix only in other formats). The add-in escapes
 * strings with an apostrophe (escape.ts), so in such a cell the apostrophe would stay in the
 * text and the row's hash would never match again. A Text cell never turns a string into a
 * formula, a number or a date, so it gets the string as it is. The add-in's own Text columns
 * (`numberFormat: '@'` on the run) are written verbatim already; the other columns are checked
 * at write time, cell by cell, against the formats as they are then.
 */
import { TEXT_FORMAT } from './columns';
import { unescapeCell } from './escape';
import type { TableWrite } from './table-edit';

/** An escaped string: what `escapeCell` prefixed. */
const escaped = (v: unknown): boolean => typeof v === 'string' && v.startsWith("'");

/** The columns whose formats decide how the write's strings go in: those with an escaped string and no number format set by the write. */
export function textCheckColumns(write: TableWrite): number[] {
  const cols = new Set<number>();
  for (const run of write.runs) if (!run.numberFormat && run.values.some(([v]) => escaped(v))) cols.add(run.col);
  return [...cols].sort((a, b) => a - b);
}

/**
 * The write with its escaped strings unescaped where the target cell is Text-formatted.
 * `formats`: for each checked column, the number format of each body row as it is now (before
 * the write's deletions). Rows the write appends take the format of the last row kept (Excel
 * gives new table rows the format of the row above).
 */
export function unescapeTextCells(write: TableWrite, formats: ReadonlyMap<number, readonly unknown[]>): TableWrite {
  if (!formats.size) return write;
  const deleted = new Set(write.deleteRows);
  const rowsNow = Math.max(0, ...[...formats.values()].map((f) => f.length));
  const kept = Array.from({ length: rowsNow }, (_, i) => i).filter((i) => !deleted.has(i));
  const formatAt = (col: readonly unknown[], row: number): unknown => col[kept[Math.min(row, kept.length - 1)] ?? -1];
  const runs = write.runs.map((run) => {
    const col = formats.get(run.col);
    if (!col || run.numberFormat) return run;
    let changed = false;
    const values = run.values.map(([v], j) => {
      if (!escaped(v) || formatAt(col, run.row + j) !== TEXT_FORMAT) return [v];
      changed = true;
      return [unescapeCell(v)];
    });
    return changed ? { ...run, values } : run;
  });
  return { ...write, runs };
}

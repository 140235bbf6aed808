/**
 * Identity-keyed write-back: a table's write, planned on the rows as they were read, moved
 * onto the rows as they are now. Between the read and the write (a network round trip) a user
 * may sort, insert, delete or filter rows; each row is found again by the id in its hidden id
 * column (published rows always carry one: client ids go into the sheet before anything is
 * sent), never by its remembered position. Rows whose id is gone (deleted meanwhile) get
 * nothing; rows without an id are only written when the id column did not change at all.
 * (Columns are taken where they were read: moving columns in between is not followed.)
 */
import type { CellRun, TableWrite } from './table-edit';

/** The ids of a write's rows, as the edit knows them. */
export interface RowKeys {
  /** The hidden id column (index as read). */
  col: number;
  /** The id column as read (`''` for none). */
  read: string[];
  /** Each final row's id (index = final row); null for rows added at the end. */
  kept: (string | null)[];
  /** Each deleted row's id, in the order of `deleteRows`. */
  deleted: string[];
}

export interface Relocated {
  write: TableWrite;
  /** Rows whose id is no longer in the table: their writes were dropped. */
  lost: number;
}

const key = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());

export function relocate(write: TableWrite, keys: RowKeys, current: readonly unknown[]): Relocated {
  const now = current.map(key);
  if (now.length === keys.read.length && now.every((k, i) => k === keys.read[i])) return { write, lost: 0 };
  const where = new Map<string, number>();
  now.forEach((k, i) => {
    if (k && !where.has(k)) where.set(k, i);
  });
  const deleteRows = [...new Set(keys.deleted.map((k) => (k ? where.get(k) : undefined)).filter((i): i is number => i !== undefined))];
  const gone = [...deleteRows].sort((a, b) => a - b);
  const shift = (i: number): number => {
    let lo = 0;
    let hi = gone.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (gone[mid] < i) lo = mid + 1;
      else hi = mid;
    }
    return i - lo;
  };
  const remaining = now.length - deleteRows.length;
  const appended = keys.kept.filter((k) => k === null).length;
  const deletedNow = new Set(deleteRows);
  let added = 0;
  // Each final row (as planned) → its final row now, or -1.
  const target = keys.kept.map((k) => {
    if (k === null) return remaining + added++;
    const i = k ? where.get(k) : undefined;
    return i === undefined || deletedNow.has(i) ? -1 : shift(i);
  });
  const lostRows = new Set<number>();
  const cells = new Map<number, Map<number, { value: CellRun['values'][number][number]; numberFormat?: string }>>();
  for (const run of write.runs) {
    run.values.forEach(([value], j) => {
      const t = target[run.row + j];
      if (t === undefined || t < 0) {
        lostRows.add(run.row + j);
        return;
      }
      let col = cells.get(run.col);
      if (!col) cells.set(run.col, (col = new Map()));
      col.set(t, { value, ...(run.numberFormat ? { numberFormat: run.numberFormat } : {}) });
    });
  }
  const runs: CellRun[] = [];
  for (const [col, byRow] of [...cells.entries()].sort((a, b) => a[0] - b[0])) {
    const rows = [...byRow.keys()].sort((a, b) => a - b);
    let start = 0;
    while (start < rows.length) {
      let end = start;
      while (end + 1 < rows.length && rows[end + 1] === rows[end] + 1 && byRow.get(rows[end + 1])!.numberFormat === byRow.get(rows[start])!.numberFormat) end++;
      const numberFormat = byRow.get(rows[start])!.numberFormat;
      runs.push({ row: rows[start], col, values: rows.slice(start, end + 1).map((r) => [byRow.get(r)!.value]), ...(numberFormat ? { numberFormat } : {}) });
      start = end + 1;
    }
  }
  return { write: { table: write.table, deleteRows, appendCount: appended, runs, finalRowCount: remaining + appended }, lost: lostRows.size };
}

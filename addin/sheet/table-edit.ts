/**
 * An edit of one table's body, computed in memory and turned into the few whole-range writes
 * the Excel adapter performs: rows removed, rows appended, and for each column the runs of
 * consecutive changed cells (untouched cells are never rewritten, so users' formulas in them
 * survive). Values set here are data: they are escaped when the write is built.
 */
import { TEXT_FORMAT } from './columns';
import { escapeCell, type CellValue } from './escape';
import type { RowKeys } from './relocate';

/** What the adapter writes into a table (row indexes are body rows, 0-based). */
export interface TableWrite {
  table: string;
  /** Body rows to delete, as indexes of the body as it was read. */
  deleteRows: number[];
  /** Rows to add at the end after the deletions. */
  appendCount: number;
  /** Runs of cells of one column to write after deletions and additions, final indexes. */
  runs: CellRun[];
  /** Body row count once written. */
  finalRowCount: number;
  /** The rows' ids, to find them again at write time (see relocate.ts); absent: by position. */
  keys?: RowKeys;
}

export interface CellRun {
  row: number;
  col: number;
  /** One value per row (n × 1). */
  values: CellValue[][];
  numberFormat?: string;
}

interface EditRow {
  /** Index in the body as read, or -1 for an appended row. */
  origin: number;
  cells: unknown[];
  /** The cells as read (appended rows: none). */
  read?: readonly unknown[];
  dirty: Set<number>;
  removed: boolean;
  /** A blank row as read, taken by `append`. */
  reused?: boolean;
}

export class TableEdit {
  private readonly rows: EditRow[];

  constructor(
    readonly table: string,
    readonly width: number,
    body: readonly (readonly unknown[])[],
    /** Number format of a column's written cells (dates), by column index. */
    private readonly formats: ReadonlyMap<number, string> = new Map(),
    /** The hidden id column: rows are written back where their id is at write time. */
    private readonly keyCol?: number,
    /** The columns the add-in owns (others are the user's, calculated ones included); default all. */
    private readonly owned?: ReadonlySet<number>,
  ) {
    this.rows = body.map((cells, origin) => ({ origin, cells: [...cells], read: cells, dirty: new Set(), removed: false }));
  }

  /** Rows as read (indexes stay those of the read body). */
  get originalCount(): number {
    return this.rows.filter((r) => r.origin >= 0).length;
  }

  /** Rows in the edit (read and appended, removed ones included). */
  get rowCount(): number {
    return this.rows.length;
  }

  /** A row's index in the final body, or -1 when it is removed. */
  finalIndex(row: number): number {
    if (this.rows[row].removed) return -1;
    let n = 0;
    for (let i = 0; i < row; i++) if (!this.rows[i].removed) n++;
    return n;
  }

  cell(row: number, col: number): unknown {
    return this.rows[row].cells[col];
  }

  set(row: number, col: number | undefined, value: CellValue | null | undefined): void {
    if (col === undefined) return;
    const r = this.rows[row];
    const next = value ?? '';
    if (r.origin >= 0 && sameCell(r.cells[col], next)) return;
    r.cells[col] = next;
    // Set back to what was read (a text rebuilt the same): nothing to write.
    if (r.read && sameCell(r.read[col], next)) r.dirty.delete(col);
    else r.dirty.add(col);
  }

  /** The sheet now holds `value` here (written by an earlier step): no write pending for it. */
  assume(row: number, col: number | undefined, value: CellValue): void {
    if (col === undefined) return;
    const r = this.rows[row];
    r.cells[col] = value;
    if (r.read) {
      const read = [...r.read];
      read[col] = value;
      r.read = read;
    }
    r.dirty.delete(col);
  }

  remove(row: number): void {
    this.rows[row].removed = true;
  }

  isRemoved(row: number): boolean {
    return this.rows[row].removed;
  }

  /**
   * Adds a row; returns its index for further `set` calls. A blank row as read (the empty
   * row of a new table) is reused first.
   */
  append(): number {
    const blank = this.rows.findIndex((r) => r.origin >= 0 && !r.removed && !r.reused && r.dirty.size === 0 && r.cells.every(isEmptyCell));
    if (blank >= 0) {
      this.rows[blank].reused = true;
      return blank;
    }
    this.rows.push({ origin: -1, cells: new Array(this.width).fill(''), dirty: new Set(), removed: false });
    return this.rows.length - 1;
  }

  /** The final body, row by row (for checks and tests). */
  finalRows(): unknown[][] {
    return this.rows.filter((r) => !r.removed).map((r) => r.cells);
  }

  get changed(): boolean {
    return this.rows.some((r) => r.removed || r.origin < 0 || r.dirty.size > 0);
  }

  /**
   * The rows to write. An Excel table keeps at least one body row: when every row as read is
   * removed, the first of them stays and takes the first appended row's cells (or blanks), so
   * the final body is the same as if all were deleted (row indexes unchanged).
   */
  private writeRows(): EditRow[] {
    const originals = this.rows.filter((r) => r.origin >= 0);
    if (!originals.length || originals.some((r) => !r.removed)) return this.rows;
    const keeper = originals[0];
    const first = this.rows.find((r) => r.origin < 0 && !r.removed);
    // Only the add-in's columns are rewritten: users' own (calculated) columns are left alone.
    const all = new Set(Array.from({ length: this.width }, (_, c) => c).filter((c) => !this.owned || this.owned.has(c)));
    const replaced: EditRow = { origin: keeper.origin, cells: first ? first.cells : new Array(this.width).fill(''), dirty: all, removed: false };
    return this.rows.filter((r) => r !== first).map((r) => (r === keeper ? replaced : r));
  }

  toWrite(): TableWrite {
    const rows = this.writeRows();
    const deleteRows = rows.filter((r) => r.removed && r.origin >= 0).map((r) => r.origin);
    const kept = rows.filter((r) => !r.removed);
    const appendCount = kept.filter((r) => r.origin < 0).length;
    const cols = new Set<number>();
    for (const r of kept) for (const c of r.dirty) cols.add(c);
    const runs: CellRun[] = [];
    for (const col of [...cols].sort((a, b) => a - b)) {
      let start = -1;
      const flush = (end: number): void => {
        if (start < 0) return;
        const numberFormat = this.formats.get(col);
        // A text-formatted cell keeps any string verbatim (an apostrophe would stay in it).
        const write = numberFormat === TEXT_FORMAT ? (v: unknown): CellValue => (v === null || v === undefined ? '' : (v as CellValue)) : (v: unknown) => escapeCell(v as CellValue);
        const values = kept.slice(start, end).map((r) => [write(r.cells[col])]);
        runs.push({ row: start, col, values, ...(numberFormat ? { numberFormat } : {}) });
        start = -1;
      };
      kept.forEach((r, i) => {
        const dirty = r.dirty.has(col);
        if (dirty && start < 0) start = i;
        if (!dirty) flush(i);
      });
      flush(kept.length);
    }
    const write: TableWrite = { table: this.table, deleteRows, appendCount, runs, finalRowCount: kept.length };
    if (this.keyCol === undefined) return write;
    const col = this.keyCol;
    const keyOf = (r: EditRow): string => keyText(r.read?.[col]);
    write.keys = {
      col,
      read: this.rows.filter((r) => r.origin >= 0).map(keyOf),
      kept: kept.map((r) => (r.origin < 0 ? null : keyOf(r))),
      deleted: rows.filter((r) => r.removed && r.origin >= 0).map(keyOf),
    };
    return write;
  }
}

const keyText = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());

function sameCell(a: unknown, b: unknown): boolean {
  const norm = (v: unknown): unknown => (v === null || v === undefined ? '' : v);
  return norm(a) === norm(b);
}

/** A cell counts as empty when it holds nothing but spaces. */
export function isEmptyCell(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

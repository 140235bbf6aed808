/**
 * Writing large tables in batches: a table's write (deletions, appended rows, changed cells) as
 * a list of operations, split so that no sync's request passes the payload limit. Changed
 * cells go as row blocks (one range write covering many rows and the columns changed in them,
 * `null` for the cells between that stay as they are), not one write per cell: Office.js
 * spends ~650 bytes on each range it addresses, so scattered one-cell writes cost 3× their
 * values. Order is kept — deletions, then additions, then blocks (whose row indexes are those
 * of the final body) — so the batches may go in consecutive syncs.
 *
 * The sizes below were measured with Microsoft's office.js serialising the adapter's own calls
 * (test/office-host, asserted in test/addin/sheet/write-plan.test.ts): each estimate is an
 * upper bound of the request office.js really sends.
 */
import type { CellValue } from './escape';
import { payloadBytes, SYNC_PAYLOAD_LIMIT } from './payload';
import type { TableWrite } from './table-edit';

export type WriteOp =
  /** Delete `count` body rows from `top` (rows of the body as it was read). */
  | { kind: 'delete'; table: string; top: number; count: number; width: number }
  /** Add `count` rows at the end (cells below pushed down, the table resized). */
  | { kind: 'append'; table: string; count: number; width: number }
  /**
   * Write a block of cells from body row `row`, column `col`: `null` leaves a cell as it is.
   * `numberFormat` (same shape, `null` for none) is set before the values.
   */
  | { kind: 'block'; table: string; row: number; col: number; values: (CellValue | null)[][]; numberFormat?: (string | null)[][] };

/** Request bytes office.js spends besides the values (measured, rounded up). */
export const REQUEST_BYTES = {
  /** Fixed part of a request (the workbook, tables, the application's suspensions). */
  base: 1_200,
  /** A range reached from the table (`tables.getItem().getDataBodyRange().getCell().getResizedRange()`), deleted. */
  delete: 1_300,
  /** Cells below pushed down and the table resized (no values sent: `rows.add` is not used). */
  append: 2_500,
  /** A range reached from the table and its values set (~1,260 measured; ~800 from a body range already held). */
  block: 1_300,
  /** Setting the number formats too. */
  numberFormat: 150,
  /** office.js writes more than 1,500 cells as pieces of rows (`getRow` … `getBoundingRect`), each this much (~850 measured). */
  piece: 900,
};

/** Cells per piece office.js cuts a large write into. */
const PIECE_CELLS = 1_500;

/** Bytes of the cells `null` takes in a block (`null,`). */
const NULL_BYTES = 5;

function pieces(rows: number, cols: number): number {
  if (rows * cols <= PIECE_CELLS) return 0;
  return Math.ceil(rows / Math.max(1, Math.floor(PIECE_CELLS / cols)));
}

export function opBytes(op: WriteOp): number {
  switch (op.kind) {
    case 'delete':
      return REQUEST_BYTES.delete;
    case 'append':
      return REQUEST_BYTES.append;
    case 'block': {
      const rows = op.values.length;
      const cols = op.values[0]?.length ?? 0;
      const valueBytes = REQUEST_BYTES.block + payloadBytes(op.values) + pieces(rows, cols) * REQUEST_BYTES.piece;
      if (!op.numberFormat) return valueBytes;
      return valueBytes + REQUEST_BYTES.numberFormat + payloadBytes(op.numberFormat) + pieces(rows, cols) * REQUEST_BYTES.piece;
    }
  }
}

interface Changed {
  value: CellValue;
  format?: string;
}

/** The changed cells of a write, row by row (final body rows), columns in order. */
function changedRows(write: TableWrite): Map<number, Map<number, Changed>> {
  const rows = new Map<number, Map<number, Changed>>();
  for (const run of write.runs) {
    run.values.forEach(([value], i) => {
      const r = run.row + i;
      let row = rows.get(r);
      if (!row) rows.set(r, (row = new Map()));
      row.set(run.col, { value, ...(run.numberFormat ? { format: run.numberFormat } : {}) });
    });
  }
  return rows;
}

function blockOf(table: string, rows: [number, Map<number, Changed>][], top: number, bottom: number): WriteOp {
  let c0 = Infinity;
  let c1 = -1;
  for (const [, cells] of rows) {
    for (const c of cells.keys()) {
      c0 = Math.min(c0, c);
      c1 = Math.max(c1, c);
    }
  }
  const byRow = new Map(rows);
  const values: (CellValue | null)[][] = [];
  const formats: (string | null)[][] = [];
  let anyFormat = false;
  for (let r = top; r <= bottom; r++) {
    const cells = byRow.get(r);
    const v: (CellValue | null)[] = [];
    const f: (string | null)[] = [];
    for (let c = c0; c <= c1; c++) {
      const cell = cells?.get(c);
      v.push(cell ? cell.value : null);
      f.push(cell?.format ?? null);
      if (cell?.format) anyFormat = true;
    }
    values.push(v);
    formats.push(f);
  }
  return { kind: 'block', table, row: top, col: c0, values, ...(anyFormat ? { numberFormat: formats } : {}) };
}

/**
 * A table write as operations. Changed rows are grouped into blocks: a block takes the next
 * changed row while the unchanged rows between cost less than a new range would, and while it
 * fits in `maxBytes`.
 */
export function writeOps(write: TableWrite, width: number, maxBytes: number = SYNC_PAYLOAD_LIMIT): WriteOp[] {
  const ops: WriteOp[] = [];
  // Deletions bottom-up, contiguous runs at once, so earlier indexes stay valid.
  const del = [...write.deleteRows].sort((a, b) => b - a);
  let i = 0;
  while (i < del.length) {
    let j = i;
    while (j + 1 < del.length && del[j + 1] === del[j] - 1) j++;
    ops.push({ kind: 'delete', table: write.table, top: del[j], count: del[i] - del[j] + 1, width });
    i = j + 1;
  }
  const budget = maxBytes - REQUEST_BYTES.base;
  const perRow = width * 3 + 1;
  let appendStep = Math.max(1, Math.floor((budget - REQUEST_BYTES.append) / perRow));
  while (appendStep > 1 && opBytes({ kind: 'append', table: write.table, count: appendStep, width }) > budget) appendStep = Math.floor(appendStep * 0.95);
  for (let done = 0; done < write.appendCount; done += appendStep) {
    ops.push({ kind: 'append', table: write.table, count: Math.min(appendStep, write.appendCount - done), width });
  }

  const rows = [...changedRows(write).entries()].sort((a, b) => a[0] - b[0]);
  // Unchanged rows worth bridging: their nulls cost less than addressing a new range.
  const maxGap = Math.floor(REQUEST_BYTES.block / (NULL_BYTES * Math.max(1, width)));
  // Bytes of one row in a block, counted at the table's full width (an upper bound).
  const rowBytes = (cells: Map<number, Changed> | undefined): number => {
    let n = 2 + NULL_BYTES * width;
    let formatted = false;
    for (const cell of cells?.values() ?? []) {
      n += payloadBytes(cell.value) + 1;
      if (cell.format) {
        formatted = true;
        n += payloadBytes(cell.format) + 1;
      }
    }
    return formatted ? n + 2 + NULL_BYTES * width : n;
  };
  const pieceShare = (2 * REQUEST_BYTES.piece) / Math.max(1, Math.floor(PIECE_CELLS / Math.max(1, width)));
  let start = 0;
  while (start < rows.length) {
    let end = start;
    let bytes = REQUEST_BYTES.block + REQUEST_BYTES.numberFormat + rowBytes(rows[start][1]) + pieceShare;
    while (end + 1 < rows.length) {
      const gap = rows[end + 1][0] - rows[end][0] - 1;
      if (gap > maxGap) break;
      const add = (gap * (2 * (2 + NULL_BYTES * width) + 2 * pieceShare)) + rowBytes(rows[end + 1][1]) + pieceShare;
      if (bytes + add > budget) break;
      bytes += add;
      end++;
    }
    ops.push(blockOf(write.table, rows.slice(start, end + 1), rows[start][0], rows[end][0]));
    start = end + 1;
  }
  return ops;
}

/** Consecutive operations grouped into syncs of at most `maxBytes` each, order kept. */
export function batchOps(ops: readonly WriteOp[], maxBytes: number = SYNC_PAYLOAD_LIMIT): WriteOp[][] {
  const batches: WriteOp[][] = [];
  let current: WriteOp[] = [];
  let bytes = REQUEST_BYTES.base;
  for (const op of ops) {
    const size = opBytes(op);
    if (current.length && bytes + size > maxBytes) {
      batches.push(current);
      current = [];
      bytes = REQUEST_BYTES.base;
    }
    current.push(op);
    bytes += size;
  }
  if (current.length) batches.push(current);
  return batches;
}

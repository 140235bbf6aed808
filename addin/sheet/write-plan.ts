/**
 * Writing large tables in batches: a table's write (deletions, appended rows, runs of cells) as
 * a list of operations, split so that no sync carries more than the payload limit. Order is
 * kept — deletions, then additions, then runs (whose row indexes are those of the final
 * body) — so the batches may go in consecutive syncs.
 */
import type { CellValue } from './escape';
import { payloadBytes, SYNC_PAYLOAD_LIMIT } from './payload';
import type { TableWrite } from './table-edit';

export type WriteOp =
  /** Delete `count` body rows from `top` (rows of the body as it was read). */
  | { kind: 'delete'; table: string; top: number; count: number; width: number }
  /** Add `count` blank rows at the end. */
  | { kind: 'append'; table: string; count: number; width: number }
  /** Write one column's cells from body row `row`. */
  | { kind: 'run'; table: string; row: number; col: number; values: CellValue[][]; numberFormat?: string };

/** A fixed allowance per operation for the request's own bookkeeping. */
const OP_OVERHEAD = 200;

export function opBytes(op: WriteOp): number {
  switch (op.kind) {
    case 'delete':
      return OP_OVERHEAD;
    case 'append':
      // `[["",""…],…]`: 3 bytes a cell.
      return OP_OVERHEAD + op.count * (op.width * 3 + 1);
    case 'run':
      return OP_OVERHEAD + payloadBytes(op.values) + (op.numberFormat ? op.values.length * (payloadBytes(op.numberFormat) + 3) : 0);
  }
}

/** A table write as operations, big appends and runs cut so that each fits in `maxBytes`. */
export function writeOps(write: TableWrite, width: number, maxBytes: number = SYNC_PAYLOAD_LIMIT): WriteOp[] {
  const ops: WriteOp[] = [];
  // Deletions bottom-up, contiguous runs at once, so earlier indexes stay valid.
  const rows = [...write.deleteRows].sort((a, b) => b - a);
  let i = 0;
  while (i < rows.length) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] - 1) j++;
    ops.push({ kind: 'delete', table: write.table, top: rows[j], count: rows[i] - rows[j] + 1, width });
    i = j + 1;
  }
  const perRow = width * 3 + 1;
  const appendStep = Math.max(1, Math.floor((maxBytes - OP_OVERHEAD) / perRow));
  for (let done = 0; done < write.appendCount; done += appendStep) {
    ops.push({ kind: 'append', table: write.table, count: Math.min(appendStep, write.appendCount - done), width });
  }
  for (const run of write.runs) {
    const whole: WriteOp = { kind: 'run', table: write.table, ...run };
    if (opBytes(whole) <= maxBytes) {
      ops.push(whole);
      continue;
    }
    // Cut by rows, each piece within the limit.
    let start = 0;
    while (start < run.values.length) {
      let end = start;
      let bytes = OP_OVERHEAD;
      const fmt = run.numberFormat ? payloadBytes(run.numberFormat) + 3 : 0;
      while (end < run.values.length) {
        const cell = payloadBytes(run.values[end]) + 1 + fmt;
        if (end > start && bytes + cell > maxBytes) break;
        bytes += cell;
        end++;
      }
      const { values: _all, ...rest } = run;
      ops.push({ kind: 'run', table: write.table, ...rest, row: run.row + start, values: run.values.slice(start, end) });
      start = end;
    }
  }
  return ops;
}

/** Consecutive operations grouped into syncs of at most `maxBytes` each, order kept. */
export function batchOps(ops: readonly WriteOp[], maxBytes: number = SYNC_PAYLOAD_LIMIT): WriteOp[][] {
  const batches: WriteOp[][] = [];
  let current: WriteOp[] = [];
  let bytes = 0;
  for (const op of ops) {
    const size = opBytes(op);
    if (current.length && bytes + size > maxBytes) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(op);
    bytes += size;
  }
  if (current.length) batches.push(current);
  return batches;
}

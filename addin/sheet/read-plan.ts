/**
 * Reading large tables in blocks: each sync loads at most a budget of cells, so that its
 * response stays under the payload limit. The first round takes a fixed budget (2,000 trip
 * rows and the small tables fit in it); later rounds size the budget from the bytes per cell
 * measured so far, so a table of 10,000 rows takes a few syncs, not one per block.
 */
import { SYNC_PAYLOAD_LIMIT } from './payload';

export interface ReadLimits {
  /** Cells read in the first round, before anything is measured. */
  firstRoundCells: number;
  /** Bytes a round may carry. */
  maxBytes: number;
  /** Cells per round at most, whatever the measure. */
  maxRoundCells: number;
}

/** 50,000 cells at 80 bytes each (long Vietnamese text, escaped) is 4 MB. */
export const READ_LIMITS: ReadLimits = { firstRoundCells: 50_000, maxBytes: SYNC_PAYLOAD_LIMIT, maxRoundCells: 400_000 };

/** A table still being read: rows [0, next) are read, `total` rows in all. */
export interface PendingRead {
  table: string;
  next: number;
  total: number;
  width: number;
}

export interface BlockRead {
  table: string;
  start: number;
  count: number;
}

/** The blocks of the next round: tables in order, as many rows as the budget holds (at least one row). */
export function planReadRound(pending: readonly PendingRead[], cellBudget: number): BlockRead[] {
  const blocks: BlockRead[] = [];
  let left = cellBudget;
  for (const p of pending) {
    const remaining = p.total - p.next;
    if (remaining <= 0) continue;
    const width = Math.max(1, p.width);
    const fit = Math.floor(left / width);
    const count = Math.min(remaining, blocks.length ? fit : Math.max(1, fit));
    if (count <= 0) break;
    blocks.push({ table: p.table, start: p.next, count });
    left -= count * width;
  }
  return blocks;
}

/** The next round's cell budget from the bytes and cells read so far (a 25 % margin). */
export function nextCellBudget(bytesRead: number, cellsRead: number, limits: ReadLimits = READ_LIMITS): number {
  if (cellsRead <= 0 || bytesRead <= 0) return limits.firstRoundCells;
  const perCell = (bytesRead / cellsRead) * 1.25;
  return Math.max(1, Math.min(limits.maxRoundCells, Math.floor(limits.maxBytes / perCell)));
}

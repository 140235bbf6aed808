/**
 * Refresh: the server's rows into a table. Rows added on the server are appended, rows changed
 * there overwrite local rows that have no unsent edits, rows deleted there are removed; a row
 * with unsent local edits is never overwritten or removed — it is flagged instead.
 */
import type { RowView } from '../../shared/wire/rows';
import { isSynced } from './diff';
import { rowHash } from './hash';
import type { Issue } from './issues';
import { nameWarnings } from './related';
import { cellsInSpecOrder, cellsToRaw, naturalId, recordToCells } from './rows';
import { pendingServerChangeText, pendingServerChangeTextEn, pendingServerDeleteText, pendingServerDeleteTextEn, savedText, STATUS_PREFIX, warningsText } from './status-text';
import { warningIssues, writeDerived, type WriteContext } from './write-back';

export interface RefreshCounts {
  added: number;
  updated: number;
  removed: number;
  flagged: number;
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());

/** Writes a stored row's fields and sync columns into `row`. */
export function writeStoredRow(ctx: WriteContext, row: number, stored: RowView, status: string): void {
  const { spec, map, edit } = ctx;
  const cells = recordToCells(spec, stored, ctx.categories);
  for (const f of spec.fields) edit.set(row, map.fields[f.field], cells[f.field]);
  edit.set(row, map.meta.id, stored.id);
  edit.set(row, map.meta.version, stored.version);
  edit.set(row, map.meta.hash, rowHash(cellsInSpecOrder(spec, cells)));
  if (map.meta.deleteMark !== undefined) edit.set(row, map.meta.deleteMark, '');
  edit.set(row, map.meta.status, status);
  writeDerived(ctx, row, stored.derived);
}

/** The id a local row stands for: its id cell, else the natural key of its fields. */
export function localId(ctx: WriteContext, row: number): string {
  const { spec, map, edit } = ctx;
  const stored = text(edit.cell(row, map.meta.id ?? -1));
  if (stored) return stored;
  const cells = Array.from({ length: ctx.edit.width }, (_, c) => edit.cell(row, c));
  return naturalId(spec.kind, cellsToRaw(spec, map, cells)) ?? '';
}

export function applyRefresh(ctx: WriteContext, storedRows: readonly RowView[]): { issues: Issue[]; counts: RefreshCounts } {
  const { spec, map, edit } = ctx;
  const counts: RefreshCounts = { added: 0, updated: 0, removed: 0, flagged: 0 };
  const issues: Issue[] = [];
  const byId = new Map<string, number>();
  const readCount = edit.rowCount;
  for (let row = 0; row < readCount; row++) {
    const id = localId(ctx, row);
    if (id && !byId.has(id)) byId.set(id, row);
  }
  const rowCells = (row: number): unknown[] => Array.from({ length: edit.width }, (_, c) => edit.cell(row, c));

  for (const stored of storedRows) {
    const row = byId.get(stored.id);
    if (row === undefined) {
      if (stored.deleted) continue;
      const added = edit.append();
      writeStoredRow(ctx, added, stored, `${STATUS_PREFIX.fromServer}${warningsText(stored.warnings)}`);
      issues.push(...warningIssues(ctx, added, stored.warnings, stored.id));
      counts.added++;
      continue;
    }
    const synced = isSynced(spec, map, rowCells(row));
    const localVersion = text(edit.cell(row, map.meta.version ?? -1));
    if (stored.deleted) {
      if (!localVersion && !synced) continue; // a new local row reusing a deleted id: publish will recreate it
      if (synced) {
        edit.remove(row);
        counts.removed++;
      } else {
        edit.set(row, map.meta.status, pendingServerDeleteText);
        issues.push({ kind: spec.kind, sheet: spec.sheet, table: spec.table, row, severity: 'conflict', code: 'CONFLICT', col: map.meta.status, message: pendingServerDeleteText, en: pendingServerDeleteTextEn, id: stored.id, current: null, version: null });
        counts.flagged++;
      }
      continue;
    }
    if (synced && localVersion === stored.version) {
      // Same version: only the figures computed at response time may have moved.
      writeDerived(ctx, row, stored.derived);
      if (stored.warnings) edit.set(row, map.meta.status, savedText('unchanged', stored.warnings));
      issues.push(...warningIssues(ctx, row, stored.warnings, stored.id));
    } else if (synced) {
      writeStoredRow(ctx, row, stored, `${STATUS_PREFIX.fromServer}${warningsText(stored.warnings)}`);
      issues.push(...warningIssues(ctx, row, stored.warnings, stored.id));
      counts.updated++;
    } else if (localVersion !== stored.version) {
      const message = pendingServerChangeText;
      edit.set(row, map.meta.status, message);
      issues.push({ kind: spec.kind, sheet: spec.sheet, table: spec.table, row, severity: 'conflict', code: 'CONFLICT', col: map.meta.status, message, en: pendingServerChangeTextEn, id: stored.id, current: stored, version: stored.version });
      counts.flagged++;
    }
  }
  return { issues, counts };
}

/**
 * After a publish: a stored trip's figures computed at response time (counted days, report
 * status, OVERLAP…) can change when another trip is published. Updates the rows synced at the
 * same version, except `skip` (rows this publish just wrote). Returns the warnings of rows whose
 * status text changed (its related rows named with `names`, so an unchanged status stays so).
 */
export function refreshDerived(
  ctx: WriteContext,
  storedRows: readonly RowView[],
  skip: ReadonlySet<number>,
  /** Names of the rows the warnings relate to (`relatedNames`): the status compared and written with them. */
  names: ReadonlyMap<string, string> = new Map(),
): Issue[] {
  const { spec, map, edit } = ctx;
  const byId = new Map(storedRows.filter((r) => !r.deleted).map((r) => [r.id, r]));
  const issues: Issue[] = [];
  for (let row = 0; row < edit.rowCount; row++) {
    if (skip.has(row) || edit.isRemoved(row)) continue;
    const stored = byId.get(text(edit.cell(row, map.meta.id ?? -1)));
    const cells = Array.from({ length: edit.width }, (_, c) => edit.cell(row, c));
    if (!stored || text(edit.cell(row, map.meta.version ?? -1)) !== stored.version || !isSynced(spec, map, cells)) continue;
    writeDerived(ctx, row, stored.derived);
    const status = savedText('unchanged', nameWarnings(stored.warnings, names));
    if (map.meta.status !== undefined && text(edit.cell(row, map.meta.status)) !== status) {
      edit.set(row, map.meta.status, status);
      issues.push(...warningIssues(ctx, row, stored.warnings, stored.id));
    }
  }
  return issues;
}


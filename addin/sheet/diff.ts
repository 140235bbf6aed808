/**
 * What to publish from a table: rows changed since the last sync (their content hash differs
 * from the stored one), new rows (no version yet), and rows marked for deletion. Rows of kinds
 * without a natural key get a client id before sending, so a retry can never duplicate them.
 */
import { kindInfo } from '../../shared/kinds';
import type { Kind } from '../../shared/models';
import { matchKey } from '../../shared/normalize';
import type { PublishRow } from '../../shared/wire/publish';
import type { TableSpec } from './columns';
import type { ColumnMap } from './header-map';
import { rowHash } from './hash';
import { STATUS_PREFIX } from './status-text';
import { cellsToRaw, fieldCells, naturalId } from './rows';
import { isEmptyCell } from './table-edit';

export interface PlannedRow {
  /** Body row index. */
  row: number;
  request: PublishRow;
  /** Hash of the fields as sent (stored once the server accepts them). */
  hash: string;
  isDelete: boolean;
}

export interface PublishPlan {
  kind: Kind;
  rows: PlannedRow[];
  /** Client ids to write into the sheet before sending. */
  newIds: { row: number; id: string }[];
  /** Rows marked for deletion that were never stored: removed locally only. */
  localDeletes: number[];
}

const NOT_MARKED = new Set(['', 'khong', '0', 'false', 'no', 'n']);

/** A delete mark is any value but empty / Không / 0 / false. */
export function isDeleteMark(value: unknown): boolean {
  if (value === true) return true;
  if (isEmptyCell(value) || value === false || value === 0) return false;
  return !NOT_MARKED.has(matchKey(String(value)));
}

const text = (v: unknown): string => (isEmptyCell(v) ? '' : String(v).trim());

/** Whether a row is unchanged since it was last synced (it has a version and its hash matches). */
export function isSynced(spec: TableSpec, map: ColumnMap, row: readonly unknown[]): boolean {
  const version = text(row[map.meta.version ?? -1]);
  const stored = text(row[map.meta.hash ?? -1]);
  const mark = map.meta.deleteMark === undefined ? false : isDeleteMark(row[map.meta.deleteMark]);
  return version !== '' && !mark && stored === rowHash(fieldCells(spec, map, row));
}

/** The status cell still shows the row's last rejection ("Lỗi: …"). */
function showsRejection(map: ColumnMap, row: readonly unknown[]): boolean {
  return text(row[map.meta.status ?? -1]).startsWith(`${STATUS_PREFIX.error}:`);
}

export function planPublish(
  spec: TableSpec,
  map: ColumnMap,
  body: readonly (readonly unknown[])[],
  makeId: () => string,
): PublishPlan {
  const plan: PublishPlan = { kind: spec.kind, rows: [], newIds: [], localDeletes: [] };
  const { clientIds } = kindInfo(spec.kind);
  body.forEach((row, index) => {
    const cells = fieldCells(spec, map, row);
    const blank = cells.every(isEmptyCell);
    const storedId = text(row[map.meta.id ?? -1]);
    let version = text(row[map.meta.version ?? -1]);
    const marked = map.meta.deleteMark !== undefined && isDeleteMark(row[map.meta.deleteMark]);
    const raw = cellsToRaw(spec, map, row);
    const natural = naturalId(spec.kind, raw);
    let id = clientIds ? storedId : (natural ?? storedId);
    // A natural key edited in the sheet is another record: send it as new.
    if (!clientIds && storedId && natural && natural !== storedId) version = '';

    if (marked) {
      if (storedId && version) {
        plan.rows.push({ row: index, request: { ref: index, id: storedId, version, deleted: true }, hash: '', isDelete: true });
      } else plan.localDeletes.push(index);
      return;
    }
    if (blank) return;
    const hash = rowHash(cells);
    // Unchanged since the last sync: skipped, unless the status still shows its last rejection
    // (an edit refused, then typed back to the stored values): sent again, the server answers
    // `unchanged` and the status says saved instead of an error the row no longer has.
    if (version && hash === text(row[map.meta.hash ?? -1]) && !showsRejection(map, row)) return;
    if (!id && clientIds) {
      id = makeId();
      plan.newIds.push({ row: index, id });
    }
    const request: PublishRow = { ...raw, ref: index };
    if (id) request.id = id;
    if (version) request.version = version;
    plan.rows.push({ row: index, request, hash, isDelete: false });
  });
  return plan;
}

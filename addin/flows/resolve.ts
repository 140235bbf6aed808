/**
 * Conflict resolution for one row: keep the user's values (take the server's version, so the
 * next publish overwrites) or take the server's values. Five syncs (read 3, find the row by id 1, write 1).
 */
import { writeTables } from '../excel/adapter';
import { TABLE_SPECS } from '../sheet/columns';
import type { Issue } from '../sheet/issues';
import { localId, writeStoredRow } from '../sheet/refresh-merge';
import { STATUS_PREFIX } from '../sheet/status-text';
import { bindTable, FlowError, loadCategories, readSpecTables, type FlowDeps } from './context';
import { inExcel } from '../excel/office-errors';
import { text } from '../text';

export type Resolution = 'keepMine' | 'takeServer';

export const KEEP_MINE_TEXT = `${STATUS_PREFIX.pending}: giữ bản của bạn — bấm "Gửi thay đổi" để ghi lên máy chủ.`;

export async function resolveConflict(deps: FlowDeps, issue: Issue, choice: Resolution): Promise<void> {
  const spec = TABLE_SPECS.find((s) => s.kind === issue.kind);
  if (!spec || !issue.id) throw new FlowError(text('Không xác định được dòng cần xử lý.', 'Cannot tell which row to resolve.'), 'NO_ROW');
  const table = (await readSpecTables(deps.excel, [spec])).bound[0]?.table;
  if (!table) throw new FlowError(text(`Không tìm thấy bảng ${spec.table} (trang ${spec.sheet}).`, `Table ${spec.table} (sheet ${spec.sheet}) was not found.`), 'TABLE_NOT_FOUND');
  const b = bindTable(spec, table);
  const categories = await loadCategories(deps.api, deps.year);
  const ctx = { ...b, categories };
  let row = -1;
  for (let r = 0; r < b.edit.rowCount; r++) if (localId(ctx, r) === issue.id) row = r;
  if (row < 0) throw new FlowError(text(`Không tìm thấy dòng mã "${issue.id}" trong bảng ${spec.table}.`, `No row with id "${issue.id}" in table ${spec.table}.`), 'ROW_NOT_FOUND');
  const current = issue.current && !issue.current.deleted ? issue.current : null;
  if (choice === 'keepMine') {
    b.edit.set(row, b.map.meta.version, current?.version ?? '');
    b.edit.set(row, b.map.meta.hash, ''); // always sent again
    b.edit.set(row, b.map.meta.status, KEEP_MINE_TEXT);
  } else if (current) {
    writeStoredRow(ctx, row, current, `${STATUS_PREFIX.fromServer}`);
  } else {
    b.edit.remove(row);
  }
  await inExcel(text('Không ghi được dòng đã xử lý vào bảng tính.', 'Could not write the resolved row into the workbook.'), () =>
    writeTables(deps.excel, [b.edit.toWrite()], new Map([[table.name, table.headers.length]])),
  );
}

import { DEFAULT_CATEGORIES } from '../../../shared/defaults';
import type { RowView } from '../../../shared/wire/rows';
import { templateHeaders, TRIPS } from '../../../addin/sheet/columns';
import { mapHeaders } from '../../../addin/sheet/header-map';
import { applyRefresh, refreshDerived, writeStoredRow } from '../../../addin/sheet/refresh-merge';
import { TableEdit } from '../../../addin/sheet/table-edit';
import type { WriteContext } from '../../../addin/sheet/write-back';

const headers = templateHeaders(TRIPS);
const map = mapHeaders(headers, TRIPS);
const col = (h: string): number => headers.indexOf(h);
const stored = (id: string, version: string, extra: Partial<RowView> = {}): RowView => ({
  id,
  version,
  cadreId: 'CB01',
  unit: 'X01',
  startDate: '2025-03-03',
  endDate: '2025-03-05',
  contents: ['kiem_tra'],
  derived: { countedDays: { 2025: 3 }, reportStatus: 'pending', reportDeadline: '2025-03-15' },
  warnings: [],
  ...extra,
});

/** A table whose rows were written by a refresh of `rows` (so they are synced). */
function syncedTable(rows: RowView[]): WriteContext {
  const edit = new TableEdit('DiCoSo', headers.length, []);
  const ctx = { spec: TRIPS, map, edit, categories: DEFAULT_CATEGORIES };
  for (const r of rows) writeStoredRow(ctx, edit.append(), r, 'Đã lưu');
  return { ...ctx, edit: new TableEdit('DiCoSo', headers.length, edit.finalRows()) };
}

describe('applyRefresh', () => {
  it('appends new server rows with labels, serial dates and derived figures', () => {
    const ctx = { spec: TRIPS, map, edit: new TableEdit('DiCoSo', headers.length, [headers.map(() => '')]), categories: DEFAULT_CATEGORIES };
    const r = applyRefresh(ctx, [stored('t1', 'v1'), stored('t0', 'v0', { deleted: true })]);
    expect(r.counts).toEqual({ added: 1, updated: 0, removed: 0, flagged: 0 });
    const [row] = ctx.edit.finalRows();
    expect(row[col('Ngày đi')]).toBe(45719);
    expect(row[col('Nội dung')]).toBe('Kiểm tra, giám sát');
    expect(row[col('Số ngày được tính')]).toBe(3);
    expect(row[col('Tình trạng báo cáo')]).toBe('Chờ báo cáo');
    expect(row[col('Phiên bản')]).toBe('v1');
  });

  it('overwrites unedited rows changed on the server and removes rows deleted there', () => {
    const ctx = syncedTable([stored('t1', 'v1'), stored('t2', 'v1')]);
    const r = applyRefresh(ctx, [stored('t1', 'v2', { unit: 'X09' }), stored('t2', 'v2', { deleted: true })]);
    expect(r.counts).toEqual({ added: 0, updated: 1, removed: 1, flagged: 0 });
    const rows = ctx.edit.finalRows();
    expect(rows).toHaveLength(1);
    expect(rows[0][col('Đơn vị đến')]).toBe('X09');
    expect(rows[0][col('Phiên bản')]).toBe('v2');
  });

  it('never overwrites or removes a row with unsent edits: it flags it', () => {
    const ctx = syncedTable([stored('t1', 'v1'), stored('t2', 'v1')]);
    ctx.edit.set(0, col('Đơn vị đến'), 'sửa tại máy');
    ctx.edit.set(1, col('Mô tả'), 'ghi thêm');
    const r = applyRefresh(ctx, [stored('t1', 'v2', { unit: 'X09' }), stored('t2', 'v2', { deleted: true })]);
    expect(r.counts).toEqual({ added: 0, updated: 0, removed: 0, flagged: 2 });
    const rows = ctx.edit.finalRows();
    expect(rows[0][col('Đơn vị đến')]).toBe('sửa tại máy');
    expect(String(rows[0][col('Tình trạng gửi')])).toMatch(/^Xung đột: máy chủ có thay đổi mới nhưng dòng này có sửa đổi chưa gửi/);
    expect(String(rows[1][col('Tình trạng gửi')])).toMatch(/^Xung đột: dòng đã bị xoá trên máy chủ/);
    expect(r.issues.map((i) => [i.severity, i.row, i.current?.version ?? null])).toEqual([
      ['conflict', 0, 'v2'],
      ['conflict', 1, null],
    ]);
  });

  it('refreshes derived figures and warnings of rows at the same version', () => {
    const ctx = syncedTable([stored('t1', 'v1')]);
    const r = applyRefresh(ctx, [stored('t1', 'v1', { derived: { countedDays: { 2025: 1 }, reportStatus: 'overdue', reportDeadline: '2025-03-15' }, warnings: [{ code: 'OVERLAP', message: 'Trùng ngày.', related: ['t9'] }] })]);
    const [row] = ctx.edit.finalRows();
    expect(row[col('Số ngày được tính')]).toBe(1);
    expect(row[col('Tình trạng báo cáo')]).toBe('Quá hạn');
    expect(row[col('Tình trạng gửi')]).toBe('Đã lưu — Cảnh báo: Trùng ngày.');
    expect(r.issues).toEqual([expect.objectContaining({ severity: 'warning', code: 'OVERLAP', row: 0 })]);
  });
});

describe('refreshDerived', () => {
  const overlap = { code: 'OVERLAP' as const, message: 'Trùng ngày. Liên quan: t2.', related: ['t2'] };
  const names = new Map([['t2', 'Đi cơ sở dòng 3 (03/03–05/03/2025)']]);

  it('writes the warnings of a stored trip with the related trips named, once', () => {
    const ctx = syncedTable([stored('t1', 'v1'), stored('t2', 'v1')]);
    const now = [stored('t1', 'v1', { warnings: [overlap] }), stored('t2', 'v1')];
    const first = refreshDerived(ctx, now, new Set([1]), names);
    expect(ctx.edit.cell(0, col('Tình trạng gửi'))).toBe('Đã lưu — Cảnh báo: Trùng ngày. Liên quan: Đi cơ sở dòng 3 (03/03–05/03/2025).');
    expect(first).toEqual([expect.objectContaining({ code: 'OVERLAP', row: 0, related: ['t2'] })]);
    // The sheet already says so: the next publish reports nothing new for that row.
    const again = { ...ctx, edit: new TableEdit('DiCoSo', headers.length, ctx.edit.finalRows()) };
    expect(refreshDerived(again, now, new Set([1]), names)).toEqual([]);
    expect(again.edit.changed).toBe(false);
  });
});

import type { ComplianceRow } from '../../../shared/models';
import { CADRES, templateHeaders, TRIPS } from '../../../addin/sheet/columns';
import { planPublish } from '../../../addin/sheet/diff';
import { mapHeaders } from '../../../addin/sheet/header-map';
import { TableEdit } from '../../../addin/sheet/table-edit';
import { applyPublishResults, finalIssueRows, writeCompliance } from '../../../addin/sheet/write-back';

describe('applyPublishResults', () => {
  const headers = templateHeaders(TRIPS);
  const map = mapHeaders(headers, TRIPS);
  const col = (h: string): number => headers.indexOf(h);
  const row = (unit: string, mark = ''): unknown[] => headers.map((h) => ({ 'Mã cán bộ': 'CB01', 'Đơn vị đến': unit, 'Ngày đi': 45719, 'Ngày về': 45721, 'Nội dung': 'kiem_tra', 'Xoá (đánh x)': mark })[h] ?? '');

  it('writes ids, versions, hashes and statuses; leaves rejected rows as typed; maps errors to cells', () => {
    const body = [row('A'), row('B'), row('C')];
    const edit = new TableEdit('DiCoSo', headers.length, body);
    let n = 0;
    const plan = planPublish(TRIPS, map, body, () => `id${++n}`);
    const issues = applyPublishResults({ spec: TRIPS, map, edit, categories: [] }, plan, [
      { ref: 0, id: 'id1', version: 'v1', outcome: 'created', warnings: [{ code: 'UNKNOWN_UNIT', field: 'unit', message: 'Đơn vị đến "A" không có.' }], derived: { countedDays: { 2025: 3 }, reportStatus: 'on_time', reportDeadline: '2025-03-15' } },
      { ref: 1, id: 'id2', version: null, outcome: 'rejected', errors: [{ field: 'endDate', code: 'END_BEFORE_START', message: 'Ngày về sai.' }] },
      { ref: 2, id: 'id3', version: 'v7', outcome: 'conflict', current: { id: 'id3', version: 'v7', unit: 'Z' } },
    ]);
    const rows = edit.finalRows();
    expect(rows[0][col('Mã dòng')]).toBe('id1');
    expect(rows[0][col('Phiên bản')]).toBe('v1');
    expect(rows[0][col('Mã kiểm tra')]).toBe(plan.rows[0].hash);
    expect(rows[0][col('Tình trạng gửi')]).toBe('Đã lưu (mới) — Cảnh báo: Đơn vị đến "A" không có.');
    expect(rows[0][col('Số ngày được tính')]).toBe(3);
    expect(rows[0][col('Hạn báo cáo')]).toBe(45731);
    expect(rows[1].slice(0, 10)).toEqual(body[1].slice(0, 10));
    expect(rows[1][col('Tình trạng gửi')]).toBe('Lỗi: Ngày về sai.');
    expect(rows[1][col('Phiên bản')]).toBe('');
    expect(String(rows[2][col('Tình trạng gửi')])).toMatch(/^Xung đột: dòng đã được người khác sửa trên máy chủ/);
    expect(issues.map((i) => [i.severity, i.row, i.col])).toEqual([
      ['warning', 0, col('Đơn vị đến')],
      ['error', 1, col('Ngày về')],
      ['conflict', 2, col('Tình trạng gửi')],
    ]);
  });

  it('points issues without a visible field (none, or the hidden id) at the status cell', () => {
    const body = [row('A'), row('B')];
    const edit = new TableEdit('DiCoSo', headers.length, body);
    const plan = planPublish(TRIPS, map, body, () => 'bad id!');
    const issues = applyPublishResults({ spec: TRIPS, map, edit, categories: [] }, plan, [
      { ref: 0, id: 'a', version: 'v1', outcome: 'created', warnings: [{ code: 'NOT_REPORTED', message: 'Chưa nộp báo cáo.' }] },
      { ref: 1, id: null, version: null, outcome: 'rejected', errors: [{ field: 'id', code: 'INVALID_FORMAT', message: 'Mã dòng sai.' }] },
    ]);
    expect(issues.map((i) => [i.severity, i.col])).toEqual([
      ['warning', col('Tình trạng gửi')],
      ['error', col('Tình trạng gửi')],
    ]);
  });

  it('removes deleted rows and shifts the issues below them', () => {
    const body = [row('A', 'x'), row('B')];
    body[0][col('Mã dòng')] = 'id0';
    body[0][col('Phiên bản')] = 'v1';
    const edit = new TableEdit('DiCoSo', headers.length, body);
    const plan = planPublish(TRIPS, map, body, () => 'id1');
    const issues = applyPublishResults({ spec: TRIPS, map, edit, categories: [] }, plan, [
      { ref: 0, id: 'id0', version: 'v2', outcome: 'deleted' },
      { ref: 1, id: 'id1', version: null, outcome: 'rejected', errors: [{ field: 'contents[0]', code: 'UNKNOWN_CATEGORY', message: 'x' }] },
    ]);
    expect(edit.toWrite().deleteRows).toEqual([0]);
    expect(finalIssueRows(edit, issues).map((i) => [i.row, i.col])).toEqual([[0, col('Nội dung')]]);
  });
});

describe('writeCompliance', () => {
  it('fills the roster columns by cadre id and blanks cadres not listed', () => {
    const headers = templateHeaders(CADRES);
    const map = mapHeaders(headers, CADRES);
    const col = (h: string): number => headers.indexOf(h);
    const body = ['CB01', 'CB02'].map((id) => headers.map((h) => (h === 'Mã cán bộ' ? id : h === 'Đánh giá' ? 'cũ' : '')));
    const edit = new TableEdit('CanBo', headers.length, body);
    const c: ComplianceRow = { cadreId: 'CB01', fullName: 'A', department: 'B', subject: true, eligibleDays: 365, requiredDays: 60, countedDays: 61.5, remainingDays: 0, percent: 102.5, expectedToDate: 60, status: 'met', trips: 9, unitsVisited: 5, reports: { on_time: 8, late: 1, pending: 0, overdue: 2 }, registered: true, plannedDays: 60 };
    writeCompliance({ spec: CADRES, map, edit, categories: [] }, [c]);
    const rows = edit.finalRows();
    expect([col('Số ngày phải đi'), col('Số ngày đã đi'), col('Còn thiếu'), col('Tỷ lệ (%)'), col('Đánh giá'), col('Báo cáo trễ hạn'), col('Báo cáo quá hạn')].map((i) => rows[0][i])).toEqual([60, 61.5, 0, 102.5, 'Đạt', 1, 2]);
    expect(rows[1][col('Đánh giá')]).toBe('');
  });
});

import { CADRES, templateHeaders, TRIPS } from '../../../addin/sheet/columns';
import { isDeleteMark, isSynced, planPublish } from '../../../addin/sheet/diff';
import { mapHeaders } from '../../../addin/sheet/header-map';
import { rowHash } from '../../../addin/sheet/hash';
import { fieldCells } from '../../../addin/sheet/rows';

const headers = templateHeaders(TRIPS);
const map = mapHeaders(headers, TRIPS);
const row = (v: Record<string, unknown>): unknown[] => headers.map((h) => v[h] ?? '');
const trip = { 'Mã cán bộ': 'CB01', 'Đơn vị đến': 'X01', 'Ngày đi': '03/03/2025', 'Ngày về': '05/03/2025', 'Nội dung': 'kiem_tra' };
const synced = (v: Record<string, unknown>, id: string, version: string): unknown[] => {
  const r = row(v);
  return row({ ...v, 'Mã dòng': id, 'Phiên bản': version, 'Mã kiểm tra': rowHash(fieldCells(TRIPS, map, r)) });
};

describe('the content hash and the trip report columns added later', () => {
  it('hashes a row without report texts as before they existed, and a report text changes it', () => {
    const r = row({ ...trip, 'Kinh phí (VNĐ)': '' });
    const original = TRIPS.fields.filter((f) => !f.hashLast).map((f) => r[map.fields[f.field]]);
    expect(rowHash(fieldCells(TRIPS, map, r))).toBe(rowHash(original));
    const reported = row({ ...trip, 'Đề xuất, kiến nghị': 'Hỗ trợ kinh phí' });
    expect(rowHash(fieldCells(TRIPS, map, reported))).not.toBe(rowHash(original));
  });

  it('puts the three wrapped report columns right after the report date', () => {
    const i = headers.indexOf('Ngày nộp báo cáo');
    expect(headers.slice(i + 1, i + 4)).toEqual(['Kết quả đi cơ sở', 'Khó khăn, vướng mắc của cơ sở', 'Đề xuất, kiến nghị']);
    expect(TRIPS.fields.filter((f) => f.wrap).map((f) => f.field)).toEqual(['findings', 'difficulties', 'proposals']);
  });
});

describe('planPublish', () => {
  it('sends new and changed rows, skips synced and blank ones, gives new trips a client id', () => {
    let n = 0;
    const body = [
      synced(trip, 't1', 'v1'),
      row({ ...Object.fromEntries(synced(trip, 't2', 'v2').map((v, i) => [headers[i], v])), 'Đơn vị đến': 'X02' }),
      row(trip),
      row({}),
    ];
    const plan = planPublish(TRIPS, map, body, () => `new-${++n}`);
    expect(plan.rows.map((r) => r.row)).toEqual([1, 2]);
    expect(plan.rows[0].request).toMatchObject({ ref: 1, id: 't2', version: 'v2', unit: 'X02' });
    expect(plan.rows[1].request).toMatchObject({ ref: 2, id: 'new-1', cadreId: 'CB01', startDate: '03/03/2025' });
    expect(plan.rows[1].request.version).toBeUndefined();
    expect(plan.newIds).toEqual([{ row: 2, id: 'new-1' }]);
    expect(plan.rows[1].hash).toBe(rowHash(fieldCells(TRIPS, map, body[2])));
  });

  it('sends a synced row again while its status still shows a rejection (an edit typed back to the stored values), not otherwise', () => {
    const stored = Object.fromEntries(synced(trip, 't1', 'v1').map((v, i) => [headers[i], v]));
    const body = [
      row({ ...stored, 'Tình trạng gửi': 'Lỗi: "Ngày về" phải sau "Ngày đi".' }),
      row({ ...stored, 'Tình trạng gửi': 'Đã lưu (đã cập nhật)' }),
      row({ ...stored, 'Tình trạng gửi': 'Xung đột: dòng đã được người khác sửa trên máy chủ.' }),
    ];
    const plan = planPublish(TRIPS, map, body, () => 'unused');
    expect(plan.rows.map((r) => r.request)).toEqual([expect.objectContaining({ ref: 0, id: 't1', version: 'v1', unit: 'X01' })]);
    expect(plan.rows[0].hash).toBe(stored['Mã kiểm tra']);
  });

  it('turns delete marks into deletes (stored rows) or local removals (never stored)', () => {
    const body = [
      row({ ...Object.fromEntries(synced(trip, 't1', 'v1').map((v, i) => [headers[i], v])), 'Xoá (đánh x)': 'x' }),
      row({ ...trip, 'Xoá (đánh x)': 'X' }),
      row({ ...trip, 'Xoá (đánh x)': 'Không' }),
    ];
    const plan = planPublish(TRIPS, map, body, () => 'id');
    expect(plan.rows.map((r) => r.request)).toEqual([{ ref: 0, id: 't1', version: 'v1', deleted: true }, expect.objectContaining({ ref: 2, id: 'id' })]);
    expect(plan.localDeletes).toEqual([1]);
  });

  it('uses the natural key for cadres and sends a renamed key as a new row', () => {
    const ch = templateHeaders(CADRES);
    const cmap = mapHeaders(ch, CADRES);
    const r = ch.map((h) => ({ 'Mã cán bộ': 'CB09', 'Họ và tên': 'A', 'Mã dòng': 'CB01', 'Phiên bản': 'v1' })[h] ?? '');
    const plan = planPublish(CADRES, cmap, [r], () => 'unused');
    expect(plan.rows[0].request).toEqual({ ref: 0, id: 'CB09', cadreId: 'CB09', fullName: 'A' });
    expect(plan.newIds).toEqual([]);
  });

  it('knows the delete marks and synced rows', () => {
    expect(['x', 'Có', '1', true].every(isDeleteMark)).toBe(true);
    expect(['', 'không', '0', 'FALSE', false, null].some(isDeleteMark)).toBe(false);
    expect(isSynced(TRIPS, map, synced(trip, 't1', 'v1'))).toBe(true);
    expect(isSynced(TRIPS, map, row(trip))).toBe(false);
  });
});

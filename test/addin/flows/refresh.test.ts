import { ApiClient } from '../../../addin/api/client';
import { publishChanges } from '../../../addin/flows/publish';
import { refreshFromServer } from '../../../addin/flows/refresh';
import { resolveConflict } from '../../../addin/flows/resolve';
import { createWorkbookTemplate } from '../../../addin/flows/template';
import { FakeApi } from '../fake-api';
import { ExcelHost } from '../../office-host/host';

const tripRow = (i: number) => ({ id: `t${i}`, cadreId: 'CB01', unit: `X${i}`, startDate: '2025-03-03', endDate: '2025-03-04', contents: ['kiem_tra'], derived: { countedDays: { 2025: 2 }, reportStatus: 'on_time', reportDeadline: '2025-03-14' }, warnings: [] });

async function setup() {
  const excel = new ExcelHost();
  const api = new FakeApi();
  const client = new ApiClient({ apiUrl: 'http://api.test/api/', org: 'demo', apiKey: api.key }, api.fetch);
  await createWorkbookTemplate({ excel, api: client, year: 2025 });
  return { excel, api, client };
}

describe('refreshFromServer', () => {
  it('brings 2,000 server trips into the sheet in 5 syncs (read 3; find rows by id 1, write 1)', async () => {
    const { excel, api, client } = await setup();
    api.seed('cadres', { id: 'CB01', cadreId: 'CB01', fullName: 'An', department: 'BTC', position: 'CV', subject: true });
    for (let i = 0; i < 2000; i++) api.seed('trips', tripRow(i));
    const before = excel.syncCount;
    const r = await refreshFromServer({ excel, api: client, year: 2025 });
    expect(excel.syncCount - before).toBe(5);
    expect(r.counts).toEqual({ added: 2001, updated: 0, removed: 0, flagged: 0 });
    const trips = excel.records('DiCoSo');
    expect(trips).toHaveLength(2000);
    expect(trips[1999]).toMatchObject({ 'Mã dòng': 't1999', 'Đơn vị đến': 'X1999', 'Ngày đi': 45719, 'Nội dung': 'Kiểm tra, giám sát', 'Số ngày được tính': 2, 'Tình trạng báo cáo': 'Đúng hạn' });
    expect(excel.records('CanBo')[0]).toMatchObject({ 'Mã cán bộ': 'CB01', 'Thuộc đối tượng 1+2': 'Có', 'Đánh giá': 'Chậm tiến độ' });
    // Nothing changed locally: a publish right after sends nothing.
    api.requests.length = 0;
    const p = await publishChanges({ excel, api: client, year: 2025 });
    expect(p.sent).toBe(0);
    expect(api.requests.filter((x) => x.url.includes('/publish'))).toEqual([]);
  });

  it('brings 10,000 server trips into an empty table with every sync under 4 MB by office.js’s own measure', async () => {
    const { excel, api, client } = await setup();
    api.seed('cadres', { id: 'CB01', cadreId: 'CB01', fullName: 'An', department: 'BTC', position: 'CV', subject: true });
    const description = 'Kiểm tra công tác đoàn và phong trào thanh thiếu nhi tại cơ sở, làm việc với Ban Chấp hành Đoàn xã.';
    for (let i = 0; i < 10_000; i++) {
      api.seed('trips', { ...tripRow(i), id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, unit: `Xã Phước Hưng ${i}`, description, orderNo: `${i}/QĐ-TĐTN` });
    }
    const from = excel.syncCount;
    const before = excel.syncCount;
    const r = await refreshFromServer({ excel, api: client, year: 2025 });
    expect(r.counts.added).toBe(10_001);
    const payload = excel.maxBytes(from);
    expect(payload.request).toBeLessThan(4_000_000);
    expect(payload.response).toBeLessThan(4_000_000);
    expect(excel.syncCount - before).toBeLessThanOrEqual(7);
    expect(excel.records('DiCoSo')[9999]).toMatchObject({ 'Đơn vị đến': 'Xã Phước Hưng 9999', 'Số công lệnh': '9999/QĐ-TĐTN', 'Mô tả': description });
    console.log(`refresh of 10,000 trips: ${excel.syncCount - before} syncs; largest sync payload: read ${payload.response} B, write ${payload.request} B`);
  });

  it('flags a locally edited row changed on the server; the user takes the server’s or keeps theirs', async () => {
    const { excel, api, client } = await setup();
    api.seed('cadres', { id: 'CB01', cadreId: 'CB01', fullName: 'An', department: 'BTC', position: 'CV', subject: true });
    api.seed('trips', tripRow(1));
    api.seed('trips', tripRow(2));
    await refreshFromServer({ excel, api: client, year: 2025 });
    excel.editCell('DiCoSo', 0, 'Đơn vị đến', 'tại máy');
    excel.editCell('DiCoSo', 1, 'Đơn vị đến', 'tại máy 2');
    api.seed('trips', { ...tripRow(1), unit: 'máy chủ' });
    api.seed('trips', { ...tripRow(2), unit: 'máy chủ 2' });
    const r = await refreshFromServer({ excel, api: client, year: 2025 });
    expect(r.counts.flagged).toBe(2);
    expect(excel.records('DiCoSo').map((x) => x['Đơn vị đến'])).toEqual(['tại máy', 'tại máy 2']);
    const [first, second] = r.issues.filter((i) => i.severity === 'conflict');
    expect(first.en).toBe('Conflict: the server has a newer version, but this row has unsent edits, so it was not overwritten. In the 1+2 Tracker pane, click "Keep mine" or "Take the server\'s".');
    await resolveConflict({ excel, api: client, year: 2025 }, first, 'takeServer');
    await resolveConflict({ excel, api: client, year: 2025 }, second, 'keepMine');
    expect(excel.records('DiCoSo').map((x) => x['Đơn vị đến'])).toEqual(['máy chủ', 'tại máy 2']);
    const p = await publishChanges({ excel, api: client, year: 2025 });
    expect(p.summary).toMatchObject({ updated: 1, conflict: 0 });
    expect(api.store.get('trips')!.get('t2')!.unit).toBe('tại máy 2');
  });

  it('keeps codes as typed in the text-formatted code columns (leading zeros, formula-like text)', async () => {
    const { excel, api, client } = await setup();
    api.seed('cadres', { id: '007', cadreId: '007', fullName: '=An', department: '-BTC', position: 'CV', subject: true });
    api.seed('trips', { ...tripRow(1), cadreId: '007', orderNo: '0123' });
    for (let i = 2; i < 5; i++) api.seed('trips', { ...tripRow(i), cadreId: '007', orderNo: `+${i}` });
    await refreshFromServer({ excel, api: client, year: 2025 });
    expect(excel.bodyCell('CanBo', 0, 'Mã cán bộ')).toMatchObject({ value: '007', formula: null, numberFormat: '@' });
    expect(excel.bodyCell('CanBo', 0, 'Họ và tên')).toMatchObject({ value: '=An', formula: null });
    expect(excel.bodyCell('CanBo', 0, 'Ban/Văn phòng')).toMatchObject({ value: '-BTC', formula: null });
    expect(excel.bodyCell('DiCoSo', 0, 'Số công lệnh')).toMatchObject({ value: '0123', formula: null, numberFormat: '@' });
    for (let r = 0; r < 4; r++) expect(excel.bodyCell('DiCoSo', r, 'Mã cán bộ')).toMatchObject({ value: '007', formula: null });
    expect(excel.bodyCell('DiCoSo', 3, 'Số công lệnh')).toMatchObject({ value: '+4', formula: null });
    api.requests.length = 0;
    const p = await publishChanges({ excel, api: client, year: 2025 });
    expect(p.sent).toBe(0);
  });

  it('writes strings into columns the user formatted as Text without the apostrophe; publishing again sends nothing', async () => {
    const { excel, api, client } = await setup();
    api.seed('cadres', { id: 'CB01', cadreId: 'CB01', fullName: 'An', department: 'BTC', position: 'CV', subject: true });
    api.seed('trips', { ...tripRow(1), description: 'Họp lần 1' });
    await refreshFromServer({ excel, api: client, year: 2025 });
    // The user formats their description and status columns as Text, types a trip, publishes twice.
    excel.formatColumn('DiCoSo', 'Mô tả', '@');
    excel.formatColumn('DiCoSo', 'Tình trạng gửi', '@');
    excel.typeRows('DiCoSo', [{ 'Mã cán bộ': 'CB01', 'Đơn vị đến': 'Xã 5', 'Ngày đi': '10/03/2025', 'Ngày về': '11/03/2025', 'Nội dung': 'Kiểm tra, giám sát', 'Mô tả': '=2+3 lần 2' }]);
    expect(excel.bodyCell('DiCoSo', 1, 'Mô tả').numberFormat).toBe('@');
    const first = await publishChanges({ excel, api: client, year: 2025 });
    expect(first.summary).toMatchObject({ created: 1 });
    expect(excel.bodyCell('DiCoSo', 1, 'Mô tả')).toMatchObject({ value: '=2+3 lần 2', formula: null });
    api.requests.length = 0;
    expect((await publishChanges({ excel, api: client, year: 2025 })).sent).toBe(0);
    expect(api.requests.filter((x) => x.url.includes('/publish'))).toEqual([]);
    // Another workbook changes both descriptions and a unit: the refresh writes them as they are.
    const stored = [...api.store.get('trips')!.values()];
    const mine = stored.find((t) => t.id !== 't1')!;
    const t1 = stored.find((t) => t.id === 't1')!;
    api.seed('trips', { ...t1, description: "'Họp lần 2, số 12/QĐ", unit: '-Xã 7', version: `${String(t1.version)}-2` });
    api.seed('trips', { ...mine, description: '+84 912 345 678', version: `${String(mine.version)}-2` });
    const r = await refreshFromServer({ excel, api: client, year: 2025 });
    expect(r.counts.updated).toBe(2);
    // Text cells: verbatim (a leading apostrophe of the data itself kept); a General cell: the data, Excel dropping the escape.
    expect(excel.bodyCell('DiCoSo', 0, 'Mô tả')).toMatchObject({ value: "'Họp lần 2, số 12/QĐ", formula: null, numberFormat: '@' });
    expect(excel.bodyCell('DiCoSo', 1, 'Mô tả')).toMatchObject({ value: '+84 912 345 678', formula: null, numberFormat: '@' });
    expect(excel.bodyCell('DiCoSo', 0, 'Đơn vị đến')).toMatchObject({ value: '-Xã 7', formula: null, numberFormat: 'General' });
    expect(excel.allCells('Đi cơ sở').filter((c) => typeof c.value === 'string' && c.value.startsWith("''"))).toEqual([]);
    api.requests.length = 0;
    expect((await publishChanges({ excel, api: client, year: 2025 })).sent).toBe(0);
    expect((await publishChanges({ excel, api: client, year: 2025 })).sent).toBe(0);
    expect(api.requests.filter((x) => x.url.includes('/publish'))).toEqual([]);
  });

  it('replaces every row when the server deleted them all and added others (a table keeps one body row)', async () => {
    const { excel, api, client } = await setup();
    api.seed('trips', tripRow(1));
    api.seed('trips', tripRow(2));
    await refreshFromServer({ excel, api: client, year: 2025 });
    api.seed('trips', { ...tripRow(1), deleted: true, version: 'd1' });
    api.seed('trips', { ...tripRow(2), deleted: true, version: 'd2' });
    api.seed('trips', tripRow(3));
    api.seed('trips', tripRow(4));
    const r = await refreshFromServer({ excel, api: client, year: 2025 });
    expect(r.counts).toMatchObject({ removed: 2, added: 2 });
    expect(excel.records('DiCoSo').map((x) => [x['Mã dòng'], x['Đơn vị đến']])).toEqual([['t3', 'X3'], ['t4', 'X4']]);
    // And when the server deleted them all: one blank row stays, nothing else.
    api.seed('trips', { ...tripRow(3), deleted: true, version: 'd3' });
    api.seed('trips', { ...tripRow(4), deleted: true, version: 'd4' });
    await refreshFromServer({ excel, api: client, year: 2025 });
    expect(excel.body('DiCoSo')).toEqual([new Array(excel.headers('DiCoSo').length).fill('')]);
  });

  it('names the trips a warning relates to by their rows, in 5 syncs, and leaves the status alone the next time', async () => {
    const { excel, api, client } = await setup();
    const message = (ids: string[]) => `Trùng ngày với đợt đi khác của cùng cán bộ: những ngày trùng chỉ được tính một lần. Liên quan: ${ids.join(', ')}.`;
    api.seed('trips', tripRow(1));
    api.seed('trips', { ...tripRow(2), startDate: '2025-03-04', endDate: '2025-03-06', warnings: [{ code: 'OVERLAP', message: message(['t1', 'from-elsewhere']), related: ['t1', 'from-elsewhere'] }] });
    const before = excel.syncCount;
    const r = await refreshFromServer({ excel, api: client, year: 2025 });
    expect(excel.syncCount - before).toBe(5);
    const expected = message(['Đi cơ sở dòng 2 (03/03–04/03/2025)', 'from-elsewhere']);
    expect(excel.records('DiCoSo')[1]['Tình trạng gửi']).toBe(`Cập nhật từ máy chủ — Cảnh báo: ${expected}`);
    expect(r.issues).toEqual([expect.objectContaining({ severity: 'warning', code: 'OVERLAP', row: 1, cell: 'R3', message: expected })]);
    // Nothing changed on the server: the next refreshes list the warning again, and once the
    // statuses say "Đã lưu", write nothing (the named status is not rewritten).
    const again = await refreshFromServer({ excel, api: client, year: 2025 });
    expect(again.issues.map((i) => i.message)).toEqual([expected]);
    expect(excel.records('DiCoSo')[1]['Tình trạng gửi']).toBe(`Đã lưu — Cảnh báo: ${expected}`);
    const written = excel.writtenCells;
    const third = await refreshFromServer({ excel, api: client, year: 2025 });
    expect(third.issues.map((i) => i.message)).toEqual([expected]);
    expect(excel.writtenCells - written).toBe(0);
  });

  it('removes rows deleted on the server', async () => {
    const { excel, api, client } = await setup();
    api.seed('trips', tripRow(1));
    api.seed('trips', tripRow(2));
    await refreshFromServer({ excel, api: client, year: 2025 });
    api.seed('trips', { ...tripRow(1), deleted: true });
    const r = await refreshFromServer({ excel, api: client, year: 2025 });
    expect(r.counts.removed).toBe(1);
    expect(excel.records('DiCoSo').map((x) => x['Mã dòng'])).toEqual(['t2']);
  });
});

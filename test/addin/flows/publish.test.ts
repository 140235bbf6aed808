import { ApiClient } from '../../../addin/api/client';
import { selectTableCell } from '../../../addin/excel/adapter';
import type { Progress } from '../../../addin/flows/context';
import { publishChanges } from '../../../addin/flows/publish';
import { refreshFromServer } from '../../../addin/flows/refresh';
import { createWorkbookTemplate } from '../../../addin/flows/template';
import { CADRES, TRIPS } from '../../../addin/sheet/columns';
import { FakeApi } from '../fake-api';
import { ExcelHost } from '../../office-host/host';
import { ExcelError } from '../../../addin/excel/office-errors';

const H = {
  cadreId: 'Mã cán bộ',
  fullName: 'Họ và tên',
  department: 'Ban/Văn phòng',
  position: 'Chức vụ',
  unit: 'Đơn vị đến',
  start: 'Ngày đi',
  end: 'Ngày về',
  contents: 'Nội dung',
  status: 'Tình trạng gửi',
  id: 'Mã dòng',
  version: 'Phiên bản',
  hash: 'Mã kiểm tra',
  del: 'Xoá (đánh x)',
};

async function setup(): Promise<{ excel: ExcelHost; api: FakeApi; client: ApiClient }> {
  const excel = new ExcelHost();
  const api = new FakeApi();
  const client = new ApiClient({ apiUrl: 'http://api.test', org: 'demo', apiKey: api.key }, api.fetch);
  await createWorkbookTemplate({ excel, api: client, year: 2025 });
  excel.typeRows(CADRES.table, [{ [H.cadreId]: 'CB01', [H.fullName]: 'Nguyễn Văn A', [H.department]: 'Ban Tổ chức', [H.position]: 'Chuyên viên' }]);
  return { excel, api, client };
}

const trip = (i: number): Record<string, unknown> => ({
  [H.cadreId]: 'CB01',
  [H.unit]: `Xã ${i}`,
  [H.start]: 45717 + i,
  [H.end]: 45718 + i,
  [H.contents]: 'Kiểm tra, giám sát',
});

describe('publishChanges', () => {
  it('publishes 2,000 trips with 7 syncs (read 3; client ids 2 and results 2: each finds its rows by id, then writes), in requests under the limits, and writes ids, versions and statuses back', async () => {
    const { excel, api, client } = await setup();
    excel.typeRows(TRIPS.table, Array.from({ length: 2000 }, (_, i) => trip(i)));
    const before = excel.syncCount;
    let ids = 0;
    const steps: string[] = [];
    const stepsEn: string[] = [];
    const onProgress = (p: Progress): void => {
      steps.push(`${p.step.vi} ${p.done}/${p.total}${p.unit ? ` ${p.unit.vi}` : ''}`);
      stepsEn.push(`${p.step.en} ${p.done}/${p.total}${p.unit ? ` ${p.unit.en}` : ''}`);
    };
    const report = await publishChanges({ excel, api: client, year: 2025, makeId: () => `id-${++ids}`, onProgress });
    expect(excel.syncCount - before).toBe(7);
    // The pane's progress bar: counts of rows sent out of the rows to send.
    expect(steps).toEqual(expect.arrayContaining(['Đang gửi Cán bộ… 0/2001 dòng', 'Đang gửi Đi cơ sở… 1/2001 dòng', 'Xong. 2001/2001 dòng']));
    expect(stepsEn).toEqual(['Reading the workbook… 0/0', 'Sending Cán bộ… 0/2001 rows', 'Sending Đi cơ sở… 1/2001 rows', 'Updating the days of the trips… 2001/2001 rows', 'Computing compliance… 2001/2001 rows', 'Writing the results into the workbook… 2001/2001 rows', 'Done. 2001/2001 rows']);
    expect(excel.syncCount - before).toBeLessThanOrEqual(7);
    expect(report.summary.created).toBe(2001);
    const tripPosts = api.requests.filter((r) => r.url.includes('/trips/publish'));
    expect(tripPosts.map((r) => r.rows)).toEqual([2000]);
    for (const r of api.requests) expect(r.bytes).toBeLessThan(4 * 1024 * 1024);
    const rows = excel.records(TRIPS.table);
    expect(rows).toHaveLength(2000);
    expect(rows[0][H.id]).toBe('id-1');
    expect(rows[1999][H.version]).toMatch(/^v\d+$/);
    expect(rows[5][H.status]).toBe('Đã lưu (mới)');
    expect(rows[5]['Số ngày được tính']).toBe(2);
    expect(rows[5]['Tình trạng báo cáo']).toBe('Trễ hạn');
    // Calculation and screen updating were suspended around the writes.
    expect(excel.suspensions.calculation).toBeGreaterThan(0);
    expect(excel.suspensions.screen).toBeGreaterThan(0);
    // The roster's compliance columns are filled for the year.
    const cadre = excel.records(CADRES.table)[0];
    expect(cadre['Số ngày phải đi']).toBe(60);
    expect(cadre['Đánh giá']).toBe('Chậm tiến độ');
    expect(cadre['Báo cáo quá hạn']).toBe(3);
  });

  it('publishes 10,000 trips (Excel on the web) with every sync under 4 MB by office.js’s own measure, in few syncs', async () => {
    const { excel, api, client } = await setup();
    const long =
      'Làm việc với Ban Thường vụ Đoàn xã về công tác tổ chức, kiểm tra sinh hoạt chi đoàn và nắm tình hình thanh niên; ' +
      'dự họp chi đoàn thôn, trao đổi với bí thư chi đoàn về kế hoạch hoạt động hè và công tác phát triển đoàn viên mới.';
    excel.typeRows(TRIPS.table, Array.from({ length: 10_000 }, (_, i) => ({ ...trip(i % 300), [H.unit]: `Xã Phước Hưng ${i}`, 'Mô tả': long })));
    const from = excel.syncCount;
    const before = excel.syncCount;
    let ids = 0;
    const report = await publishChanges({ excel, api: client, year: 2025, makeId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}` });
    expect(report.summary.created).toBe(10_001);
    const payload = excel.maxBytes(from);
    expect(payload.response).toBeLessThan(4_000_000);
    expect(payload.request).toBeLessThan(4_000_000);
    expect(excel.syncCount - before).toBeLessThanOrEqual(9);
    for (const r of api.requests) expect(r.bytes).toBeLessThan(4 * 1024 * 1024);
    const rows = excel.records(TRIPS.table);
    expect(rows[9999]).toMatchObject({ [H.id]: '00000000-0000-4000-8000-000000010000', [H.status]: 'Đã lưu (mới)', 'Mô tả': long });
    console.log(`10,000 trips: ${excel.syncCount - before} syncs; largest sync payload: read ${payload.response} B, write ${payload.request} B`);
  });

  it('sends only changed and new rows the second time, reusing ids, and keeps rejected rows as typed', async () => {
    const { excel, api, client } = await setup();
    excel.typeRows(TRIPS.table, [trip(1), trip(2), { ...trip(3), [H.cadreId]: '' }]);
    let n = 0;
    const first = await publishChanges({ excel, api: client, year: 2025, makeId: () => `t${++n}` });
    expect(first.summary).toMatchObject({ created: 3, rejected: 1 });
    const rejected = excel.records(TRIPS.table)[2];
    expect(rejected[H.status]).toBe('Lỗi: Mã cán bộ (cadreId): bắt buộc phải nhập.');
    expect(rejected[H.unit]).toBe('Xã 3');
    expect(rejected[H.version]).toBe('');
    const issue = first.issues.find((i) => i.severity === 'error')!;
    expect(issue).toMatchObject({ table: 'DiCoSo', row: 2, col: TRIPS.fields.findIndex((f) => f.field === 'cadreId'), code: 'REQUIRED' });
    // Where the user sees it: the sheet's own row number (header on row 1).
    expect(issue).toMatchObject({ sheet: 'Đi cơ sở', cell: 'A4' });

    excel.editCell(TRIPS.table, 0, H.unit, 'Xã mới');
    excel.editCell(TRIPS.table, 2, H.cadreId, 'CB01');
    api.requests.length = 0;
    const second = await publishChanges({ excel, api: client, year: 2025, makeId: () => `t${++n}` });
    const sent = api.requests.filter((r) => r.url.includes('/publish'));
    expect(sent.map((r) => r.rows)).toEqual([2]); // cadres unchanged: not sent; two trips
    expect(second.summary).toMatchObject({ updated: 1, created: 1 });
    expect(excel.records(TRIPS.table)[2][H.id]).toBe('t3'); // the id given before the first send
  });

  it('an edit refused, then typed back to the stored values: the next publish sends the row once more and the error leaves its status', async () => {
    const { excel, api, client } = await setup();
    excel.typeRows(TRIPS.table, [trip(1)]);
    await publishChanges({ excel, api: client, year: 2025, makeId: () => 't1' });
    const stored = excel.records(TRIPS.table)[0];
    excel.editCell(TRIPS.table, 0, H.cadreId, '');
    expect((await publishChanges({ excel, api: client, year: 2025, makeId: () => 'unused' })).summary).toMatchObject({ rejected: 1 });
    expect(excel.records(TRIPS.table)[0][H.status]).toMatch(/^Lỗi: /);
    excel.editCell(TRIPS.table, 0, H.cadreId, 'CB01');
    api.requests.length = 0;
    const again = await publishChanges({ excel, api: client, year: 2025, makeId: () => 'unused' });
    expect(api.requests.filter((r) => r.url.includes('/publish')).map((r) => r.rows)).toEqual([1]);
    expect(again.summary).toMatchObject({ unchanged: 1 });
    expect(again.issues).toEqual([]);
    expect(excel.records(TRIPS.table)[0]).toMatchObject({ [H.status]: 'Đã lưu', [H.id]: 't1', [H.version]: stored[H.version], [H.hash]: stored[H.hash] });
    api.requests.length = 0;
    await publishChanges({ excel, api: client, year: 2025, makeId: () => 'unused' });
    expect(api.requests.filter((r) => r.url.includes('/publish'))).toEqual([]);
  });

  it('locates issues on a renamed sheet, and selecting one goes there', async () => {
    const { excel, client } = await setup();
    excel.typeRows(TRIPS.table, [trip(1), { ...trip(2), [H.cadreId]: '' }]);
    excel.renameSheet('Đi cơ sở', 'Chuyến đi 2025');
    const report = await publishChanges({ excel, api: client, year: 2025, makeId: () => `t${Math.random()}` });
    const issue = report.issues.find((i) => i.severity === 'error')!;
    expect(issue).toMatchObject({ sheet: 'Chuyến đi 2025', cell: 'A3', row: 1 });
    await selectTableCell(excel, issue.table, issue.row, issue.col ?? 0);
    expect(excel.selection).toEqual({ sheet: 'Chuyến đi 2025', address: "'Chuyến đi 2025'!A3" });
    expect(excel.activeSheet).toBe('Chuyến đi 2025');
  });

  it('works on tables the user renamed (found by their markers), writing back to them, and says which table is missing', async () => {
    const { excel, api, client } = await setup();
    excel.typeRows(TRIPS.table, [trip(1), { ...trip(2), [H.cadreId]: '' }]);
    excel.renameTable(TRIPS.table, 'ChuyenDi2025');
    // A table deleted outright (its sheet removed): reported, not silently skipped.
    excel.wb.deleteSheet(excel.sheet('Miễn giảm'));
    let n = 0;
    const report = await publishChanges({ excel, api: client, year: 2025, makeId: () => `t${++n}` });
    expect(report.missing).toEqual([{ table: 'MienGiam', sheet: 'Miễn giảm' }]);
    expect(api.store.get('trips')!.size).toBe(1);
    expect(excel.records('ChuyenDi2025').map((r) => [r[H.id], r[H.version] !== ''])).toEqual([['t1', true], ['t2', false]]);
    const issue = report.issues.find((i) => i.severity === 'error')!;
    expect(issue).toMatchObject({ table: 'ChuyenDi2025', sheet: 'Đi cơ sở', cell: 'A3' });
    await selectTableCell(excel, issue.table, issue.row, issue.col ?? 0);
    expect(excel.selection).toEqual({ sheet: 'Đi cơ sở', address: "'Đi cơ sở'!A3" });
    // Refresh finds it too.
    const refreshed = await refreshFromServer({ excel, api: client, year: 2025 });
    expect(refreshed.missing).toEqual([{ table: 'MienGiam', sheet: 'Miễn giảm' }]);
    expect(excel.records('ChuyenDi2025')).toHaveLength(2);
  });

  it('deletes marked rows on the server and removes them from the sheet', async () => {
    const { excel, api, client } = await setup();
    excel.typeRows(TRIPS.table, [trip(1), trip(2), trip(3)]);
    let n = 0;
    await publishChanges({ excel, api: client, year: 2025, makeId: () => `t${++n}` });
    excel.editCell(TRIPS.table, 1, H.del, 'x');
    const report = await publishChanges({ excel, api: client, year: 2025, makeId: () => `t${++n}` });
    expect(report.summary.deleted).toBe(1);
    expect(excel.records(TRIPS.table).map((r) => r[H.id])).toEqual(['t1', 't3']);
    expect(api.store.get('trips')!.get('t2')!.deleted).toBe(true);
  });

  it('reports a conflict with the server row when the version is stale', async () => {
    const { excel, api, client } = await setup();
    excel.typeRows(TRIPS.table, [trip(1)]);
    await publishChanges({ excel, api: client, year: 2025, makeId: () => 't1' });
    const stored = api.store.get('trips')!.get('t1')!;
    api.seed('trips', { ...stored, unit: 'Sửa ở máy khác', version: 'v-other' });
    excel.editCell(TRIPS.table, 0, H.unit, 'Sửa ở đây');
    const report = await publishChanges({ excel, api: client, year: 2025 });
    const conflict = report.issues.find((i) => i.severity === 'conflict')!;
    expect(conflict.current).toMatchObject({ unit: 'Sửa ở máy khác', version: 'v-other' });
    expect(String(excel.records(TRIPS.table)[0][H.status])).toMatch(/^Xung đột: dòng đã được người khác sửa trên máy chủ/);
    expect(excel.records(TRIPS.table)[0][H.unit]).toBe('Sửa ở đây');
  });

  it('never turns a value into a formula when writing back', async () => {
    const { excel, client } = await setup();
    excel.typeRows(TRIPS.table, [{ ...trip(1), [H.unit]: "'=HYPERLINK(\"x\")" }]);
    await publishChanges({ excel, api: client, year: 2025, makeId: () => '=1+1' });
    const idCell = excel.bodyCell(TRIPS.table, 0, H.id);
    expect(idCell.formula).toBeNull();
    expect(idCell.value).toBe('=1+1');
  });

  it('reports a whole-request failure in Vietnamese and still writes what was done', async () => {
    const { excel, api, client } = await setup();
    excel.typeRows(TRIPS.table, [trip(1)]);
    api.key = 'other-key';
    const report = await publishChanges({ excel, api: client, year: 2025, makeId: () => 't1' });
    expect(report.failure?.vi).toMatch(/khoá API/);
    expect(report.failure?.vi).toMatch(/HTTP 401/);
    expect(report.failure?.en).toMatch(/API key.*HTTP 401/);
    expect(excel.records(TRIPS.table)[0][H.id]).toBe('t1');
  });

  it('updates the figures and warnings of stored trips that another trip just changed', async () => {
    const { excel, api, client } = await setup();
    excel.typeRows(TRIPS.table, [trip(1)]);
    await publishChanges({ excel, api: client, year: 2025, makeId: () => 't1' });
    const stored = api.store.get('trips')!.get('t1')!;
    // What the server now computes for t1 once an earlier trip takes its first dates.
    api.seed('trips', { ...stored, derived: { countedDays: { 2025: 1 }, reportStatus: 'pending', reportDeadline: '2025-03-20' }, warnings: [{ code: 'OVERLAP', message: 'Trùng ngày với đợt đi khác.', related: ['t2'] }] });
    excel.typeRows(TRIPS.table, [trip(0)]);
    const report = await publishChanges({ excel, api: client, year: 2025, makeId: () => 't2' });
    const rows = excel.records(TRIPS.table);
    expect(rows[0]).toMatchObject({ 'Số ngày được tính': 1, 'Tình trạng báo cáo': 'Chờ báo cáo', [H.status]: 'Đã lưu — Cảnh báo: Trùng ngày với đợt đi khác.' });
    expect(rows[1][H.status]).toBe('Đã lưu (mới)');
    expect(report.issues).toEqual([expect.objectContaining({ severity: 'warning', code: 'OVERLAP', row: 0 })]);
  });
});

describe('publishChanges: warnings about other rows', () => {
  const overlapOf = (related: string[]) => ({
    code: 'OVERLAP',
    message: `Trùng ngày với đợt đi khác của cùng cán bộ: những ngày trùng chỉ được tính một lần. Liên quan: ${related.join(', ')}.`,
    related,
  });

  it('names the related trips by sheet row and dates in the status and the issue list, in the same 7 syncs', async () => {
    const { excel, api, client } = await setup();
    excel.typeRows(TRIPS.table, [trip(1), trip(2), trip(3)]);
    // The third trip overlaps the second, and a trip of another workbook (not in this sheet).
    api.warningsFor = (kind, id) => (kind === 'trips' && id === 'u3' ? [overlapOf(['u2', 'elsewhere-id'])] : []);
    let n = 0;
    const before = excel.syncCount;
    const report = await publishChanges({ excel, api: client, year: 2025, makeId: () => `u${++n}` });
    expect(excel.syncCount - before).toBe(7);
    const named = 'Liên quan: Đi cơ sở dòng 3 (03/03–04/03/2025), elsewhere-id.';
    expect(excel.records(TRIPS.table)[2][H.status]).toBe(`Đã lưu (mới) — Cảnh báo: Trùng ngày với đợt đi khác của cùng cán bộ: những ngày trùng chỉ được tính một lần. ${named}`);
    const warning = report.issues.find((i) => i.severity === 'warning')!;
    // The warning points at the row's status cell (R4: header on row 1, trip on row 4).
    expect(warning).toMatchObject({ code: 'OVERLAP', row: 2, cell: 'R4', related: ['u2', 'elsewhere-id'] });
    expect(warning.message).toBe(`Trùng ngày với đợt đi khác của cùng cán bộ: những ngày trùng chỉ được tính một lần. ${named}`);
    // In English (the pane's English mode) by its code, the rows named the same way.
    expect(warning.en).toBe('Overlaps another trip of the same cadre: the shared days count once. Related: Đi cơ sở row 3 (03/03–04/03/2025), elsewhere-id.');
  });

  it('gives each rejected row’s errors and each conflict in English too; the sheet’s status stays Vietnamese', async () => {
    const { excel, api, client } = await setup();
    excel.typeRows(TRIPS.table, [{ ...trip(1), [H.cadreId]: '' }, trip(2)]);
    let n = 0;
    const report = await publishChanges({ excel, api: client, year: 2025, makeId: () => `u${++n}` });
    const error = report.issues.find((i) => i.severity === 'error')!;
    expect(error.message).toBe('Mã cán bộ (cadreId): bắt buộc phải nhập.');
    expect(error.en).toBe('Cadre code (cadreId): is required.');
    expect(excel.records(TRIPS.table)[0][H.status]).toBe('Lỗi: Mã cán bộ (cadreId): bắt buộc phải nhập.');
    // Another workbook changes the second trip; this one edits it too.
    const stored = api.store.get('trips')!.get('u2')!;
    api.seed('trips', { ...stored, unit: 'Xã khác', version: `${stored.version}-2` });
    excel.editCell(TRIPS.table, 1, H.unit, 'Xã của tôi');
    const conflict = (await publishChanges({ excel, api: client, year: 2025 })).issues.find((i) => i.severity === 'conflict')!;
    expect(conflict.message).toMatch(/^Xung đột: dòng đã được người khác sửa/);
    expect(conflict.en).toBe('Conflict: someone else changed this row on the server. In the 1+2 Tracker pane, click "Keep mine" or "Take the server\'s".');
  });

  it('names the rows as they are once deleted rows are gone', async () => {
    const { excel, api, client } = await setup();
    excel.typeRows(TRIPS.table, [trip(1), trip(2), trip(3)]);
    let n = 0;
    await publishChanges({ excel, api: client, year: 2025, makeId: () => `u${++n}` });
    excel.editCell(TRIPS.table, 0, H.del, 'x');
    excel.editCell(TRIPS.table, 2, H.unit, 'Xã khác');
    api.warningsFor = (kind, id) => (kind === 'trips' && id === 'u3' ? [overlapOf(['u2'])] : []);
    const report = await publishChanges({ excel, api: client, year: 2025, makeId: () => `u${++n}` });
    expect(report.summary).toMatchObject({ deleted: 1, updated: 1 });
    const rows = excel.records(TRIPS.table);
    expect(rows.map((r) => r[H.id])).toEqual(['u2', 'u3']);
    expect(String(rows[1][H.status])).toMatch(/Liên quan: Đi cơ sở dòng 2 \(03\/03–04\/03\/2025\)\.$/);
    expect(report.issues).toEqual([expect.objectContaining({ code: 'OVERLAP', row: 1, message: expect.stringMatching(/Liên quan: Đi cơ sở dòng 2 /) })]);
  });

  it('names them in the figures of stored trips another trip just changed, and reports them once', async () => {
    const { excel, api, client } = await setup();
    excel.typeRows(TRIPS.table, [trip(1)]);
    let n = 0;
    await publishChanges({ excel, api: client, year: 2025, makeId: () => `u${++n}` });
    const stored = api.store.get('trips')!.get('u1')!;
    // Once the earlier trip u2 is published, the server says u1 overlaps it.
    api.seed('trips', { ...stored, warnings: [overlapOf(['u2'])] });
    excel.typeRows(TRIPS.table, [trip(0)]);
    const report = await publishChanges({ excel, api: client, year: 2025, makeId: () => `u${++n}` });
    expect(String(excel.records(TRIPS.table)[0][H.status])).toMatch(/^Đã lưu — Cảnh báo: .*Liên quan: Đi cơ sở dòng 3 \(01\/03–02\/03\/2025\)\.$/);
    expect(report.issues).toEqual([expect.objectContaining({ code: 'OVERLAP', row: 0, message: expect.stringContaining('Liên quan: Đi cơ sở dòng 3 (01/03–02/03/2025).') })]);
    // Another trip later: u1's status already says so, so it is not reported again.
    excel.typeRows(TRIPS.table, [trip(20)]);
    const next = await publishChanges({ excel, api: client, year: 2025, makeId: () => `u${++n}` });
    expect(next.issues).toEqual([]);
    expect(String(excel.records(TRIPS.table)[0][H.status])).toMatch(/Liên quan: Đi cơ sở dòng 3 /);
  });
});

describe('publishChanges, as users shape their workbook', () => {
  it('finds columns by header after the user reorders them and inserts their own (with formulas left alone)', async () => {
    const { excel, api, client } = await setup();
    excel.moveColumn(TRIPS.table, H.start, 0);
    excel.moveColumn(TRIPS.table, H.contents, 2);
    excel.insertColumn(TRIPS.table, 1, 'Ghi chú riêng');
    excel.typeRows(TRIPS.table, [{ ...trip(1), 'Ghi chú riêng': '=LEN(B2)' }, trip(2)]);
    const report = await publishChanges({ excel, api: client, year: 2025, makeId: () => `t${Math.random().toString(36).slice(2, 8)}` });
    expect(report.summary.created).toBe(3);
    const sent = [...api.store.get('trips')!.values()].map((r) => [r.cadreId, r.unit, r.startDate, r.contents]);
    expect(sent).toEqual([
      ['CB01', 'Xã 1', 45718, 'Kiểm tra, giám sát'],
      ['CB01', 'Xã 2', 45719, 'Kiểm tra, giám sát'],
    ]);
    const first = excel.records(TRIPS.table)[0];
    expect(first[H.status]).toBe('Đã lưu (mới)');
    expect(excel.bodyCell(TRIPS.table, 0, 'Ghi chú riêng').formula).toBe('=LEN(B2)');
    expect(excel.headers(TRIPS.table).slice(0, 4)).toEqual([H.start, 'Ghi chú riêng', H.cadreId, H.contents]);
    // A later change on the server comes back into the moved columns.
    const stored = api.store.get('trips')!.get(String(first[H.id]))!;
    api.seed('trips', { ...stored, unit: 'Xã đổi tên', version: 'v-new' });
    await refreshFromServer({ excel, api: client, year: 2025 });
    expect(excel.records(TRIPS.table)[0]).toMatchObject({ [H.unit]: 'Xã đổi tên', [H.start]: 45718, 'Ghi chú riêng': '#FORMULA' });
    expect(excel.bodyCell(TRIPS.table, 0, 'Ghi chú riêng').formula).toBe('=LEN(B2)');
  });

  it('publishes the kinds in dependency order: cadres, units, absences, registrations, trips', async () => {
    const { excel, api, client } = await setup();
    excel.typeRows('DiCoSo', [trip(1)]);
    excel.typeRows('DangKy', [{ [H.cadreId]: 'CB01', 'Năm': 2025 }]);
    excel.typeRows('MienGiam', [{ [H.cadreId]: 'CB01', 'Từ ngày': '01/02/2025', 'Lý do': 'Thai sản' }]);
    excel.typeRows('DonVi', [{ 'Mã đơn vị': 'X01', 'Tên đơn vị': 'Xã An Bình', 'Loại đơn vị': 'Xã' }]);
    await publishChanges({ excel, api: client, year: 2025, makeId: () => `id${Math.random().toString(36).slice(2, 8)}` });
    const kinds = api.requests.filter((r) => r.url.includes('/publish')).map((r) => /orgs\/demo\/(\w+)\/publish/.exec(r.url)![1]);
    expect(kinds).toEqual(['cadres', 'units', 'absences', 'registrations', 'trips']);
  });

  it('a retry after a lost answer never duplicates: the ids were in the sheet before the first send', async () => {
    const { excel, api, client } = await setup();
    excel.typeRows(TRIPS.table, [trip(1), trip(2)]);
    // The server stores the trips, but the answer never reaches the pane.
    const realFetch = api.fetch;
    const lossy = new ApiClient({ apiUrl: 'http://api.test', org: 'demo', apiKey: api.key }, async (url, init) => {
      const res = await realFetch(url, init);
      if (url.includes('/trips/publish')) throw new TypeError('Failed to fetch');
      return res;
    });
    let n = 0;
    const lost = await publishChanges({ excel, api: lossy, year: 2025, makeId: () => `t${++n}` });
    expect(lost.failure?.vi).toMatch(/Không kết nối được máy chủ API/);
    expect(lost.failure?.en).toMatch(/Cannot reach the API server/);
    expect(api.store.get('trips')!.size).toBe(2);
    const ids = excel.records(TRIPS.table).map((r) => r[H.id]);
    expect(ids).toEqual(['t1', 't2']);
    // The user clicks again: same ids, no version → the server recognises them.
    const retry = await publishChanges({ excel, api: client, year: 2025, makeId: () => `t${++n}` });
    expect(retry.summary).toMatchObject({ created: 0, unchanged: 2 });
    expect(api.store.get('trips')!.size).toBe(2);
    expect(excel.records(TRIPS.table).map((r) => [r[H.id], r[H.version] !== ''])).toEqual([['t1', true], ['t2', true]]);
  });
  it('a cell being edited stops the publish before anything is sent, saying what to do in both languages', async () => {
    const { excel, api, client } = await setup();
    excel.typeRows(TRIPS.table, [trip(1)]);
    excel.editMode = true;
    const e = (await publishChanges({ excel, api: client, year: 2025 }).catch((x: unknown) => x)) as ExcelError;
    expect(e).toBeInstanceOf(ExcelError);
    expect(e.code).toBe('InvalidOperationInCellEditMode');
    expect(e.text.vi).toMatch(/^Không đọc được bảng tính\. Excel đang ở chế độ sửa ô\. Nhấn Enter/);
    expect(e.text.en).toMatch(/^Could not read the workbook\. Excel is editing a cell\. Press Enter/);
    expect(api.requests.filter((r) => r.url.includes('/publish'))).toEqual([]);
  });

  it('a sheet protected before the final write: the message says the server has the rows, and the next publish repairs the sheet without duplicates', async () => {
    const { excel, api, client } = await setup();
    excel.typeRows(TRIPS.table, [trip(1), trip(2)]);
    const protecting = new ApiClient({ apiUrl: 'http://api.test', org: 'demo', apiKey: api.key }, async (url, init) => {
      if (url.includes('/trips/publish')) excel.sheet(TRIPS.sheet).protected = true;
      return api.fetch(url, init);
    });
    let n = 0;
    const e = (await publishChanges({ excel, api: protecting, year: 2025, makeId: () => `t${++n}` }).catch((x: unknown) => x)) as ExcelError;
    expect(e).toBeInstanceOf(ExcelError);
    expect(e.code).toBe('AccessDenied');
    expect(e.text.vi).toMatch(/^Máy chủ đã nhận 3 dòng nhưng không ghi được kết quả vào bảng tính\..*Bỏ bảo vệ/);
    expect(e.text.en).toMatch(/^The server received 3 rows but the results could not be written.*Unprotect/);
    expect(api.store.get('trips')!.size).toBe(2);
    expect(excel.records(TRIPS.table).map((r) => r[H.version])).toEqual(['', '']);
    // The user unprotects the sheet and publishes again: the server recognises the rows.
    excel.sheet(TRIPS.sheet).protected = false;
    const again = await publishChanges({ excel, api: client, year: 2025, makeId: () => `t${++n}` });
    expect(again.summary).toMatchObject({ created: 0, unchanged: 2 });
    expect(api.store.get('trips')!.size).toBe(2);
    expect(excel.records(TRIPS.table).map((r) => [r[H.id], r[H.version] !== '', r[H.status]])).toEqual([
      ['t1', true, 'Đã lưu'],
      ['t2', true, 'Đã lưu'],
    ]);
  });
});

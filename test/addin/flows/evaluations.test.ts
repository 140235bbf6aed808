/**
 * The "Đánh giá" sheet through the flows, on the emulated Excel host against the real local API
 * (dev host on the run's Azurite): pre-filled from the compliance, refused for a lower role
 * (before sending when the role is known, and the server's 403 when it is not), published by a
 * leader, EVALUATION_STALE on the row after a trip moves the figures.
 */
import type { Role } from '../../../shared/roles';
import { ApiClient } from '../../../addin/api/client';
import type { FlowDeps } from '../../../addin/flows/context';
import { publishChanges } from '../../../addin/flows/publish';
import { refreshFromServer } from '../../../addin/flows/refresh';
import { createWorkbookTemplate } from '../../../addin/flows/template';
import { LEADER_ONLY_TEXT, PREFILLED_TEXT } from '../../../addin/sheet/evaluations';
import { KEYS, startTestApi, type TestApi } from '../../support/api';
import { ExcelHost } from '../../office-host/host';

const clock = new Date('2026-01-10T05:00:00Z'); // 10/01/2026 in Vietnam: 2025's window is over
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({}, { now: () => clock, log: () => undefined });
  expect((await api.call('PUT', '/api/orgs/demo/policies/2025', { body: { requiredDays: 5 } })).status).toBe(200);
});
afterAll(async () => {
  await api?.close();
});

const deps = (excel: ExcelHost, key: string, role: Role | null): FlowDeps => ({ excel, api: new ApiClient({ apiUrl: api.url, org: 'demo', apiKey: key }), year: 2025, role });
const storedEvaluations = async (): Promise<{ id: string; result: string; comment?: string; evaluatedBy: string }[]> => (await api.call('GET', '/api/orgs/demo/evaluations?year=2025')).body.rows;
const column = (excel: ExcelHost, h: string): unknown[] => excel.records('DanhGia').map((r) => r[h]);

test('a leader evaluates every cadre of the year from the pre-filled sheet; staff are refused with the message; a later trip marks the evaluation stale', async () => {
  const excel = new ExcelHost();
  const admin = deps(excel, KEYS.admin, 'admin');
  await createWorkbookTemplate(admin);
  excel.typeRows('CanBo', [
    { 'Mã cán bộ': 'CB01', 'Họ và tên': 'Nguyễn Văn An', 'Ban/Văn phòng': 'BTC', 'Chức vụ': 'CV' },
    { 'Mã cán bộ': 'CB02', 'Họ và tên': 'Trần Thị Bình', 'Ban/Văn phòng': 'BTG', 'Chức vụ': 'CV' },
    { 'Mã cán bộ': 'CB03', 'Họ và tên': 'Lê Văn Cường', 'Ban/Văn phòng': 'VP', 'Chức vụ': 'Lái xe', 'Thuộc đối tượng 1+2': 'Không' },
  ]);
  excel.typeRows('DiCoSo', [
    { 'Mã cán bộ': 'CB01', 'Đơn vị đến': 'Xã A', 'Ngày đi': '03/03/2025', 'Ngày về': '07/03/2025', 'Nội dung': 'kiem_tra' },
    { 'Mã cán bộ': 'CB02', 'Đơn vị đến': 'Xã B', 'Ngày đi': '10/06/2025', 'Ngày về': '11/06/2025', 'Nội dung': 'kiem_tra' },
  ]);
  const setup = await publishChanges(admin);
  expect(setup.failure).toBeUndefined();
  // Pre-filled: one row per subject cadre (not CB03), the suggestion as the result, figures beside it; nothing sent yet.
  expect(excel.records('DanhGia').map((r) => [r['Mã cán bộ'], r['Năm'], r['Kết quả đánh giá'], r['Số ngày đã đi'], r['Số ngày phải đi'], r['Tình trạng thực hiện'], r['Đề xuất theo số liệu']])).toEqual([
    ['CB01', 2025, 'Đạt', 5, 5, 'Đạt', 'Đạt'],
    ['CB02', 2025, 'Không đạt', 2, 5, 'Chưa đạt', 'Không đạt'],
  ]);
  expect(column(excel, 'Tình trạng gửi')).toEqual([PREFILLED_TEXT, PREFILLED_TEXT]);
  expect(await storedEvaluations()).toEqual([]);

  // An editor publishing trips is not bothered by the untouched pre-filled rows…
  excel.typeRows('DiCoSo', [{ 'Mã cán bộ': 'CB02', 'Đơn vị đến': 'Xã C', 'Ngày đi': '01/07/2025', 'Ngày về': '01/07/2025', 'Nội dung': 'kiem_tra' }]);
  const staffTrips = await publishChanges(deps(excel, KEYS.editor, 'editor'));
  expect(staffTrips.failure).toBeUndefined();
  expect(staffTrips.summary.created).toBe(1);
  expect(column(excel, 'Số ngày đã đi')).toEqual([5, 3]);
  // …but an evaluation they edit is refused before sending, said on the row and in the pane.
  excel.editCell('DanhGia', 1, 'Kết quả đánh giá', 'Đạt');
  excel.editCell('DanhGia', 1, 'Nhận xét', 'Ốm dài ngày, có xác nhận');
  const staff = await publishChanges(deps(excel, KEYS.editor, 'editor'));
  expect(staff.sent).toBe(0);
  expect(staff.failure?.vi).toMatch(/^Chưa gửi 1 dòng của trang "Đánh giá": chỉ lãnh đạo \(quyền leader\) mới gửi được đánh giá \(quyền hiện tại: editor\)/);
  expect(staff.failure?.en).toMatch(/only a leader \(role leader\) may publish evaluations \(your role: editor\)/);
  expect(column(excel, 'Tình trạng gửi')).toEqual([PREFILLED_TEXT, LEADER_ONLY_TEXT]);
  expect(staff.issues).toEqual([expect.objectContaining({ severity: 'error', code: 'FORBIDDEN', table: 'DanhGia', row: 1, sheet: 'Đánh giá', message: LEADER_ONLY_TEXT, en: 'Not sent: only a leader (role leader) may publish evaluations.' })]);
  // With the role unknown the server decides: its 403 is shown the same way, with its own words.
  const unknown = await publishChanges(deps(excel, KEYS.editor, null));
  expect(unknown.sent).toBe(0);
  expect(unknown.failure?.vi).toMatch(/chỉ lãnh đạo \(quyền leader\) mới gửi được đánh giá\..*\(HTTP 403\)$/);
  expect(column(excel, 'Tình trạng gửi')).toEqual([PREFILLED_TEXT, LEADER_ONLY_TEXT]);
  expect(await storedEvaluations()).toEqual([]);

  // The leader publishes: the untouched suggestion and the changed result with its comment.
  const leader = deps(excel, KEYS.leader, 'leader');
  const evaluated = await publishChanges(leader);
  expect(evaluated.failure).toBeUndefined();
  expect(evaluated.summary).toMatchObject({ created: 2, rejected: 0 });
  expect(column(excel, 'Tình trạng gửi')).toEqual(['Đã lưu (mới)', 'Đã lưu (mới)']);
  expect(column(excel, 'Mã dòng')).toEqual(['CB01-2025', 'CB02-2025']);
  expect(column(excel, 'Người đánh giá')).toEqual(['Lãnh đạo Demo', 'Lãnh đạo Demo']);
  expect((await storedEvaluations()).map((e) => [e.id, e.result, e.comment, e.evaluatedBy])).toEqual([
    ['CB01-2025', 'dat', undefined, 'Lãnh đạo Demo'],
    ['CB02-2025', 'dat', 'Ốm dài ngày, có xác nhận', 'Lãnh đạo Demo'],
  ]);
  // A result against the suggestion without a comment is rejected on its row, naming the field.
  excel.editCell('DanhGia', 0, 'Kết quả đánh giá', 'Không đạt');
  const noComment = await publishChanges(leader);
  expect(noComment.summary.rejected).toBe(1);
  expect(String(column(excel, 'Tình trạng gửi')[0])).toMatch(/^Lỗi: .*Nhận xét/);
  expect(noComment.issues).toEqual([expect.objectContaining({ code: 'REQUIRED', field: 'comment', row: 0 })]);
  // Put back as stored: sent once more so that the error leaves its status (the server answers
  // unchanged), then nothing to send (the row's hash is the stored one's again).
  excel.editCell('DanhGia', 0, 'Kết quả đánh giá', 'Đạt');
  const putBack = await publishChanges(leader);
  expect([putBack.sent, putBack.summary.unchanged, putBack.summary.rejected]).toEqual([1, 1, 0]);
  expect(column(excel, 'Tình trạng gửi')[0]).toBe('Đã lưu');
  expect((await publishChanges(leader)).sent).toBe(0);

  // A trip entered after the evaluation: the stored evaluation's row says it is stale.
  excel.typeRows('DiCoSo', [{ 'Mã cán bộ': 'CB01', 'Đơn vị đến': 'Xã D', 'Ngày đi': '01/08/2025', 'Ngày về': '02/08/2025', 'Nội dung': 'kiem_tra' }]);
  const later = await publishChanges(deps(excel, KEYS.editor, 'editor'));
  expect(later.failure).toBeUndefined();
  expect(String(column(excel, 'Tình trạng gửi')[0])).toMatch(/^Đã lưu — Cảnh báo: .*lúc đánh giá 5\/5 ngày, nay 7\/5 ngày/);
  expect(column(excel, 'Tình trạng gửi')[1]).toBe('Đã lưu');
  expect(column(excel, 'Số ngày đã đi')).toEqual([7, 3]);
  expect(later.issues).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'EVALUATION_STALE', table: 'DanhGia', row: 0, severity: 'warning' })]));

  // Another workbook refreshes: the stored evaluations arrive, nothing is pre-filled twice, the stale warning stays.
  const other = new ExcelHost();
  const viewer = deps(other, KEYS.viewer, 'viewer');
  await createWorkbookTemplate(viewer);
  const r = await refreshFromServer(viewer);
  expect(other.records('DanhGia').map((x) => [x['Mã cán bộ'], x['Kết quả đánh giá'], x['Nhận xét'], x['Số ngày đã đi']])).toEqual([
    ['CB01', 'Đạt', '', 7],
    ['CB02', 'Đạt', 'Ốm dài ngày, có xác nhận', 3],
  ]);
  expect(r.issues.filter((i) => i.table === 'DanhGia')).toEqual([expect.objectContaining({ code: 'EVALUATION_STALE', row: 0 })]);
  expect((await refreshFromServer(viewer)).counts).toEqual({ added: 0, updated: 0, removed: 0, flagged: 0 });
});

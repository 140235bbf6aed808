/** The flows against the real local API (dev host on the run's Azurite) on the emulated Excel host (office.js). */
import { ApiClient } from '../../../addin/api/client';
import { publishChanges } from '../../../addin/flows/publish';
import { refreshFromServer } from '../../../addin/flows/refresh';
import { createWorkbookTemplate } from '../../../addin/flows/template';
import { KEYS, startTestApi, type TestApi } from '../../support/api';
import { ExcelHost } from '../../office-host/host';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

test('an earlier trip published later moves the stored trip’s counted days and OVERLAP', async () => {
  const excel = new ExcelHost();
  const client = new ApiClient({ apiUrl: api.url, org: 'demo', apiKey: KEYS.editor });
  const deps = { excel, api: client, year: 2025 };
  await createWorkbookTemplate(deps);
  excel.typeRows('CanBo', [{ 'Mã cán bộ': 'CB01', 'Họ và tên': 'An', 'Ban/Văn phòng': 'BTC', 'Chức vụ': 'CV' }]);
  excel.typeRows('DiCoSo', [{ 'Mã cán bộ': 'CB01', 'Đơn vị đến': 'X', 'Ngày đi': '03/03/2025', 'Ngày về': '07/03/2025', 'Nội dung': 'Kiểm tra, giám sát' }]);
  const first = await publishChanges(deps);
  expect(first.failure).toBeUndefined();
  expect(excel.records('DiCoSo')[0]['Số ngày được tính']).toBe(5);
  excel.typeRows('DiCoSo', [{ 'Mã cán bộ': 'CB01', 'Đơn vị đến': 'X', 'Ngày đi': '01/03/2025', 'Ngày về': '04/03/2025', 'Nội dung': 'kiem_tra' }]);
  const second = await publishChanges(deps);
  expect(second.failure).toBeUndefined();
  const rows = excel.records('DiCoSo');
  expect(rows.map((r) => r['Số ngày được tính'])).toEqual([3, 4]);
  // The warning names the earlier trip by its row and dates (its id is hidden in the sheet).
  expect(String(rows[0]['Tình trạng gửi'])).toMatch(/^Đã lưu — Cảnh báo: Trùng ngày.* Liên quan: Đi cơ sở dòng 3 \(01\/03–04\/03\/2025\)\. /);
  expect(second.issues).toEqual(
    expect.arrayContaining([expect.objectContaining({ code: 'OVERLAP', row: 0, message: expect.stringMatching(/Liên quan: Đi cơ sở dòng 3 \(01\/03–04\/03\/2025\)\.$/) })]),
  );
  // A refresh right after changes nothing and flags nothing.
  const r = await refreshFromServer(deps);
  expect(r.counts).toEqual({ added: 0, updated: 0, removed: 0, flagged: 0 });
});

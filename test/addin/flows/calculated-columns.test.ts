/**
 * Growing tables without `rows.add`, through office.js on the emulated host: a user's
 * calculated column keeps its formula in every row through publish and refresh.
 */
import { ApiClient } from '../../../addin/api/client';
import { publishChanges } from '../../../addin/flows/publish';
import { refreshFromServer } from '../../../addin/flows/refresh';
import { createWorkbookTemplate } from '../../../addin/flows/template';
import { CADRES, TRIPS } from '../../../addin/sheet/columns';
import { ExcelHost } from '../../office-host/host';
import { FakeApi } from '../fake-api';

const trip = (i: number): Record<string, unknown> => ({
  'Mã cán bộ': 'CB01',
  'Đơn vị đến': `Xã ${i}`,
  'Ngày đi': 45717 + 3 * i,
  'Ngày về': 45718 + 3 * i,
  'Nội dung': 'Kiểm tra, giám sát',
});

it("keeps a user's calculated column intact in every row through publish and refresh, rows added below without rows.add", async () => {
  const excel = new ExcelHost();
  const api = new FakeApi();
  const client = new ApiClient({ apiUrl: 'http://api.test', org: 'demo', apiKey: api.key }, api.fetch);
  await createWorkbookTemplate({ excel, api: client, year: 2025 });
  excel.typeRows(CADRES.table, [{ 'Mã cán bộ': 'CB01', 'Họ và tên': 'Nguyễn Văn A', 'Ban/Văn phòng': 'Ban Tổ chức', 'Chức vụ': 'Chuyên viên' }]);
  excel.typeRows(TRIPS.table, [trip(1), trip(2)]);
  // The user's own column, a calculated column of the table.
  excel.insertColumn(TRIPS.table, 5, 'Số đêm');
  excel.setColumnFormula(TRIPS.table, 'Số đêm', '=[@[Ngày về]]-[@[Ngày đi]]');
  // Something of the user's below the table: pushed down, never taken into it.
  const sheet = excel.sheet(TRIPS.sheet);
  excel.type(sheet, 10, 0, 'Ghi chú của tôi');
  let n = 0;
  const makeId = (): string => `t${++n}`;
  await publishChanges({ excel, api: client, year: 2025, makeId });
  // Another workbook adds three trips; this one refreshes: three rows are added to the table.
  const other = new ApiClient({ apiUrl: 'http://api.test', org: 'demo', apiKey: api.key }, api.fetch);
  await other.publish('trips', [3, 4, 5].map((i) => ({ ref: i, id: `o${i}`, cadreId: 'CB01', unit: `Xã ${i}`, startDate: '2025-06-0' + i, endDate: '2025-06-0' + i, contents: 'kiem_tra' })));
  const refreshed = await refreshFromServer({ excel, api: client, year: 2025 });
  expect(refreshed.counts.added).toBe(3);
  const rows = excel.records(TRIPS.table);
  expect(rows.map((r) => r['Mã dòng'])).toEqual(['t1', 't2', 'o3', 'o4', 'o5']);
  for (let i = 0; i < rows.length; i++) expect(excel.bodyCell(TRIPS.table, i, 'Số đêm').formula).toBe('=[@[Ngày về]]-[@[Ngày đi]]');
  // A publish that adds rows of its own (new trips typed below) keeps them too.
  excel.typeRows(TRIPS.table, [trip(7)]);
  await publishChanges({ excel, api: client, year: 2025, makeId });
  expect(excel.records(TRIPS.table)).toHaveLength(6);
  for (let i = 0; i < 6; i++) expect(excel.bodyCell(TRIPS.table, i, 'Số đêm').formula).toBe('=[@[Ngày về]]-[@[Ngày đi]]');
  // The note below moved down with the rows added, and is not part of the table.
  const t = excel.table(TRIPS.table);
  const note = [...Array(40).keys()].find((r) => excel.cell(TRIPS.sheet, r, 0).value === 'Ghi chú của tôi');
  expect(note).toBe(13);
  expect(note! > t.top + t.bodyRows).toBe(true);
  // No rows.add reached Excel.
  expect(excel.requests.some((r) => r.error)).toBe(false);
});

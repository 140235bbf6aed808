/**
 * Publish and refresh while the user reshapes the table between the read and the write (the
 * network round trip): every answer lands on the row carrying its id, nothing is lost or
 * duplicated on the server; filters stay; a protected sheet is reported before anything is
 * sent; a final write that failed is repaired by the next publish.
 */
import { ApiClient, type FetchLike } from '../../../addin/api/client';
import { publishChanges } from '../../../addin/flows/publish';
import { refreshFromServer } from '../../../addin/flows/refresh';
import { createWorkbookTemplate } from '../../../addin/flows/template';
import { CADRES, TRIPS } from '../../../addin/sheet/columns';
import { ExcelHost } from '../../office-host/host';
import { FakeApi } from '../fake-api';

const H = { cadreId: 'Mã cán bộ', unit: 'Đơn vị đến', start: 'Ngày đi', end: 'Ngày về', contents: 'Nội dung', status: 'Tình trạng gửi', id: 'Mã dòng', version: 'Phiên bản' };

const trip = (i: number): Record<string, unknown> => ({ [H.cadreId]: 'CB01', [H.unit]: `Xã ${i}`, [H.start]: 45717 + i, [H.end]: 45718 + i, [H.contents]: 'Kiểm tra, giám sát' });

/** The workbook, the API, and a client whose requests can run a user's action first. */
async function setup() {
  const excel = new ExcelHost();
  const api = new FakeApi();
  const before: { match: string; act: () => void }[] = [];
  const fetch: FetchLike = async (url, init) => {
    const i = before.findIndex((b) => url.includes(b.match));
    if (i >= 0) before.splice(i, 1)[0].act();
    return api.fetch(url, init);
  };
  const client = new ApiClient({ apiUrl: 'http://api.test', org: 'demo', apiKey: api.key }, fetch);
  await createWorkbookTemplate({ excel, api: client, year: 2025 });
  excel.typeRows(CADRES.table, [{ [H.cadreId]: 'CB01', 'Họ và tên': 'An', 'Ban/Văn phòng': 'BTC', 'Chức vụ': 'CV' }]);
  let n = 0;
  const deps = { excel, api: client, year: 2025, makeId: () => `t${String(++n).padStart(3, '0')}` };
  /** Runs `act` just before the next request whose URL contains `match`. */
  const whileSending = (match: string, act: () => void): void => {
    before.push({ match, act });
  };
  return { excel, api, deps, whileSending };
}

/** Every trip row of the sheet agrees with the server row of its id (unit and version), and the server has no duplicate. */
function expectRowsMatchServer(excel: ExcelHost, api: FakeApi): void {
  const stored = api.store.get('trips')!;
  const rows = excel.records(TRIPS.table).filter((r) => r[H.id] !== '');
  for (const r of rows) {
    const s = stored.get(String(r[H.id]));
    expect(s).toBeDefined();
    expect([r[H.id], r[H.unit], r[H.version]]).toEqual([s!.id, s!.unit, s!.version]);
  }
  expect(new Set(rows.map((r) => r[H.id])).size).toBe(rows.length);
  const units = [...stored.values()].filter((s) => !s.deleted).map((s) => s.unit);
  expect(new Set(units).size).toBe(units.length);
}

describe('identity-keyed write-back', () => {
  it('a publish whose rows are sorted, inserted, deleted and filtered meanwhile puts every id, version and status on its own row', async () => {
    const { excel, api, deps, whileSending } = await setup();
    excel.typeRows(TRIPS.table, Array.from({ length: 8 }, (_, i) => trip(i)));
    await publishChanges(deps);
    excel.editCell(TRIPS.table, 1, H.unit, 'Xã 1 (sửa)');
    excel.editCell(TRIPS.table, 5, H.unit, 'Xã 5 (sửa)');
    excel.typeRows(TRIPS.table, [trip(20), trip(21)]);
    whileSending('/trips/publish', () => {
      excel.sortTable(TRIPS.table, H.unit, false);
      excel.insertRows(TRIPS.table, 0, 2);
      excel.deleteRows(TRIPS.table, excel.records(TRIPS.table).findIndex((r) => r[H.unit] === 'Xã 7'));
      excel.filterTable(TRIPS.table, H.unit, ['Xã 1 (sửa)', 'Xã 5 (sửa)', 'Xã 20', 'Xã 21', 'Xã 2']);
    });
    const report = await publishChanges(deps);
    expect(report.summary).toMatchObject({ created: 2, updated: 2 });
    expectRowsMatchServer(excel, api);
    const rows = excel.records(TRIPS.table);
    for (const unit of ['Xã 1 (sửa)', 'Xã 5 (sửa)', 'Xã 20', 'Xã 21']) {
      expect(rows.find((r) => r[H.unit] === unit)![H.status]).toMatch(/^Đã lưu/);
    }
    expect(rows.filter((r) => r[H.unit] === '')).toHaveLength(2); // the user's inserted rows, untouched
    expect(excel.isFiltered(TRIPS.table)).toBe(true);
    // Nothing left to send.
    expect((await publishChanges(deps)).sent).toBe(0);
  });

  it('a refresh whose rows are sorted, inserted, deleted and filtered meanwhile writes each server row onto its own row, and adds new ones under the filter', async () => {
    const { excel, api, deps, whileSending } = await setup();
    excel.typeRows(TRIPS.table, Array.from({ length: 6 }, (_, i) => trip(i)));
    await publishChanges(deps);
    for (const id of ['t002', 't004']) {
      const s = api.store.get('trips')!.get(id)!;
      api.seed('trips', { ...s, unit: `${s.unit} (máy chủ)`, version: `${s.version}-2` });
    }
    api.seed('trips', { id: 'srv-new', cadreId: 'CB01', unit: 'Xã mới', startDate: '2025-05-01', endDate: '2025-05-02', contents: ['kiem_tra'] });
    whileSending('/trips', () => {
      excel.sortTable(TRIPS.table, H.unit, false);
      excel.insertRows(TRIPS.table, 1);
      excel.deleteRows(TRIPS.table, excel.records(TRIPS.table).findIndex((r) => r[H.unit] === 'Xã 5'));
      excel.filterTable(TRIPS.table, H.cadreId, ['CB01']);
    });
    const r = await refreshFromServer(deps);
    expect(r.counts).toMatchObject({ updated: 2, added: 1 });
    expectRowsMatchServer(excel, api);
    expect(excel.records(TRIPS.table).map((x) => x[H.unit])).toEqual(expect.arrayContaining(['Xã 1 (máy chủ)', 'Xã 3 (máy chủ)', 'Xã mới']));
    expect(excel.isFiltered(TRIPS.table)).toBe(true);
  });

  it('publishes and refreshes with a filter on: the filter is lifted for inserts and deletes and put back', async () => {
    const { excel, api, deps } = await setup();
    excel.typeRows(TRIPS.table, Array.from({ length: 4 }, (_, i) => trip(i)));
    await publishChanges(deps);
    excel.filterTable(TRIPS.table, H.unit, ['Xã 0', 'Xã 1']);
    excel.editCell(TRIPS.table, 0, 'Xoá (đánh x)', 'x');
    const p = await publishChanges(deps);
    expect(p.summary.deleted).toBe(1);
    api.seed('trips', { id: 'srv-9', cadreId: 'CB01', unit: 'Xã 9', startDate: '2025-05-01', endDate: '2025-05-02', contents: ['kiem_tra'] });
    const r = await refreshFromServer(deps);
    expect(r.counts.added).toBe(1);
    expect(excel.records(TRIPS.table).map((x) => x[H.unit])).toEqual(['Xã 1', 'Xã 2', 'Xã 3', 'Xã 9']);
    expect(excel.isFiltered(TRIPS.table)).toBe(true);
    expect(excel.hiddenRows(TRIPS.table)).toEqual([1, 2, 3]);
  });

  it('says in Vietnamese that a sheet is protected before sending anything', async () => {
    const { excel, api, deps } = await setup();
    excel.typeRows(TRIPS.table, [trip(1)]);
    excel.protect('Đi cơ sở');
    await expect(publishChanges(deps)).rejects.toThrow(/Trang "Đi cơ sở" đang được bảo vệ/);
    await expect(refreshFromServer(deps)).rejects.toThrow(/Trang "Đi cơ sở" đang được bảo vệ/);
    expect(api.requests.filter((r) => r.url.includes('/publish'))).toEqual([]);
  });

  it('a final write that fails after the server accepted the rows is repaired by the next publish', async () => {
    const { excel, api, deps, whileSending } = await setup();
    excel.typeRows(TRIPS.table, [trip(1), trip(2)]);
    // The sheet gets protected while the rows are on their way (another user, a macro).
    whileSending('/trips/publish', () => excel.protect('Đi cơ sở'));
    await expect(publishChanges(deps)).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(api.store.get('trips')!.size).toBe(2);
    expect(excel.records(TRIPS.table).map((r) => r[H.version])).toEqual(['', '']);
    excel.protect('Đi cơ sở', false);
    const again = await publishChanges(deps);
    expect(again.summary).toMatchObject({ unchanged: 2, created: 0 });
    expect(api.store.get('trips')!.size).toBe(2);
    expectRowsMatchServer(excel, api);
    expect(excel.records(TRIPS.table).every((r) => r[H.version] !== '')).toBe(true);
  });
});

/**
 * Every sync of a publish and a refresh of 2,000 changed rows scattered one every other row
 * stays under 4 MB by office.js's own serialisation (the emulated host measures each request
 * and answer), in few syncs: changed cells go as row blocks, not one range per cell. The
 * 10,000-row cases are in publish.test.ts and refresh.test.ts.
 */
import { ApiClient } from '../../../addin/api/client';
import { publishChanges } from '../../../addin/flows/publish';
import { refreshFromServer } from '../../../addin/flows/refresh';
import { createWorkbookTemplate } from '../../../addin/flows/template';
import { CADRES, TRIPS } from '../../../addin/sheet/columns';
import { ExcelHost } from '../../office-host/host';
import { FakeApi } from '../fake-api';

const LONG =
  'Làm việc với Ban Thường vụ Đoàn xã về công tác tổ chức, kiểm tra sinh hoạt chi đoàn và nắm tình hình thanh niên; ' +
  'dự họp chi đoàn thôn, trao đổi với bí thư chi đoàn về kế hoạch hoạt động hè.';
const LIMIT = 4_000_000;

test('publish and refresh of 2,000 changed rows scattered one every other row: every sync under 4 MB, few syncs', async () => {
  const excel = new ExcelHost();
  const api = new FakeApi();
  const client = new ApiClient({ apiUrl: 'http://api.test', org: 'demo', apiKey: api.key }, api.fetch);
  const deps = { excel, api: client, year: 2025, makeId: (() => { let n = 0; return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`; })() };
  await createWorkbookTemplate(deps);
  excel.typeRows(CADRES.table, [{ 'Mã cán bộ': 'CB01', 'Họ và tên': 'An', 'Ban/Văn phòng': 'BTC', 'Chức vụ': 'CV' }]);
  excel.typeRows(TRIPS.table, Array.from({ length: 4000 }, (_, i) => ({ 'Mã cán bộ': 'CB01', 'Đơn vị đến': `Xã Phước Hưng ${i}`, 'Ngày đi': 45717 + (i % 300), 'Ngày về': 45718 + (i % 300), 'Nội dung': 'Kiểm tra, giám sát', 'Mô tả': LONG })));
  await publishChanges(deps);

  // Publish: the user edited every other row.
  for (let i = 0; i < 4000; i += 2) excel.editCell(TRIPS.table, i, 'Mô tả', `${LONG} (sửa ${i})`);
  let from = excel.syncCount;
  const published = await publishChanges(deps);
  expect(published.summary.updated).toBe(2000);
  const pub = { syncs: excel.syncCount - from, ...excel.maxBytes(from) };
  expect(excel.records(TRIPS.table)[3998]['Mô tả']).toBe(`${LONG} (sửa 3998)`);

  // Refresh: another workbook changed the other half.
  const rows = excel.records(TRIPS.table);
  for (let i = 1; i < 4000; i += 2) {
    const id = String(rows[i]['Mã dòng']);
    const s = api.store.get('trips')!.get(id)!;
    api.seed('trips', { ...s, description: `${LONG} (máy chủ ${i})`, version: `${s.version}-2` });
  }
  from = excel.syncCount;
  const refreshed = await refreshFromServer(deps);
  expect(refreshed.counts.updated).toBe(2000);
  const ref = { syncs: excel.syncCount - from, ...excel.maxBytes(from) };
  expect(excel.records(TRIPS.table)[3999]['Mô tả']).toBe(`${LONG} (máy chủ 3999)`);

  for (const m of [pub, ref]) {
    expect(m.request).toBeLessThan(LIMIT);
    expect(m.response).toBeLessThan(LIMIT);
    expect(m.syncs).toBeLessThanOrEqual(8);
  }
  console.log(
    `2,000 scattered changed rows of 4,000 — publish: ${pub.syncs} syncs, largest request ${pub.request} B, largest answer ${pub.response} B; ` +
      `refresh: ${ref.syncs} syncs, largest request ${ref.request} B, largest answer ${ref.response} B`,
  );
});

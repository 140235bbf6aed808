import { ApiClient } from '../../../addin/api/client';
import { publishChanges } from '../../../addin/flows/publish';
import { KEEP_MINE_TEXT, resolveConflict } from '../../../addin/flows/resolve';
import { createWorkbookTemplate } from '../../../addin/flows/template';
import { FakeApi } from '../fake-api';
import { ExcelHost } from '../../office-host/host';

async function conflicted(serverDeleted: boolean) {
  const excel = new ExcelHost();
  const api = new FakeApi();
  const client = new ApiClient({ apiUrl: 'http://api.test', org: 'demo', apiKey: api.key }, api.fetch);
  const deps = { excel, api: client, year: 2025 };
  await createWorkbookTemplate(deps);
  excel.typeRows('DiCoSo', [{ 'Mã cán bộ': 'CB01', 'Đơn vị đến': 'X1', 'Ngày đi': '03/03/2025', 'Ngày về': '04/03/2025', 'Nội dung': 'kiem_tra' }]);
  await publishChanges({ ...deps, makeId: () => 't1' });
  const stored = api.store.get('trips')!.get('t1')!;
  api.seed('trips', serverDeleted ? { ...stored, deleted: true, version: 'v-del' } : { ...stored, unit: 'X-máy-khác', version: 'v-other' });
  excel.editCell('DiCoSo', 0, 'Đơn vị đến', 'X-tại-đây');
  const report = await publishChanges(deps);
  const issue = report.issues.find((i) => i.severity === 'conflict')!;
  return { excel, api, deps, issue };
}

describe('resolveConflict', () => {
  it('keep mine: the row takes the server’s version and is sent again, overwriting the server', async () => {
    const { excel, api, deps, issue } = await conflicted(false);
    const before = excel.syncCount;
    await resolveConflict(deps, issue, 'keepMine');
    expect(excel.syncCount - before).toBe(5);
    expect(excel.records('DiCoSo')[0]).toMatchObject({ 'Đơn vị đến': 'X-tại-đây', 'Tình trạng gửi': KEEP_MINE_TEXT, 'Phiên bản': api.store.get('trips')!.get('t1')!.version });
    const again = await publishChanges(deps);
    expect(again.summary).toMatchObject({ updated: 1, conflict: 0 });
    expect(api.store.get('trips')!.get('t1')!.unit).toBe('X-tại-đây');
  });

  it('take the server’s: the row gets the server’s values and version, nothing left to send', async () => {
    const { excel, api, deps, issue } = await conflicted(false);
    await resolveConflict(deps, issue, 'takeServer');
    expect(excel.records('DiCoSo')[0]).toMatchObject({ 'Đơn vị đến': 'X-máy-khác', 'Phiên bản': api.store.get('trips')!.get('t1')!.version });
    expect((await publishChanges(deps)).sent).toBe(0);
  });

  it('a row deleted on the server: taking the server’s removes it; keeping mine sends it again as new', async () => {
    const taken = await conflicted(true);
    await resolveConflict(taken.deps, taken.issue, 'takeServer');
    // The table's only row goes; Excel keeps one blank body row.
    expect(taken.excel.body('DiCoSo')).toEqual([new Array(taken.excel.headers('DiCoSo').length).fill('')]);
    const kept = await conflicted(true);
    await resolveConflict(kept.deps, kept.issue, 'keepMine');
    const again = await publishChanges(kept.deps);
    expect(again.summary).toMatchObject({ created: 1, conflict: 0 });
    expect(kept.api.store.get('trips')!.get('t1')).toMatchObject({ unit: 'X-tại-đây' });
  });
});

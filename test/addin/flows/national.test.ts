/**
 * The Toàn quốc sheet: the roll-up of the real local API (dev host on Azurite), signed in
 * with a token of a national account (a stand-in for MSAL signs it with a local JWKS), written
 * into the emulated Excel host (office.js).
 */
import { ApiClient } from '../../../addin/api/client';
import type { AuthBackend } from '../../../addin/auth/backend';
import { AuthSession } from '../../../addin/auth/session';
import { updateNational } from '../../../addin/flows/national';
import { NATIONAL_SHEET, NO_FIGURES } from '../../../addin/sheet/national';
import { KEYS, startTestApi, type TestApi } from '../../support/api';
import { cadre, NOW, trip } from '../../support/fixtures';
import { startLocalIdp, type LocalIdp } from '../../support/jwks';
import { ExcelHost } from '../../office-host/host';

let idp: LocalIdp;
let api: TestApi;
beforeAll(async () => {
  idp = await startLocalIdp();
  api = await startTestApi(idp.env({ ADMIN_ACCOUNTS: 'chief@tw.vn:*' }), { now: () => NOW, log: () => undefined });
  for (const org of ['qt', 'hn']) {
    await api.call('POST', `/api/orgs/${org}/cadres/publish`, { key: KEYS.all, body: { rows: [cadre('CB1'), cadre('CB2')] } });
  }
  await api.call('POST', '/api/orgs/qt/trips/publish', { key: KEYS.all, body: { rows: [trip('t1', 'CB1', '2025-03-01', '2025-03-04')] } });
  await api.call('POST', '/api/orgs/qt/recalculate?year=2025&asOf=2025-12-31', { key: KEYS.all });
});
afterAll(async () => {
  await api?.close();
  await idp?.close();
});

function signedInClient(account: string): ApiClient {
  const backend: AuthBackend = {
    kind: 'naa',
    accounts: async () => [],
    silent: async () => ({ accessToken: await idp.token({ preferred_username: account }), account: { username: account, name: account, homeAccountId: 'h' }, expiresOn: new Date(Date.now() + 3_600_000) }),
    interactive: () => Promise.reject(new Error('no UI in tests')),
    signOut: async () => undefined,
  };
  const session = new AuthSession({ clientId: 'c', tenantId: 't', apiScope: 'api://a/access_as_user' }, backend, undefined);
  return new ApiClient({ apiUrl: api.url, org: '', apiKey: '', token: () => session.token() }, fetch);
}

test('writes one row per org, the national total and a chart, in 2 syncs', async () => {
  const excel = new ExcelHost();
  const report = await updateNational({ excel, api: signedInClient('chief@tw.vn'), year: 2025 });
  expect(report).toEqual({ orgs: 2, withFigures: 1, subject: 2, participated: 1, met: 0 });
  expect(excel.syncCount).toBe(2);
  const sheet = excel.sheet(NATIONAL_SHEET);
  const row = (r: number) => Array.from({ length: 8 }, (_, c) => excel.cell(sheet.name, r, c).value);
  expect(row(4)).toEqual(['Mã đơn vị', 'Tên đơn vị', 'Thuộc đối tượng', 'Đã đi cơ sở', 'Tỷ lệ đã đi (%)', 'Đạt', 'Cập nhật lúc', 'Đã khoá sổ']);
  expect(row(5)).toEqual(['hn', 'hn', '', '', '', '', NO_FIGURES, '']);
  expect(row(6).slice(0, 6)).toEqual(['qt', 'qt', 2, 1, 50, 0]);
  expect(String(row(6)[6])).toMatch(/^\d{2}\/\d{2}\/2025 \d{2}:\d{2}$/);
  expect(row(7)).toEqual(['Toàn quốc', '', 2, 1, 50, 0, '', '']);
  expect(sheet.charts.map((c) => c.type)).toEqual(['ColumnClustered']);
});

test('an account of one org gets the API’s 403 as a Vietnamese message', async () => {
  await api.call('PUT', '/api/orgs/qt/members/lan@qt.vn', { key: KEYS.all, body: { role: 'admin' } });
  await expect(updateNational({ excel: new ExcelHost(), api: signedInClient('lan@qt.vn'), year: 2025 })).rejects.toThrow(/không có quyền.*HTTP 403/);
});

test('the client calls me and the members routes with the token', async () => {
  const admin = signedInClient('chief@tw.vn');
  expect(await admin.me()).toEqual({ account: 'chief@tw.vn', name: 'Nguyễn Thị Lan', memberships: [{ org: '*', role: 'admin' }] });
  expect(await admin.putMember('hn', { account: 'Binh@HN.vn', name: 'Bình', role: 'editor' })).toEqual({ account: 'binh@hn.vn', name: 'Bình', role: 'editor' });
  expect(await admin.members('hn')).toEqual([{ account: 'binh@hn.vn', name: 'Bình', role: 'editor' }]);
  expect((await signedInClient('binh@hn.vn').me()).memberships).toEqual([{ org: 'hn', role: 'editor' }]);
  await admin.deleteMember('hn', 'binh@hn.vn');
  expect(await admin.members('hn')).toEqual([]);
  await expect(admin.deleteMember('hn', 'binh@hn.vn')).rejects.toThrow(/HTTP 404/);
});

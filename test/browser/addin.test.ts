/**
 * The built task pane in headless Chromium, with Office.js served from the local package and
 * `Excel` being Microsoft's own office.js for Excel on the web answered by the emulated host
 * (test/office-host, the same `ExcelHost` the Jest tests use, in this Node process, bridged by
 * Playwright), against the real local API (dev host) on Azurite: create the template, enter
 * rows (good, bad, overlapping), publish, see the errors in the pane and in the sheet, fix,
 * publish, refresh, update the dashboard, edit the org profile, write the Báo cáo năm sheets
 * and download the year-end report through its signed link. Screenshots go to test-artifacts/ (not committed).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { KEYS, startTestApi, type TestApi } from '../support/api';
import { findBrowser } from '../support/find-browser';
import { CLIENT_ID, startLocalIdp, TENANT } from '../support/jwks';
import { ExcelHost } from '../office-host/host';
import { DIST, distIsStale, markDistBuilt, officeFile, officeHostScript, ROOT, serveStatic } from './serve';

const ARTIFACTS = join(ROOT, 'test-artifacts');

jest.setTimeout(90_000);

let api: TestApi;
let site: { url: string; close(): Promise<void> };
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
/** While set, trip publish requests wait for it (to see the progress bar mid-work). */
let holdTripPublish: Promise<void> | null = null;

/** The workbook the pane's office.js talks to: a new workbook with one sheet, as Excel opens it. */
const excel = new ExcelHost();
/** What the host threw instead of answering (a host bug: the test fails). */
const hostFaults: string[] = [];
const BRIDGE = '__excelHost';

/** The page's office.js posts each request here (`OSF.DDA.RichApi.executeRichApiRequestAsync`). */
function answerPage(body: string, hasWrite: boolean): ReturnType<ExcelHost['answer']> {
  try {
    return excel.answer(body, hasWrite);
  } catch (e) {
    hostFaults.push(String(e));
    throw e;
  }
}

/** Waits until `check` holds (what the page's last Excel request did). */
async function until(check: () => boolean, ms = 10_000): Promise<void> {
  for (const end = Date.now() + ms; !check(); ) {
    if (Date.now() > end) throw new Error(`not reached in ${ms} ms: ${check.toString()}`);
    await new Promise((ok) => setTimeout(ok, 10));
  }
}

const shot = (name: string): Promise<Buffer> => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

async function click(id: string): Promise<string> {
  await page.click(`#${id}`);
  await page.waitForFunction(() => {
    const s = document.getElementById('status');
    return !!s && (s.classList.contains('ok') || s.classList.contains('error'));
  });
  const text = (await page.textContent('#status')) ?? '';
  // Leave the status neutral for the next action.
  await page.evaluate(() => {
    const s = document.getElementById('status')!;
    s.className = 'status';
  });
  return text;
}

beforeAll(async () => {
  if (distIsStale()) {
    execFileSync('npx', ['webpack', '--mode', 'production', '--config-name', 'addin'], { cwd: ROOT, stdio: 'ignore' });
    markDistBuilt();
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  api = await startTestApi();
  site = await serveStatic(DIST);
  const found = await findBrowser();
  browser = await chromium.launch({
    executablePath: found.executablePath,
    args: [...found.args, '--no-sandbox', '--disable-gpu', '--ignore-certificate-errors', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    env: { ...process.env, ...found.env },
  });
  page = await browser.newPage({ viewport: { width: 420, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // No internet: Office.js comes from the local @microsoft/office-js package; anything else
  // outside the two local servers is refused.
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (holdTripPublish && url.includes('/trips/publish')) await holdTripPublish;
    if (url.startsWith(site.url) || url.startsWith(api.url)) return route.continue();
    const file = url.includes('appsforoffice.microsoft.com') ? officeFile(url) : null;
    if (file) return route.fulfill({ status: 200, contentType: 'text/javascript', body: readFileSync(file, 'utf8') });
    return route.fulfill({ status: 404, body: '' });
  });
  await page.exposeFunction(BRIDGE, answerPage);
  await page.addInitScript({ content: officeHostScript(BRIDGE) });
  // The first run on a machine unpacks the npm Chromium (find-browser.ts): slow on a busy machine.
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await api?.close();
});


test('template, publish with errors, fix, refresh and dashboard through the pane', async () => {
  const started = Date.now();
  await page.goto(`${site.url}/taskpane.html`);
  await page.waitForSelector('#year option', { state: 'attached' });
  expect(await page.textContent('#product-name')).toBe('Theo dõi 1+2');
  expect(await page.evaluate(() => typeof (window as unknown as { Office?: { onReady?: unknown } }).Office?.onReady)).toBe('function');

  // Settings are kept per user in localStorage; a wrong key gets a clear 401 message.
  await page.fill('#api-url', api.url);
  await page.fill('#org', 'demo');
  await page.fill('#api-key', 'not-a-key');
  await click('save-settings');
  expect(await click('check')).toMatch(/khoá API.*HTTP 401/i);
  // A key of another org: 403, with what to check.
  await page.fill('#api-key', KEYS.other);
  await click('save-settings');
  expect(await click('check')).toMatch(/quyền.*HTTP 403/i);
  await page.fill('#api-key', KEYS.editor);
  await click('save-settings');
  expect(await click('check')).toContain('Kết nối tốt');
  const stored = await page.evaluate(() => localStorage.getItem('tracker12.settings'));
  expect(JSON.parse(stored ?? '{}')).toMatchObject({ org: 'demo', apiKey: KEYS.editor });
  await page.selectOption('#year', '2025');

  expect(await click('create-template')).toContain('Đã tạo mẫu: 6 bảng mới');
  // The pane's `Excel` is office.js's (its request context and error codes), and its requests reached the host.
  expect(await page.evaluate(() => {
    const x = (window as unknown as { Excel: { RequestContext?: unknown; ErrorCodes?: { invalidOperationInCellEditMode?: string } } }).Excel;
    return [typeof x.RequestContext, x.ErrorCodes?.invalidOperationInCellEditMode];
  })).toEqual(['function', 'InvalidOperationInCellEditMode']);
  expect(excel.syncCount).toBeGreaterThan(0);
  const sheets = excel.wb.sheets.map((x) => x.name);
  expect(sheets).toEqual(expect.arrayContaining(['Cán bộ', 'Đơn vị', 'Miễn giảm', 'Đăng ký', 'Đi cơ sở', 'Đánh giá', 'Danh mục']));

  // The user types: two cadres, a unit, and trips: good, overlapping, and bad (ends before it starts).
  {
    const f = excel;
    f.typeRows('CanBo', [
      { 'Mã cán bộ': 'CB01', 'Họ và tên': 'Nguyễn Văn An', 'Ban/Văn phòng': 'Ban Tổ chức', 'Chức vụ': 'Chuyên viên', 'Thuộc đối tượng 1+2': 'Có' },
      { 'Mã cán bộ': 'CB02', 'Họ và tên': 'Trần Thị Bình', 'Ban/Văn phòng': 'Văn phòng', 'Chức vụ': 'Phó Chánh Văn phòng', 'Thuộc đối tượng 1+2': 'Có' },
    ]);
    f.typeRows('DonVi', [{ 'Mã đơn vị': 'X01', 'Tên đơn vị': 'Xã An Bình', 'Loại đơn vị': 'Xã' }]);
    f.typeRows('DiCoSo', [
      { 'Mã cán bộ': 'CB01', 'Đơn vị đến': 'X01', 'Ngày đi': '03/03/2025', 'Ngày về': '07/03/2025', 'Nội dung': 'Kiểm tra, giám sát', 'Mô tả': "'=HYPERLINK(\"http://x\")" },
      { 'Mã cán bộ': 'CB01', 'Đơn vị đến': 'Xã An Bình', 'Ngày đi': '06/03/2025', 'Ngày về': '09/03/2025', 'Nội dung': 'Khảo sát, nắm tình hình' },
      { 'Mã cán bộ': 'CB02', 'Đơn vị đến': 'X01', 'Ngày đi': '10/03/2025', 'Ngày về': '05/03/2025', 'Nội dung': 'kiem_tra' },
    ]);
  }

  const first = await click('publish');
  expect(first).toMatch(/Đã gửi 6 dòng: 5 mới, 0 cập nhật, 0 không đổi, 0 xoá, 1 bị từ chối/);
  await shot('1-publish-with-errors');

  // In the pane: the error and the overlap warning.
  const issueTexts = await page.$$eval('#issues li.issue', (lis) => lis.map((li) => `${li.className}|${li.textContent}`));
  expect(issueTexts.some((x) => x.startsWith('issue error') && x.includes('Ngày về') && x.includes('Đi cơ sở · ô D4'))).toBe(true);
  // The overlap names the other trip as the user finds it (its row and dates), not by its hidden id.
  expect(issueTexts.some((x) => x.startsWith('issue warning') && x.includes('Trùng ngày') && x.endsWith('Liên quan: Đi cơ sở dòng 2 (03/03–07/03/2025).'))).toBe(true);
  // In English, the server's row messages too, by their codes and fields (the sheet's statuses stay Vietnamese).
  await page.click('#lang');
  const issuesEn = await page.$$eval('#issues li.issue .message', (spans) => spans.map((x) => x.textContent));
  expect(issuesEn).toEqual(
    expect.arrayContaining([
      'End date (endDate): "05/03/2025" is before the start date.',
      'Overlaps another trip of the same cadre: the shared days count once. Related: Đi cơ sở row 2 (03/03–07/03/2025).',
    ]),
  );
  expect(await page.$$eval('#issues li.issue .badge', (b) => b.map((x) => x.textContent))).toEqual(expect.arrayContaining(['Error', 'Warning']));
  await page.click('#lang');

  // In the sheet: statuses, untouched rejected values, ids and versions, counted days.
  const trips1 = excel.records('DiCoSo');
  expect(trips1).toHaveLength(3);
  expect(String(trips1[2]['Tình trạng gửi'])).toMatch(/^Lỗi: Ngày về \(endDate\)/);
  expect(trips1[2]['Ngày về']).toBe('05/03/2025');
  expect(trips1[2]['Phiên bản']).toBe('');
  expect(String(trips1[1]['Tình trạng gửi'])).toMatch(/^Đã lưu \(mới\) — Cảnh báo: Trùng ngày.* Liên quan: Đi cơ sở dòng 2 \(03\/03–07\/03\/2025\)\.$/);
  expect(trips1[0]['Số ngày được tính']).toBe(5);
  expect(trips1[1]['Số ngày được tính']).toBe(2);
  expect(trips1[0]['Mã dòng']).toMatch(/^[0-9a-f-]{36}$/);
  expect(trips1[0]['Phiên bản']).not.toBe('');
  // The formula-like description stayed data.
  const desc = excel.bodyCell('DiCoSo', 0, 'Mô tả');
  expect(desc).toMatchObject({ value: '=HYPERLINK("http://x")', formula: null });

  // Clicking the error selects its cell (row 3 of the table, column Ngày về = D).
  await page.click('#issues li.issue.error .issue-link');
  await until(() => excel.selection !== null);
  expect(excel.selection).toEqual({ sheet: 'Đi cơ sở', address: "'Đi cơ sở'!D4" });

  // Compliance columns on the roster for 2025 (the year is over: 7 days → not met).
  const roster1 = excel.records('CanBo');
  expect(roster1[0]).toMatchObject({ 'Mã cán bộ': 'CB01', 'Số ngày phải đi': 60, 'Số ngày đã đi': 7, 'Còn thiếu': 53, 'Đánh giá': 'Chưa đạt' });
  expect(roster1[1]).toMatchObject({ 'Mã cán bộ': 'CB02', 'Số ngày đã đi': 0, 'Đánh giá': 'Chưa đạt' });

  // Fix the bad row and publish again: only it is sent.
  // Also a new, earlier trip that takes the first trip's first dates.
  excel.editCell('DiCoSo', 2, 'Ngày về', '12/03/2025');
  excel.typeRows('DiCoSo', [{ 'Mã cán bộ': 'CB01', 'Đơn vị đến': 'X01', 'Ngày đi': '01/03/2025', 'Ngày về': '04/03/2025', 'Nội dung': 'Kiểm tra, giám sát' }]);
  // The progress bar shows counts while the trips are on their way.
  let release = (): void => undefined;
  holdTripPublish = new Promise<void>((ok) => (release = ok));
  await page.click('#publish');
  await page.waitForFunction(() => /Đang gửi Đi cơ sở… \d+\/\d+/.test(document.getElementById('progress-text')?.textContent ?? ''));
  expect(await page.isVisible('#progress')).toBe(true);
  expect(await page.textContent('#progress-text')).toMatch(/Đang gửi Đi cơ sở… 0\/2 dòng$/);
  expect(await page.isDisabled('#publish')).toBe(true);
  await shot('2a-progress');
  holdTripPublish = null;
  release();
  await page.waitForFunction(() => document.getElementById('status')?.classList.contains('ok'));
  expect(await page.textContent('#status')).toMatch(/Đã gửi 2 dòng: 2 mới/);
  expect(await page.isVisible('#progress')).toBe(false);
  const trips2 = excel.records('DiCoSo');
  expect(String(trips2[2]['Tình trạng gửi'])).toMatch(/^Đã lưu \(mới\)$/);
  expect(trips2[2]['Số ngày được tính']).toBe(3);
  expect(trips2[3]['Số ngày được tính']).toBe(4);
  // The first trip, already stored, now loses 03–04/03: its figures and warning follow.
  expect(trips2[0]['Số ngày được tính']).toBe(3);
  expect(String(trips2[0]['Tình trạng gửi'])).toMatch(/^Đã lưu — Cảnh báo: Trùng ngày.* Liên quan: Đi cơ sở dòng 5 \(01\/03–04\/03\/2025\)\.$/);
  await shot('2-publish-fixed');

  // Another workbook adds a cadre and changes the unit's name; this one refreshes.
  const add = await api.call('POST', '/api/orgs/demo/cadres/publish', {
    key: KEYS.editor,
    body: { rows: [{ cadreId: 'CB03', fullName: 'Lê Văn Cường', department: 'Ban Phong trào', position: 'Chuyên viên' }] },
  });
  expect(add.body.summary.created).toBe(1);
  const unitNow = (await api.call('GET', '/api/orgs/demo/units', { key: KEYS.editor })).body.rows[0];
  const upd = await api.call('POST', '/api/orgs/demo/units/publish', {
    key: KEYS.editor,
    body: { rows: [{ unitCode: 'X01', name: 'Xã An Bình (mới)', kind: 'xa', version: unitNow.version }] },
  });
  expect(upd.body.summary.updated).toBe(1);
  // The user has the roster filtered to two departments: Excel refuses adding rows to a filtered
  // table, so the refresh lifts the filter for the new cadre and puts it back.
  excel.filterTable('CanBo', 'Ban/Văn phòng', ['Ban Tổ chức', 'Văn phòng']);
  expect(await click('refresh')).toMatch(/Đã cập nhật: 1 dòng mới, 1 dòng thay đổi, 0 dòng bị xoá/);
  const roster2 = excel.records('CanBo');
  expect(roster2.map((r) => r['Mã cán bộ'])).toEqual(['CB01', 'CB02', 'CB03']);
  expect(excel.isFiltered('CanBo')).toBe(true);
  expect(excel.hiddenRows('CanBo')).toEqual([2]);
  excel.filterTable('CanBo', 'Ban/Văn phòng', null);
  expect(excel.records('DonVi')[0]['Tên đơn vị']).toBe('Xã An Bình (mới)');
  expect(excel.bodyCell('DiCoSo', 0, 'Mô tả').formula).toBeNull();

  // Conflicts: another workbook changes two trips this one has also edited.
  const storedTrips = (await api.call('GET', '/api/orgs/demo/trips', { key: KEYS.editor })).body.rows as { id: string; version: string }[];
  const mine = excel.records('DiCoSo').map((r) => String(r['Mã dòng']));
  const other = (i: number, description: string) => {
    const s = storedTrips.find((t) => t.id === mine[i])!;
    return { ...s, description, derived: undefined, warnings: undefined };
  };
  const elsewhere = await api.call('POST', '/api/orgs/demo/trips/publish', { key: KEYS.editor, body: { rows: [other(0, 'Sửa ở máy khác'), other(2, 'Sửa ở máy khác 2')] } });
  expect(elsewhere.body.summary.updated).toBe(2);
  excel.editCell('DiCoSo', 0, 'Mô tả', 'Sửa ở máy này');
  excel.editCell('DiCoSo', 2, 'Mô tả', 'Sửa ở máy này 2');
  expect(await click('publish')).toMatch(/2 xung đột/);
  expect(await page.$$eval('#issues li.issue.conflict .server-values', (uls) => uls.map((u) => u.textContent))).toEqual([
    expect.stringContaining('Mô tả: Sửa ở máy khác'),
    expect.stringContaining('Mô tả: Sửa ở máy khác 2'),
  ]);
  expect(await page.$$eval('#issues li.issue.conflict .server-values', (uls) => uls[0].textContent)).toMatch(/Ngày đi: 03\/03\/2025/);
  await shot('3-conflicts');
  // Take the server's values for the first, keep mine for the second, and publish.
  await page.click('#issues li.issue.conflict .take-server');
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Đã xử lý xung đột.');
  await page.click('#issues li.issue.conflict .keep-mine');
  await page.waitForFunction(() => document.querySelectorAll('#issues li.issue.conflict').length === 0);
  expect([excel.records('DiCoSo')[0]['Mô tả'], excel.records('DiCoSo')[2]['Mô tả']]).toEqual(['Sửa ở máy khác', 'Sửa ở máy này 2']);
  expect(await click('publish')).toMatch(/Đã gửi 1 dòng: 0 mới, 1 cập nhật/);
  const after = (await api.call('GET', '/api/orgs/demo/trips', { key: KEYS.editor })).body.rows as { id: string; description?: string }[];
  expect(after.find((t) => t.id === mine[0])!.description).toBe('Sửa ở máy khác');
  expect(after.find((t) => t.id === mine[2])!.description).toBe('Sửa ở máy này 2');

  // A leader's recalculation stores a snapshot; the dashboard shows the year.
  const recalc = await api.call('POST', '/api/orgs/demo/recalculate?year=2025', { key: KEYS.leader });
  expect(recalc.status).toBe(200);
  expect(await click('dashboard')).toMatch(/Đã cập nhật trang Tổng hợp: 2\/3 cán bộ đã đi cơ sở, 0 đạt; 1 mốc/);
  const dash = { a1: excel.at('Tổng hợp', 'A1').value, org: excel.at('Tổng hợp', 'B2').value, year: excel.at('Tổng hợp', 'B3').value, charts: excel.sheet('Tổng hợp').charts.map((c) => c.type) };
  expect(dash).toEqual({ a1: 'TỔNG HỢP THỰC HIỆN CHỦ TRƯƠNG 1+2 (CÁN BỘ ĐI CƠ SỞ)', org: 'demo', year: 2025, charts: ['ColumnClustered', 'Line'] });
  await shot('4-dashboard');
  expect(await page.isVisible('#profile')).toBe(false); // an editor's key: no Thông tin đơn vị

  // Evaluations and closing the year (cycle.md §3–4). The line under the year says it is open;
  // staff see no "Khoá sổ năm", and an evaluation they edit is refused with the message.
  await page.waitForFunction(() => document.getElementById('year-state')?.textContent?.startsWith('Năm 2025: đang mở'));
  expect(await page.isVisible('#close-year')).toBe(false);
  expect(excel.records('DanhGia').map((r) => [r['Mã cán bộ'], r['Kết quả đánh giá'], r['Đề xuất theo số liệu']])).toEqual([
    ['CB01', 'Không đạt', 'Không đạt'],
    ['CB02', 'Không đạt', 'Không đạt'],
    ['CB03', 'Không đạt', 'Không đạt'],
  ]);
  excel.editCell('DanhGia', 1, 'Kết quả đánh giá', 'Đạt');
  excel.editCell('DanhGia', 1, 'Nhận xét', 'Ốm dài ngày, có xác nhận của cơ quan');
  expect(await click('publish')).toMatch(/^Chưa gửi 1 dòng của trang "Đánh giá": chỉ lãnh đạo \(quyền leader\) mới gửi được đánh giá \(quyền hiện tại: editor\)/);
  expect(await page.$$eval('#issues li.issue.error', (lis) => lis.map((li) => li.textContent))).toEqual([expect.stringContaining('chỉ lãnh đạo (quyền leader) mới gửi được đánh giá')]);
  // The leader (another key, same workbook): the button shows; the sheet goes, pre-filled rows included.
  await page.fill('#api-key', KEYS.leader);
  await click('save-settings');
  await page.waitForSelector('#close-year:not([hidden])');
  expect(await click('publish')).toMatch(/^Đã gửi 3 dòng: 3 mới, 0 cập nhật, 0 không đổi, 0 xoá, 0 bị từ chối/);
  expect(excel.records('DanhGia').map((r) => [r['Tình trạng gửi'], r['Người đánh giá']])).toEqual(Array(3).fill(['Đã lưu (mới)', 'Lãnh đạo Demo']));
  // "Khoá sổ năm": the figures being frozen, in the pane; confirmed, the year reads closed.
  expect(await click('close-year')).toMatch(/Xác nhận khoá sổ/);
  expect(await page.isVisible('#year-confirm')).toBe(true);
  expect(await page.textContent('#year-confirm-text')).toMatch(/^Khoá sổ năm 2025\?/);
  const figures = await page.$$eval('#year-confirm-figures dt, #year-confirm-figures dd', (els) => els.map((e) => e.textContent));
  expect(figures.slice(0, 10)).toEqual(['Số liệu tính đến', '31/12/2025', 'Cán bộ thuộc diện', '3', 'Đã đi cơ sở', '2/3 (66,7%)', 'Đạt đủ số ngày', '0/3', 'Đã đánh giá', '3/3']);
  await shot('7-close-year-confirm');
  expect(await click('year-confirm-ok')).toBe('Đã khoá sổ năm 2025 (số liệu chốt đến 31/12/2025): 2/3 cán bộ đã đi cơ sở, 0 đạt, 3 đã đánh giá.');
  expect(await page.isVisible('#year-confirm')).toBe(false);
  await page.waitForFunction(() => /^Năm 2025: đã khoá sổ ngày .* \(Lãnh đạo Demo\), số liệu chốt đến 31\/12\/2025/.test(document.getElementById('year-state')?.textContent ?? ''));
  expect([await page.isVisible('#close-year'), await page.isVisible('#reopen-year')]).toEqual([false, false]);
  expect((await api.call('GET', '/api/orgs/demo/years', { key: KEYS.viewer })).body.rows.find((r: { year: number }) => r.year === 2025).closed.closedBy).toBe('Lãnh đạo Demo');

  // Every cell the pane wrote, on every sheet, is data: no formula, nothing Excel coerced.
  const suspicious = excel.wb.sheets.flatMap((x) =>
    x.grid.flatMap((row, r) => (row ?? []).flatMap((c, j) => (c && (c.formula !== null || c.coerced) ? [`${x.name}!R${r + 1}C${j + 1}=${String(c.formula ?? c.value)}`] : []))),
  );
  expect(suspicious).toEqual([]);

  // English switch.
  await page.click('#lang');
  expect(await page.textContent('#publish')).toBe('Publish changes');
  // The status line follows the switch, and errors come in English too: a cell being edited.
  expect(await page.textContent('#status')).toMatch(/^Closed 2025 \(figures frozen as of 31\/12\/2025\)/);
  expect(await page.textContent('#year-state')).toMatch(/^Year 2025: closed on .* \(Lãnh đạo Demo\), figures frozen as of 31\/12\/2025/);
  excel.editMode = true;
  expect(await click('dashboard')).toMatch(/^Could not write the Tổng hợp sheet\. Excel is editing a cell\. Press Enter/);
  excel.editMode = false;
  await page.mouse.move(5, 400); // not hovering the switch: its resting look
  await shot('5-english');
  // Hovered, the header's switch keeps white text on a tinted blue (not the light grey of other buttons).
  await page.hover('#lang');
  const hovered = await page.$eval('#lang', (el) => getComputedStyle(el).backgroundColor);
  expect(hovered).toBe('rgba(255, 255, 255, 0.16)');
  await page.screenshot({ path: join(ARTIFACTS, '6-header-hover.png'), clip: { x: 0, y: 0, width: 420, height: 60 } });
  await page.click('#lang');
  expect(await page.textContent('#publish')).toBe('Gửi thay đổi');
  expect(await page.textContent('#status')).toMatch(/^Không ghi được trang Tổng hợp\. Excel đang ở chế độ sửa ô\./);

  // Reopening is an admin's act, confirmed in the pane too.
  await page.fill('#api-key', KEYS.admin);
  await click('save-settings');
  await page.waitForSelector('#reopen-year:not([hidden])');
  expect(await page.isVisible('#close-year')).toBe(false);
  await page.click('#reopen-year');
  expect(await page.textContent('#year-confirm-text')).toMatch(/^Mở lại năm 2025\?/);
  expect(await page.textContent('#year-confirm-ok')).toBe('Xác nhận mở lại');
  expect(await click('year-confirm-ok')).toBe('Đã mở lại năm 2025.');
  await page.waitForFunction(() => document.getElementById('year-state')?.textContent?.startsWith('Năm 2025: đang mở'));
  await page.waitForSelector('#close-year:not([hidden])');
  expect(await page.isVisible('#reopen-year')).toBe(false);

  // Thông tin đơn vị (hidden for the editor's and the leader's keys above): the admin's key sees
  // it, loads it, gets a refused field's message under that field, then saves.
  await page.waitForSelector('#profile:not([hidden])');
  await page.click('#profile summary');
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Đã tải thông tin đơn vị demo.');
  await page.fill('#profile-name', 'Tỉnh Đoàn Demo');
  await page.fill('#profile-issuer', 'Ban Chấp hành Đoàn tỉnh Demo');
  await page.fill('#profile-signerTitle', 'TM. Ban Thường vụ\nPhó Bí thư');
  await page.fill('#profile-signerName', 'x'.repeat(201));
  expect(await click('profile-save')).toMatch(/^Thông tin đơn vị chưa được lưu: 1 ô chưa hợp lệ/);
  expect(await page.textContent('#profile-signerName-error')).toBe('Người ký (signerName): dài quá 200 ký tự.');
  expect(await page.isVisible('#profile-name-error')).toBe(false);
  await page.fill('#profile-signerName', 'Nguyễn Văn Bình');
  expect(await click('profile-save')).toBe('Đã lưu thông tin đơn vị demo.');
  expect(await page.isVisible('#profile-signerName-error')).toBe(false);
  expect((await api.call('GET', '/api/orgs/demo/profile', { key: KEYS.viewer })).body).toMatchObject({ name: 'Tỉnh Đoàn Demo', signerTitle: 'TM. Ban Thường vụ\nPhó Bí thư', signerName: 'Nguyễn Văn Bình' });
  await shot('4b-profile');

  // The printable Báo cáo năm sheets, from the report's model: the profile's issuer, the figures of GET compliance.
  expect(await click('year-report-sheet')).toMatch(/^Đã cập nhật trang "Báo cáo năm" của năm 2025 \(khổ A4, sẵn sàng để in\) và trang "Phụ lục báo cáo năm" \(3 cán bộ\)\.$/);
  expect(excel.at('Báo cáo năm', 'A1').value).toBe('BAN CHẤP HÀNH ĐOÀN TỈNH DEMO');
  expect(excel.sheet('Báo cáo năm').pageLayout.settings).toMatchObject({ paperSize: 'A4', orientation: 'Portrait' });
  expect(excel.sheet('Phụ lục báo cáo năm').pageLayout.printTitleRows).toBe('$4:$4');
  const year = (await api.call('GET', '/api/orgs/demo/compliance?year=2025', { key: KEYS.viewer })).body;
  const an = year.cadres.find((c: { cadreId: string }) => c.cadreId === 'CB01');
  const annexRows = [4, 5, 6].map((r) => [excel.cell('Phụ lục báo cáo năm', r, 1).value, excel.cell('Phụ lục báo cáo năm', r, 3).value, excel.cell('Phụ lục báo cáo năm', r, 4).value]);
  expect(annexRows).toContainEqual([an.fullName, an.countedDays, an.requiredDays]);

  // Tải báo cáo năm: no browser window outside Excel desktop, so the pane shows the signed link; it downloads the file without a key.
  expect(await click('report-docx')).toMatch(/^Báo cáo năm 2025 \(Word\) đã sẵn sàng: bấm liên kết bên dưới để tải về \(dùng được đến \d\d:\d\d\)\.$/);
  expect(await page.textContent('#report-link')).toBe('Tải báo cáo năm 2025 (Word)');
  const href = (await page.getAttribute('#report-link', 'href'))!;
  const file = await fetch(href);
  expect([file.status, file.headers.get('content-disposition')]).toEqual([200, 'attachment; filename="bao-cao-1-2-demo-2025.docx"']);
  expect([...new Uint8Array(await file.arrayBuffer()).slice(0, 2)]).toEqual([0x50, 0x4b]);
  expect((await fetch(href.replace('format=docx', 'format=xlsx'))).status).toBe(401);
  await shot('4c-report-link');
  // Excel desktop (requirement set OpenBrowserWindowApi 1.1): the pane hands the link to Office's browser window.
  await page.evaluate(() => {
    type Ctx = { requirements?: { isSetSupported(n: string, v?: string): boolean }; ui?: Record<string, unknown> };
    const w = window as unknown as { Office: { context: Ctx }; __opened: string[] };
    const ctx = w.Office.context;
    const before = ctx.requirements?.isSetSupported.bind(ctx.requirements);
    ctx.requirements = { ...ctx.requirements, isSetSupported: (n: string, v?: string) => n === 'OpenBrowserWindowApi' || (before?.(n, v) ?? false) };
    w.__opened = [];
    ctx.ui ??= {};
    ctx.ui.openBrowserWindow = (url: string) => void w.__opened.push(url);
  });
  expect(await click('report-xlsx')).toMatch(/^Đã mở báo cáo năm 2025 \(Excel\) trong trình duyệt để tải về\./);
  const opened = await page.evaluate(() => (window as unknown as { __opened: string[] }).__opened);
  expect(opened).toEqual([await page.getAttribute('#report-link', 'href')]);
  const xlsx = await fetch(opened[0]);
  expect([xlsx.status, xlsx.headers.get('content-type')]).toEqual([200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
  const reportCells = ['Báo cáo năm', 'Phụ lục báo cáo năm'].flatMap((n) => excel.allCells(n));
  expect(reportCells.filter((c) => c.formula !== null || c.coerced)).toEqual([]);
  expect(reportCells.filter((c) => typeof c.value === 'string' && c.value !== c.value.normalize('NFC'))).toEqual([]);

  expect(pageErrors).toEqual([]);
  expect(hostFaults).toEqual([]);
  // Every request office.js made was answered within Excel's limit, and every reference it kept was released.
  expect(excel.requests.filter((r) => r.error && r.error !== 'InvalidOperationInCellEditMode')).toEqual([]);
  expect(excel.maxBytes().request).toBeLessThan(5_000_000);
  expect(excel.keptReferences).toBe(0);
  expect(Date.now() - started).toBeLessThan(60_000);
});

/**
 * Microsoft 365 sign-in in the same built pane (a second page of the same browser):
 * auth-config.json served beside the pane, Office's dialog replaced by a stand-in that answers
 * as auth-dialog.html does (a token signed by a local JWKS), against a second dev host that
 * checks tokens. Outside an Office host NestedAppAuth 1.1 is not supported, so the pane takes
 * the dialog way: silent sign-in finds no account, then the dialog signs in.
 */
test('signs in with Microsoft 365 through a dialog stand-in: account and orgs shown, token on every call, members managed', async () => {
  const idp = await startLocalIdp();
  const api2 = await startTestApi(idp.env());
  const p = await browser.newPage({ viewport: { width: 420, height: 900 } });
  const errors: string[] = [];
  p.on('pageerror', (e) => errors.push(e.message));
  try {
    await api2.call('PUT', '/api/orgs/qt/members/lan.nguyen@tinhdoan.vn', { key: KEYS.all, body: { role: 'admin', name: 'Lan' } });
    const config = JSON.stringify({ clientId: CLIENT_ID, tenantId: TENANT, apiScope: `api://${CLIENT_ID}/access_as_user` });
    await p.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.endsWith('/auth-config.json')) return route.fulfill({ status: 200, contentType: 'application/json', body: config });
      if (url.startsWith(site.url) || url.startsWith(api2.url)) return route.continue();
      const file = url.includes('appsforoffice.microsoft.com') ? officeFile(url) : null;
      if (file) return route.fulfill({ status: 200, contentType: 'text/javascript', body: readFileSync(file, 'utf8') });
      return route.fulfill({ status: 404, body: '' });
    });
    const opened: string[] = [];
    await p.exposeFunction('__signInToken', () => idp.token());
    await p.exposeFunction('__dialogOpened', (url: string) => void opened.push(url));
    const clickOn = async (id: string): Promise<string> => {
      await p.click(`#${id}`);
      await p.waitForFunction(() => {
        const s = document.getElementById('status');
        return !!s && (s.classList.contains('ok') || s.classList.contains('error'));
      });
      const text = (await p.textContent('#status')) ?? '';
      await p.evaluate(() => (document.getElementById('status')!.className = 'status'));
      return text;
    };

    await p.goto(`${site.url}/taskpane.html`);
    await p.waitForSelector('#sign-in-m365:not([hidden])');
    expect(await p.isVisible('#use-key')).toBe(true);
    await p.evaluate(() => {
      type Handler = (arg: { message: string }) => void;
      const w = window as unknown as { Office: { context: { ui?: unknown } }; __dialogOpened(u: string): Promise<void>; __signInToken(): Promise<string> };
      w.Office.context.ui = {
        displayDialogAsync(url: string, _opts: unknown, cb: (r: unknown) => void) {
          void w.__dialogOpened(url);
          const handlers: Record<string, Handler> = {};
          cb({ status: 'succeeded', value: { addEventHandler: (type: string, h: Handler) => (handlers[type] = h), close: () => undefined } });
          void w.__signInToken().then((token) => {
            const message = JSON.stringify({ ok: true, accessToken: token, username: 'Lan.Nguyen@tinhdoan.vn', name: 'Nguyễn Thị Lan', homeAccountId: 'h', expiresOn: new Date(Date.now() + 3_600_000).toISOString() });
            handlers.dialogMessageReceived?.({ message });
          });
        },
      };
    });
    await p.fill('#api-url', api2.url);
    await clickOn('save-settings');
    expect(await clickOn('sign-in-m365')).toBe('Đã đăng nhập: lan.nguyen@tinhdoan.vn.');
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatch(/\/auth-dialog\.html\?scope=api%3A%2F%2F.*access_as_user/);
    expect(await p.textContent('#account-line')).toBe('Nguyễn Thị Lan (lan.nguyen@tinhdoan.vn)');
    expect(await p.textContent('#memberships-line')).toBe('qt: Quản trị (admin)');
    expect(await p.inputValue('#org')).toBe('qt');
    expect(await p.isVisible('#key-fields')).toBe(false);
    expect(await p.isVisible('#national')).toBe(false);
    // The token goes with every call: the connection check passes without any key.
    expect(await clickOn('check')).toContain('Kết nối tốt');
    // Thành viên (admins only): add a member, then remove it; the audit names the account.
    await p.click('#members summary');
    await p.waitForSelector('#member-list li');
    // In English the memberships, the role lists and the buttons follow; then back to Vietnamese.
    await p.click('#lang');
    expect(await p.textContent('#memberships-line')).toBe('qt: Admin');
    expect(await p.$$eval('#member-role option', (os) => os.map((o) => o.textContent))).toEqual(['Viewer', 'Editor', 'Leader', 'Admin']);
    expect(await p.textContent('#member-list li button')).toBe('Remove');
    await p.click('#lang');
    expect(await p.textContent('#memberships-line')).toBe('qt: Quản trị (admin)');
    await p.fill('#member-account', 'Binh@QT.vn');
    await p.fill('#member-name', 'Bình');
    await p.selectOption('#member-role', 'editor');
    expect(await clickOn('member-add')).toBe('Đã thêm binh@qt.vn vào đơn vị qt.');
    expect((await api2.call('GET', '/api/orgs/qt/members', { key: KEYS.all })).body.rows).toContainEqual({ account: 'binh@qt.vn', name: 'Bình', role: 'editor' });
    await p.click('#member-list li[data-account="binh@qt.vn"] button');
    await p.waitForFunction(() => !document.querySelector('#member-list li[data-account="binh@qt.vn"]'));
    const audit = await api2.call('GET', '/api/orgs/qt/audit', { key: KEYS.all });
    expect(audit.body.rows.filter((r: { kind: string }) => r.kind === 'members').map((r: { who: string }) => r.who)).toEqual(['Admin All', 'lan.nguyen@tinhdoan.vn', 'lan.nguyen@tinhdoan.vn']);
    // Only the account's name is remembered (for silent sign-in next time); sign-out forgets it.
    expect(JSON.parse((await p.evaluate(() => localStorage.getItem('tracker12.auth'))) ?? '{}')).toEqual({ username: 'Lan.Nguyen@tinhdoan.vn' });
    expect(await clickOn('sign-out')).toMatch(/Đã đăng xuất/);
    expect(await p.evaluate(() => localStorage.getItem('tracker12.auth'))).toBeNull();
    expect(await p.isVisible('#key-fields')).toBe(true);
    expect(errors).toEqual([]);
  } finally {
    await p.close();
    await api2.close();
    await idp.close();
  }
});


/**
 * "Tải báo cáo năm" against the real dev API (Azurite): the link the pane opens downloads a real
 * .docx / .xlsx without a key; an altered or expired link is refused; a year without figures,
 * a key of another org and a browser window that fails each say so.
 */
import { ApiClient } from '../../../addin/api/client';
import { chooseOpening, linkExpired, prepareReportDownload, safeLinkUrl } from '../../../addin/flows/report-download';
import { UserError } from '../../../addin/text';
import { KEYS, startTestApi, type TestApi } from '../../support/api';
import { cadre, NOW, trip, unit } from '../../support/fixtures';
import { ExcelHost } from '../../office-host/host';

let api: TestApi;
let clock = NOW;
beforeAll(async () => {
  api = await startTestApi({}, { now: () => clock, log: () => undefined });
  expect((await api.call('POST', '/api/orgs/demo/units/publish', { body: { rows: [unit('X1', 'Xã Một')] } })).status).toBe(200);
  expect((await api.call('POST', '/api/orgs/demo/cadres/publish', { body: { rows: [cadre('CB01'), cadre('CB02')] } })).status).toBe(200);
  expect((await api.call('POST', '/api/orgs/demo/trips/publish', { body: { rows: [trip('T1', 'CB01', '2025-03-03', '2025-03-07', { reportDate: '2025-03-09' })] } })).status).toBe(200);
});
afterAll(() => api?.close());
beforeEach(() => {
  clock = NOW;
});

const deps = (key: string = KEYS.viewer, org = 'demo') => ({ excel: new ExcelHost(), api: new ApiClient({ apiUrl: api.url, org, apiKey: key }), year: 2025 });

const ZIP = [0x50, 0x4b, 0x03, 0x04];
async function get(url: string): Promise<{ status: number; type: string; bytes: Uint8Array }> {
  const res = await fetch(url);
  return { status: res.status, type: res.headers.get('content-type') ?? '', bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe('prepareReportDownload', () => {
  it('opens the signed link in Office’s browser window; it downloads the real .docx and .xlsx without a key', async () => {
    for (const [format, type] of [
      ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ] as const) {
      const opened: string[] = [];
      const d = await prepareReportDownload(deps(), format, (url) => opened.push(url));
      expect(d).toEqual(expect.objectContaining({ format, year: 2025, opened: true }));
      expect(opened).toEqual([d.url]);
      expect(d.url.startsWith(`${api.url}/api/orgs/demo/reports/2025?`)).toBe(true);
      expect(Date.parse(d.expiresAt) - NOW.getTime()).toBe(10 * 60 * 1000);
      const file = await get(d.url);
      expect(file.status).toBe(200);
      expect(file.type).toBe(type);
      expect([...file.bytes.slice(0, 4)]).toEqual(ZIP);
      expect(file.bytes.length).toBeGreaterThan(3000);
    }
  });

  it('without a browser window (Excel on the web) leaves the link to the pane; an altered link is refused', async () => {
    const d = await prepareReportDownload(deps(), 'xlsx', null);
    expect(d.opened).toBe(false);
    const u = new URL(d.url);
    const altered = [
      ['format', 'docx'],
      ['asOf', '2025-06-30'],
      ['expires', String(Number(u.searchParams.get('expires')) + 60_000)],
      ['sig', `${u.searchParams.get('sig')!.slice(0, -2)}AA`],
    ];
    for (const [name, value] of altered) {
      const v = new URL(d.url);
      v.searchParams.set(name, value);
      const res = await get(v.href);
      expect([name, res.status]).toEqual([name, 401]);
    }
    // another year or org in the path
    expect((await get(d.url.replace('/reports/2025?', '/reports/2024?'))).status).toBe(401);
    expect((await get(d.url.replace('/orgs/demo/', '/orgs/other/'))).status).toBe(401);
    // the untouched link still works, until it expires
    expect((await get(d.url)).status).toBe(200);
    clock = new Date(NOW.getTime() + 10 * 60 * 1000 + 1000);
    expect(linkExpired(d.expiresAt, clock)).toBe(true);
    expect((await get(d.url)).status).toBe(401);
  });

  it('falls back to the link when Office’s browser window fails', async () => {
    const d = await prepareReportDownload(deps(), 'docx', () => {
      throw new Error('blocked');
    });
    expect(d.opened).toBe(false);
    expect(safeLinkUrl(d.url)).toBe(d.url);
  });

  it('a year without figures, and a key of another org, get a clear message in both languages', async () => {
    const none = await prepareReportDownload(deps(KEYS.other, 'other'), 'docx', null).catch((e: unknown) => e);
    expect(none).toBeInstanceOf(UserError);
    expect((none as UserError).code).toBe('NO_FIGURES');
    expect((none as UserError).text.vi).toMatch(/^Năm 2025 chưa có số liệu để lập báo cáo/);
    expect((none as UserError).text.en).toMatch(/^There are no 2025 figures/);
    const forbidden = await prepareReportDownload(deps(KEYS.viewer, 'other'), 'xlsx', null).catch((e: unknown) => e);
    expect((forbidden as UserError).code).toBe('FORBIDDEN');
    expect((forbidden as UserError).text.vi).toMatch(/^Không tải được báo cáo năm 2025 \(Excel\)\. .*\(HTTP 403\)$/);
    expect((forbidden as UserError).text.en).toMatch(/^Could not download the 2025 report \(Excel\)\. .*\(HTTP 403\)$/);
    const badKey = await prepareReportDownload(deps('wrong-key'), 'docx', null).catch((e: unknown) => e);
    expect((badKey as UserError).code).toBe('UNAUTHENTICATED');
  });
});

describe('link decisions', () => {
  it('Office’s browser window when there is one, else a link', () => {
    expect(chooseOpening(() => undefined)).toBe('browser-window');
    expect(chooseOpening(null)).toBe('link');
  });

  it('only absolute http(s) URLs are put in the pane', () => {
    expect(safeLinkUrl('https://x.example/a?b=1')).toBe('https://x.example/a?b=1');
    expect(safeLinkUrl('http://127.0.0.1:7071/api/x')).toBe('http://127.0.0.1:7071/api/x');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', '/api/orgs/demo', '', null, 42]) expect(safeLinkUrl(bad)).toBeNull();
  });

  it('a link is expired from its expiry on, and when the expiry is unreadable', () => {
    const at = '2025-12-31T05:10:00.000Z';
    expect(linkExpired(at, new Date('2025-12-31T05:09:59Z'))).toBe(false);
    expect(linkExpired(at, new Date('2025-12-31T05:10:00Z'))).toBe(true);
    expect(linkExpired('soon', NOW)).toBe(true);
  });
});

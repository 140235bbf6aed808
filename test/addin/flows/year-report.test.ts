/**
 * "Cập nhật trang Báo cáo năm" on the emulated Office host against the real dev API (Azurite),
 * for a generated org of 30 cadres: the figures on the sheets equal GET compliance for the
 * year and as-of date; text is NFC and never a formula; the page layout is recorded; a second
 * run updates the same sheets in place.
 */
import { ApiClient } from '../../../addin/api/client';
import { updateYearReportSheet } from '../../../addin/flows/year-report';
import { YEAR_REPORT_ANNEX, YEAR_REPORT_SHEET } from '../../../addin/sheet/year-report';
import { resultSentence } from '../../../shared/report/build';
import { STATUS_LABELS } from '../../../shared/messages';
import { KEYS, startTestApi, type TestApi } from '../../support/api';
import { NOW } from '../../support/fixtures';
import { INJECTIONS, REPORT_PROFILE as PROFILE, reportOrg } from '../../support/report-org';
import { ExcelHost } from '../../office-host/host';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({}, { now: () => NOW, log: () => undefined });
  const org = reportOrg();
  for (const [kind, rows] of [['cadres', org.cadres], ['units', org.units], ['absences', org.absences], ['trips', org.trips]] as const) {
    expect((await api.call('POST', `/api/orgs/demo/${kind}/publish`, { body: { rows } })).status).toBe(200);
  }
  expect((await api.call('PUT', '/api/orgs/demo/profile', { body: PROFILE })).status).toBe(200);
});
afterAll(() => api?.close());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const compliance = async (asOf: string): Promise<any> => (await api.call('GET', `/api/orgs/demo/compliance?year=2025&asOf=${asOf}`, { key: KEYS.viewer })).body;
const deps = (excel: ExcelHost, asOf: string) => ({ excel, api: new ApiClient({ apiUrl: api.url, org: 'demo', apiKey: KEYS.viewer }), year: 2025, asOf });

/** A sheet's values, rows × 8 columns, over its print area and a margin below it. */
function grid(excel: ExcelHost, sheet: string, extra = 20): unknown[][] {
  const rows = Number(/:H(\d+)$/.exec(excel.sheet(sheet).pageLayout.printArea ?? '')?.[1] ?? 0);
  return Array.from({ length: rows + extra }, (_, r) => Array.from({ length: 12 }, (_, c) => excel.cell(sheet, r, c).value));
}

const dept = (d: string): string => (d.trim() === '' ? '(Chưa ghi ban)' : d);

describe('updateYearReportSheet', () => {
  it('writes the report’s figures, equal to GET compliance, as data on A4 pages with the annex’s header repeated', async () => {
    const excel = new ExcelHost();
    const c = await compliance('2025-12-31');
    const result = await updateYearReportSheet(deps(excel, '2025-12-31'));
    const subjects = c.cadres.filter((r: { subject: boolean }) => r.subject);
    expect(result).toEqual({ year: 2025, cadres: subjects.length, sheets: [YEAR_REPORT_SHEET, YEAR_REPORT_ANNEX] });
    expect(excel.activeSheet).toBe(YEAR_REPORT_SHEET);

    // the document: the sentence and the department table, figures as numbers
    const g = grid(excel, YEAR_REPORT_SHEET);
    const firsts = g.map((r) => r[0]);
    expect(firsts.some((t) => typeof t === 'string' && t.startsWith(`${resultSentence({ compliance: c } as never)}, với nhiều nội dung như: `))).toBe(true);
    const head = g.findIndex((r) => r[0] === 'STT' && r[1] === 'Ban/Văn phòng');
    const deps2 = c.summary.byDepartment;
    deps2.forEach((d: { department: string; subject: number; participated: number; met: number; countedDays: number }, i: number) =>
      expect(g[head + 1 + i].slice(0, 7)).toEqual([String(i + 1), dept(d.department), '', d.subject, d.participated, d.met, d.countedDays]),
    );
    expect(g[head + 1 + deps2.length].slice(1, 6)).toEqual(['Tổng cộng', '', c.summary.subject, c.summary.participated, c.summary.met]);

    // the annex: one row per subject cadre with its figures, status label and the name as text
    const a = grid(excel, YEAR_REPORT_ANNEX);
    expect(a[3].slice(0, 8)).toEqual(['STT', 'Họ và tên', 'Ban/Văn phòng', 'Số ngày', 'Yêu cầu', 'Kết quả', 'Đánh giá', 'Nhận xét']);
    const body = a.slice(4, 4 + subjects.length);
    const byName = new Map(body.map((r) => [`${r[1]}|${r[2]}`, r]));
    for (const s of subjects) {
      const row = byName.get(`${s.fullName}|${dept(s.department)}`)!;
      expect(row.slice(3, 6)).toEqual([s.countedDays, s.requiredDays, STATUS_LABELS[s.status as keyof typeof STATUS_LABELS]]);
    }
    expect(a[4 + subjects.length][1]).toBe('');

    // data, never formulas; Vietnamese NFC; the '=' name and the '+' department stay text
    for (const sheet of [YEAR_REPORT_SHEET, YEAR_REPORT_ANNEX]) {
      const cells = excel.allCells(sheet);
      expect(cells.filter((x) => x.formula !== null || x.coerced)).toEqual([]);
      for (const x of cells) if (typeof x.value === 'string') expect(x.value).toBe(x.value.normalize('NFC'));
    }
    expect(body.some((r) => r[1] === INJECTIONS.name)).toBe(true);
    expect(body.some((r) => r[2] === INJECTIONS.department)).toBe(true);

    // page layout recorded: A4 portrait, margins, print area, annex header repeated, page numbers from page 2
    for (const sheet of [YEAR_REPORT_SHEET, YEAR_REPORT_ANNEX]) {
      const pl = excel.sheet(sheet).pageLayout;
      expect(pl.settings).toMatchObject({ paperSize: 'A4', orientation: 'Portrait', centerHorizontally: true });
      expect(Math.round(((pl.settings.leftMargin as number) * 25.4) / 72)).toBe(30);
      expect(pl.printArea).toMatch(/^A1:H\d+$/);
      expect(pl.headersFooters).toMatchObject({ state: 'FirstAndDefault', 'firstPage.centerHeader': '' });
      expect(String(pl.headersFooters['defaultForAllPages.centerHeader'])).toContain('&P');
      expect(excel.sheet(sheet).showGridlines).toBe(false);
    }
    expect(excel.sheet(YEAR_REPORT_ANNEX).pageLayout.printTitleRows).toBe('$4:$4');
    expect(excel.sheet(YEAR_REPORT_SHEET).pageLayout.printTitleRows).toBeNull();
    expect(excel.sheet(YEAR_REPORT_SHEET).merges.length).toBeGreaterThan(10);
    expect(excel.syncCount).toBe(2);
  });

  it('a second run updates the same sheets in place: new figures, nothing left over, merges not doubled', async () => {
    const excel = new ExcelHost();
    excel.addSheet('Ghi chú');
    await updateYearReportSheet(deps(excel, '2025-12-31'));
    const ids = [YEAR_REPORT_SHEET, YEAR_REPORT_ANNEX].map((s) => excel.sheet(s).id);
    const merges = excel.sheet(YEAR_REPORT_SHEET).merges.length;
    const full = grid(excel, YEAR_REPORT_SHEET, 0);
    // the same again: the same cells
    await updateYearReportSheet(deps(excel, '2025-12-31'));
    expect(grid(excel, YEAR_REPORT_SHEET, 0)).toEqual(full);
    expect(excel.sheet(YEAR_REPORT_SHEET).merges.length).toBe(merges);
    // as of mid-year: other figures, in the same sheets
    const mid = await compliance('2025-06-30');
    await updateYearReportSheet(deps(excel, '2025-06-30'));
    expect([YEAR_REPORT_SHEET, YEAR_REPORT_ANNEX].map((s) => excel.sheet(s).id)).toEqual(ids);
    expect(excel.wb.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Ghi chú', YEAR_REPORT_SHEET, YEAR_REPORT_ANNEX]);
    const g = grid(excel, YEAR_REPORT_SHEET, 40);
    expect(g.map((r) => r[0])).toContain('Số liệu trong báo cáo tính đến ngày 30/06/2025.');
    expect(g.map((r) => r[0])).not.toContain('Số liệu trong báo cáo tính đến ngày 31/12/2025.');
    const head = g.findIndex((r) => r[0] === 'STT' && r[1] === 'Ban/Văn phòng');
    expect(g[head + 1 + mid.summary.byDepartment.length].slice(1, 6)).toEqual(['Tổng cộng', '', mid.summary.subject, mid.summary.participated, mid.summary.met]);
    // nothing below the new print area, nothing right of column H
    const last = Number(/:H(\d+)$/.exec(excel.sheet(YEAR_REPORT_SHEET).pageLayout.printArea!)![1]);
    expect(g.slice(last).flat().filter((v) => v !== '')).toEqual([]);
    expect(g.flatMap((r) => r.slice(8)).filter((v) => v !== '')).toEqual([]);
  });

  it('a protected report sheet: the step and what to do, in both languages', async () => {
    const excel = new ExcelHost();
    await updateYearReportSheet(deps(excel, '2025-12-31'));
    excel.protect(YEAR_REPORT_SHEET);
    const err = (await updateYearReportSheet(deps(excel, '2025-12-31')).then(
      () => null,
      (e: unknown) => e,
    )) as { text: { vi: string; en: string } };
    expect(err.text.vi).toMatch(/^Không ghi được trang Báo cáo năm\. .*Bỏ bảo vệ/);
    expect(err.text.en).toMatch(/^Could not write the Báo cáo năm sheet\. .*Unprotect/);
  });
});

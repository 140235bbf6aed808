/**
 * The year-end report through the real dev host on Azurite: a generated org of 30 cadres with
 * absences and cross-year trips; the .docx and .xlsx read back and every figure compared with
 * `GET compliance` for the same year and as-of date; signed links.
 */
import type ExcelJS from 'exceljs';
import { ANNEX_SHEET, REPORT_SHEET } from '../../../functions/report/xlsx';
import { formatMoney, formatNumber, formatPercent } from '../../../shared/report/format';
import { STATUS_LABELS } from '../../../shared/messages';
import { KEYS, startTestApi, type TestApi } from '../../support/api';
import { NOW } from '../../support/fixtures';
import { readDocx, readXlsx, sheetRows } from '../../support/ooxml';
import { INJECTIONS, REPORT_PROFILE as PROFILE, reportOrg } from '../../support/report-org';

interface Row {
  cadreId: string;
  fullName: string;
  department: string;
  subject: boolean;
  countedDays: number;
  requiredDays: number;
  status: keyof typeof STATUS_LABELS;
}

const dept = (d: string): string => (d.trim() === '' ? '(Chưa ghi ban)' : d);

describe('year-end report', () => {
  let api: TestApi;
  let clock = NOW;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let compliance: any;

  async function download(path: string, key: string | null = KEYS.viewer): Promise<{ status: number; headers: Headers; bytes: Uint8Array; json: unknown }> {
    const res = await fetch(`${api.url}${path}`, { headers: key ? { 'x-api-key': key } : {} });
    const bytes = new Uint8Array(await res.arrayBuffer());
    let json: unknown = null;
    if ((res.headers.get('content-type') ?? '').includes('json')) json = JSON.parse(Buffer.from(bytes).toString('utf8'));
    return { status: res.status, headers: res.headers, bytes, json };
  }

  beforeAll(async () => {
    api = await startTestApi({}, { now: () => clock, log: () => undefined });
    const org = reportOrg();
    for (const [kind, rows] of [['cadres', org.cadres], ['units', org.units], ['absences', org.absences], ['trips', org.trips]] as const) {
      const res = await api.call('POST', `/api/orgs/demo/${kind}/publish`, { body: { rows } });
      expect(res.status).toBe(200);
      expect(res.body.results.filter((r: { outcome: string }) => r.outcome === 'rejected')).toEqual([]);
    }
    await api.call('POST', '/api/orgs/other/cadres/publish', { key: KEYS.all, body: { rows: [{ cadreId: 'OX1', fullName: 'Người Đơn Vị Khác', department: 'Ban Bí mật' }] } });
    expect((await api.call('PUT', '/api/orgs/demo/profile', { body: PROFILE })).status).toBe(200);
    compliance = (await api.call('GET', '/api/orgs/demo/compliance?year=2025&asOf=2025-12-31', { key: KEYS.viewer })).body;
  });
  afterAll(() => api.close());

  it('the generated org has what the report must show', () => {
    expect(compliance.cadres).toHaveLength(30);
    expect(compliance.summary.subject).toBeGreaterThan(20);
    expect(compliance.summary.met).toBeGreaterThan(0);
    expect(compliance.summary.participated).toBeLessThan(compliance.summary.subject);
    expect(compliance.summary.unitsNotVisited).toEqual(['X13', 'X14']);
    expect(compliance.cadres.some((c: Row) => c.countedDays % 1 !== 0 || c.requiredDays % 1 !== 0 || c.requiredDays < 60)).toBe(true);
  });

  function expectedSentence(): string {
    const s = compliance.summary;
    return `Năm 2025, ${s.participated}/${s.subject} cán bộ Đoàn chuyên trách cấp tỉnh tham gia đi công tác tại cơ sở (${formatPercent(s.participationPercent)}%), ${s.met}/${s.subject} cán bộ đạt đủ số ngày theo quy định (${compliance.policy.requiredDays} ngày/năm)`;
  }

  /** Every figure line of the text, built from the compliance body. */
  function expectedLines(): string[] {
    const s = compliance.summary;
    return [
      `Tổng số cán bộ Đoàn chuyên trách cấp tỉnh trong danh sách theo dõi: ${compliance.cadres.length} đồng chí`,
      `cán bộ đăng ký kế hoạch đi cơ sở`.replace(/^/, `${s.registered}/${s.subject} `),
      `Số liệu trong báo cáo tính đến ngày 31/12/2025.`,
      expectedSentence(),
      s.unitsNotVisited.length === 0
        ? `đã đến ${s.unitsVisited} đơn vị; không còn đơn vị nào`
        : `đã đến ${s.unitsVisited} đơn vị; còn ${s.unitsNotVisited.length} đơn vị chưa được đến`,
      `${s.reports.on_time} đợt nộp đúng hạn, ${s.reports.late} đợt nộp trễ hạn, ${s.reports.overdue} đợt quá hạn chưa nộp, ${s.reports.pending} đợt chưa đến hạn nộp.`,
      `Tổng kinh phí đi cơ sở: ${formatMoney(s.totalCost)} đồng.`,
    ];
  }

  const subjects = (): Row[] => compliance.cadres.filter((c: Row) => c.subject);

  it('GET …/reports/2025?format=docx: the file, named; every figure equals GET compliance', async () => {
    const res = await download('/api/orgs/demo/reports/2025?format=docx&asOf=2025-12-31');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="bao-cao-1-2-demo-2025.docx"');
    const doc = await readDocx(res.bytes);
    const text = doc.paragraphs.join('\n');
    for (const line of expectedLines()) expect(text).toContain(line);
    const [, departments, cadres] = doc.tables;
    const s = compliance.summary;
    expect(departments.slice(1, -1)).toEqual(
      s.byDepartment.map((d: { department: string; subject: number; participated: number; met: number; countedDays: number }, i: number) => [
        String(i + 1), dept(d.department), String(d.subject), String(d.participated), String(d.met), formatNumber(d.countedDays),
      ]),
    );
    expect(departments.at(-1)!.slice(1)).toEqual(['Tổng cộng', String(s.subject), String(s.participated), String(s.met), formatNumber(s.byDepartment.reduce((n: number, d: { countedDays: number }) => n + d.countedDays, 0))]);
    // one row per subject cadre, each with the cadre's figures (rows grouped by department)
    const body = cadres.slice(1);
    expect(body).toHaveLength(subjects().length);
    const byName = new Map(body.map((r) => [`${r[1]}|${r[2]}`, r]));
    for (const c of subjects()) {
      const row = byName.get(`${c.fullName}|${dept(c.department)}`)!;
      expect(row.slice(3, 6)).toEqual([formatNumber(c.countedDays), formatNumber(c.requiredDays), STATUS_LABELS[c.status]]);
    }
    expect(text).toBe(text.normalize('NFC'));
    expect(cadres.flat()).toContain('Hoàng Đức Việt');
    expect(text).toContain(INJECTIONS.difficulty);
    expect(text).not.toContain('Người Đơn Vị Khác');
    expect(doc.xml).not.toContain('Ban Bí mật');
  });

  it('GET …?format=xlsx: the workbook; figures as numbers equal GET compliance', async () => {
    const res = await download('/api/orgs/demo/reports/2025?format=xlsx&asOf=2025-12-31');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="bao-cao-1-2-demo-2025.xlsx"');
    const wb: ExcelJS.Workbook = await readXlsx(res.bytes);
    const report = sheetRows(wb.getWorksheet(REPORT_SHEET)!);
    const text = report.flat().filter((v) => typeof v === 'string').join('\n');
    for (const line of expectedLines()) expect(text).toContain(line);
    const s = compliance.summary;
    const start = report.findIndex((r) => r[0] === 'STT');
    expect(report.slice(start + 1, start + 1 + s.byDepartment.length)).toEqual(
      s.byDepartment.map((d: { department: string; subject: number; participated: number; met: number; countedDays: number }, i: number) => [String(i + 1), dept(d.department), d.subject, d.participated, d.met, d.countedDays]),
    );
    const annex = sheetRows(wb.getWorksheet(ANNEX_SHEET)!);
    const h = annex.findIndex((r) => r[0] === 'STT');
    const body = annex.slice(h + 1);
    expect(body).toHaveLength(subjects().length);
    const byName = new Map(body.map((r) => [`${r[1]}|${r[2]}`, r]));
    for (const c of subjects()) expect(byName.get(`${c.fullName}|${dept(c.department)}`)!.slice(3, 6)).toEqual([c.countedDays, c.requiredDays, STATUS_LABELS[c.status]]);
    // the injected name is a string cell, not a formula
    expect(annex.flat()).toContain(INJECTIONS.name);
    let formulas = 0;
    wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((cell) => void (cell.formula ? formulas++ : 0))));
    expect(formulas).toBe(0);
  });

  it('another as-of date gives the figures of that date', async () => {
    const mid = (await api.call('GET', '/api/orgs/demo/compliance?year=2025&asOf=2025-06-30', { key: KEYS.viewer })).body;
    const doc = await readDocx((await download('/api/orgs/demo/reports/2025?format=docx&asOf=30/06/2025')).bytes);
    const s = mid.summary;
    expect(doc.paragraphs.join('\n')).toContain(`Năm 2025, ${s.participated}/${s.subject} cán bộ`);
    expect(doc.paragraphs.join('\n')).toContain('tính đến ngày 30/06/2025');
  });

  it('format missing or other → 400 INVALID_PARAM; a bad year or date → 400', async () => {
    for (const q of ['', '?format=', '?format=pdf', '?format=docx&asOf=2025', '?format=xlsx&asOf=31-12-2025']) {
      const res = await api.call('GET', `/api/orgs/demo/reports/2025${q}`, { key: KEYS.viewer });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('INVALID_PARAM');
    }
    expect((await api.call('GET', '/api/orgs/demo/reports/25?format=docx', { key: KEYS.viewer })).body.error.code).toBe('INVALID_PARAM');
  });

  it('signed links: work without a key for 10 minutes; altered, foreign or expired → 401', async () => {
    const made = await api.call('POST', '/api/orgs/demo/reports/2025/link', { key: KEYS.viewer, body: { format: 'xlsx', asOf: '31/12/2025' } });
    expect(made.status).toBe(200);
    expect(made.body.expiresAt).toBe(new Date(clock.getTime() + 10 * 60_000).toISOString());
    const url = new URL(made.body.url);
    expect(url.origin).toBe(api.url);
    expect(url.searchParams.get('asOf')).toBe('2025-12-31');
    const path = `${url.pathname}?${url.searchParams.toString()}`;
    const ok = await download(path, null);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-disposition')).toBe('attachment; filename="bao-cao-1-2-demo-2025.xlsx"');
    expect(sheetRows((await readXlsx(ok.bytes)).getWorksheet(ANNEX_SHEET)!).flat()).toContain(INJECTIONS.name);

    const altered = (change: (u: URL) => void): string => {
      const u = new URL(made.body.url);
      change(u);
      return `${u.pathname}?${u.searchParams.toString()}`;
    };
    const tampered = [
      altered((u) => u.searchParams.set('format', 'docx')),
      altered((u) => u.searchParams.set('asOf', '2025-06-30')),
      altered((u) => u.searchParams.set('expires', String(Number(u.searchParams.get('expires')) + 60_000))),
      altered((u) => (u.pathname = u.pathname.replace('/2025', '/2024'))),
      altered((u) => (u.pathname = u.pathname.replace('/demo/', '/other/'))),
      altered((u) => u.searchParams.set('sig', `${u.searchParams.get('sig')!.slice(0, -2)}AA`)),
      altered((u) => u.searchParams.delete('asOf')),
      altered((u) => u.searchParams.set('sig', '')),
    ];
    for (const p of tampered) {
      const res = await download(p, null);
      expect(res.status).toBe(401);
      expect((res.json as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    }
    // a link of one process's secret is refused by a host with another secret
    const other = await startTestApi({ TABLE_PREFIX: api.env.TABLE_PREFIX }, { now: () => clock, log: () => undefined });
    try {
      expect((await fetch(`${other.url}${path}`)).status).toBe(401);
    } finally {
      await other.close();
    }
    clock = new Date(NOW.getTime() + 10 * 60_000 + 1000);
    try {
      expect((await download(path, null)).status).toBe(401);
    } finally {
      clock = NOW;
    }
    // the link of a docx without asOf: today's date is signed in
    const today = await api.call('POST', '/api/orgs/demo/reports/2025/link', { key: KEYS.viewer, body: { format: 'docx' } });
    expect(new URL(today.body.url).searchParams.get('asOf')).toBe('2025-12-31');
    const bad = [{}, { format: 'pdf' }, { format: 'docx', asOf: 'hôm qua' }, { format: 'docx', asOf: 5 }];
    for (const body of bad) {
      const res = await api.call('POST', '/api/orgs/demo/reports/2025/link', { key: KEYS.viewer, body });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('BAD_BODY');
    }
    expect((await api.call('POST', '/api/orgs/demo/reports/2025/link', { key: KEYS.other, body: { format: 'docx' } })).status).toBe(403);
  });

  it('a closed year: the report shows the frozen figures and the closing, whatever asOf is asked', async () => {
    const close = await api.call('POST', '/api/orgs/demo/years/2025/close', { key: KEYS.leader, body: { asOf: '2025-06-30' } });
    expect(close.status).toBe(200);
    const frozen = (await api.call('GET', '/api/orgs/demo/compliance?year=2025&asOf=2025-12-31', { key: KEYS.viewer })).body;
    expect(frozen.closed).toMatchObject({ asOf: '2025-06-30' });
    expect(frozen.summary).not.toEqual(compliance.summary);
    const doc = await readDocx((await download('/api/orgs/demo/reports/2025?format=docx&asOf=2025-12-31')).bytes);
    const text = doc.paragraphs.join('\n');
    const s = frozen.summary;
    expect(text).toContain(`Năm 2025, ${s.participated}/${s.subject} cán bộ Đoàn chuyên trách cấp tỉnh tham gia đi công tác tại cơ sở (${formatPercent(s.participationPercent)}%), ${s.met}/${s.subject} cán bộ`);
    expect(text).toContain('Số liệu trong báo cáo là số liệu đã khoá sổ ngày 31/12/2025, tính đến ngày 30/06/2025.');
    const cadres = doc.tables[2].slice(1);
    for (const c of frozen.cadres.filter((r: Row) => r.subject)) {
      expect(cadres.find((r) => r[1] === c.fullName && r[2] === dept(c.department))!.slice(3, 5)).toEqual([formatNumber(c.countedDays), formatNumber(c.requiredDays)]);
    }
  });
});

/**
 * Renders the year-end report of the generated org (test/support/report-org.ts) to .docx and
 * .xlsx, and the pane's "Báo cáo năm" sheets (a preview through exceljs), then to PDF
 * (LibreOffice headless) and PNG pages (pdftoppm), into test-artifacts/report/, to look at. Not part of `npm test` (needs LibreOffice and poppler).
 *   npm run report:render
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { evaluateOrg } from '../shared/engine/evaluate';
import { buildReport } from '../shared/report/build';
import type { ReportCompliance } from '../shared/report/input';
import { renderDocx } from '../functions/report/docx';
import { renderXlsx } from '../functions/report/xlsx';
import { REPORT_PROFILE, reportOrg } from '../test/support/report-org';
import { yearReportSheets } from '../addin/sheet/year-report';
import { printSheetsXlsx } from './print-sheet-xlsx';

async function main(): Promise<void> {
  const out = resolve(__dirname, '..', 'test-artifacts', 'report');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const org = reportOrg();
  const asOf = '2025-12-31';
  const year = evaluateOrg({ ...org, registrations: [], asOf, policies: {} }).year(2025);
  // evaluations (cycle.md §3) as the compliance will carry them: every other subject cadre
  const compliance: ReportCompliance = { org: 'quang-tri', ...year, computedAt: new Date().toISOString() };
  const results = { dat: 0, khong_dat: 0, mien: 0 };
  compliance.cadres.forEach((c, i) => {
    if (!c.subject || i % 2 === 1) return;
    const result = c.status === 'met' ? 'dat' : c.status === 'exempt' ? 'mien' : 'khong_dat';
    results[result]++;
    const comment = result === 'dat' ? 'Hoàn thành tốt nhiệm vụ đi cơ sở' : result === 'mien' ? '' : 'Chưa đủ số ngày; cần bố trí thời gian đi cơ sở nhiều hơn trong năm tới';
    c.evaluation = { result, comment, evaluatedBy: 'Lãnh đạo', evaluatedOn: '2025-12-31', stale: false };
  });
  compliance.summary.evaluated = results.dat + results.khong_dat + results.mien;
  compliance.summary.evaluationResults = results;
  const model = buildReport({
    compliance,
    profile: { ...REPORT_PROFILE, recipients: '- Ban Bí thư Trung ương Đoàn;\n- Ban Tổ chức Trung ương Đoàn;\n- Thường trực Tỉnh uỷ;\n- Lưu VP.' },
    trips: org.trips,
    absences: org.absences,
    units: org.units,
    reportDate: '2026-01-05',
  });
  writeFileSync(join(out, 'bao-cao.docx'), await renderDocx(model));
  writeFileSync(join(out, 'bao-cao.xlsx'), await renderXlsx(model));
  // the pane's "Báo cáo năm" sheets, from the same model
  writeFileSync(join(out, 'bao-cao-nam-sheet.xlsx'), await printSheetsXlsx(yearReportSheets(model)));
  for (const [file, kind] of [['bao-cao.docx', 'docx'], ['bao-cao.xlsx', 'xlsx'], ['bao-cao-nam-sheet.xlsx', 'sheet']] as const) {
    // one folder per format: LibreOffice names both PDFs bao-cao.pdf
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', join(out, kind), join(out, file)], { stdio: 'inherit', timeout: 180_000 });
    execFileSync('pdftoppm', ['-png', '-r', '80', join(out, kind, file.replace(/\.\w+$/, '.pdf')), join(out, kind)]);
  }
  console.log(readdirSync(out).filter((f) => f.endsWith('.png')).map((f) => join(out, f)).join('\n'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

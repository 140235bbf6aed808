import type ExcelJS from 'exceljs';
import { ANNEX_SHEET, REPORT_SHEET, renderXlsx } from '../../../functions/report/xlsx';
import { buildReport } from '../../../shared/report/build';
import type { ReportModel, ReportTable } from '../../../shared/report/model';
import { readXlsx, sheetRows } from '../../support/ooxml';
import { INJECTIONS } from '../../support/report-org';
import { cadre, reportInput, trip } from '../../shared/report/fixtures';

const tableOf = (model: ReportModel, key: ReportTable['key']): ReportTable =>
  model.sections.flatMap((s) => s.blocks).flatMap((b) => (b.type === 'table' && b.table.key === key ? [b.table] : []))[0];

const cellValues = (t: ReportTable, rows: ReportTable['rows']): Array<Array<string | number>> =>
  rows.map((r) => r.map((c, i) => (t.columns[i].numeric && c.value !== undefined ? c.value : c.text)).filter((v) => v !== ''));

describe('renderXlsx', () => {
  let model: ReportModel;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    model = buildReport(
      reportInput({
        cadres: [cadre('CB1'), cadre('CB2', 'Văn phòng', { fullName: INJECTIONS.name }), cadre('CB3', INJECTIONS.department)],
        trips: [
          trip('t1', 'CB1', '2025-01-02', '2025-03-02', { cost: 1250000, difficulties: INJECTIONS.difficulty, proposals: INJECTIONS.proposal }),
          trip('t2', 'CB2', '2025-05-05', '2025-05-08', { unit: 'X2', contents: ['khao_sat'], proposals: INJECTIONS.comment }),
        ],
      }),
    );
    wb = await readXlsx(await renderXlsx(model));
  });

  it('two printable sheets: A4 portrait, fitted to width, print areas, the annex header row repeated', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([REPORT_SHEET, ANNEX_SHEET]);
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(ws.pageSetup.printArea).toMatch(/^A1:H\d+$/);
      expect(ws.pageSetup.margins).toMatchObject({ top: 0.79, bottom: 0.79, left: 1.18, right: 0.59 });
      expect(ws.headerFooter.differentFirst).toBe(true);
      expect(ws.headerFooter.firstHeader ?? '').toBe(''); // no number on page 1
      expect(ws.headerFooter.oddHeader).toContain('&P');
    }
    const annex = wb.getWorksheet(ANNEX_SHEET)!;
    const header = Number(annex.pageSetup.printTitlesRow!.split(':')[0]);
    expect(annex.getRow(header).getCell(1).value).toBe('STT');
    expect(annex.getRow(header).getCell(2).font).toMatchObject({ name: 'Times New Roman', bold: true });
  });

  it('the document text and tables in order, figures as numbers', () => {
    const rows = sheetRows(wb.getWorksheet(REPORT_SHEET)!);
    const flat = rows.flat();
    expect(rows[0]).toEqual(['BAN CHẤP HÀNH ĐOÀN TỈNH QUẢNG TRỊ', 'ĐOÀN TNCS HỒ CHÍ MINH']);
    expect(rows[1]).toEqual(['***', 'Quảng Trị, ngày 05 tháng 01 năm 2026']);
    expect(rows[2]).toEqual(['Số:        -BC/TĐTN-BTC']);
    expect(flat).toContain('BÁO CÁO');
    expect(flat).toContain(model.subtitle);
    const at = model.sections.map((s) => flat.indexOf(s.heading));
    expect(at.every((i, k) => i > 0 && (k === 0 || i > at[k - 1]))).toBe(true);
    expect(flat.some((v) => typeof v === 'string' && v.startsWith(model.sentence))).toBe(true);
    const d = tableOf(model, 'departments');
    const start = rows.findIndex((r) => r[0] === 'STT');
    expect(rows.slice(start, start + d.rows.length + 2)).toEqual([d.columns.map((c) => c.header), ...cellValues(d, d.rows), ...cellValues(d, [d.total!])]);
    expect(flat).toContain('Nơi nhận:');
    expect(flat).toContain('TM. BAN THƯỜNG VỤ TỈNH ĐOÀN');
    expect(flat).toContain('Nguyễn Thị Lan');
    const c = tableOf(model, 'cadres');
    const annex = sheetRows(wb.getWorksheet(ANNEX_SHEET)!);
    const h = annex.findIndex((r) => r[0] === 'STT');
    expect(annex.slice(h)).toEqual([c.columns.map((x) => x.header), ...cellValues(c, c.rows)]);
  });

  it('every text is a string value, never a formula, whatever it starts with; NFC', () => {
    const strings: string[] = [];
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.formula).toBeUndefined();
          expect(typeof cell.value === 'string' || typeof cell.value === 'number' || cell.value === null).toBe(true);
          if (typeof cell.value === 'string') strings.push(cell.value);
        }),
      );
    const all = strings.join('\n');
    for (const s of [INJECTIONS.name, INJECTIONS.department, INJECTIONS.difficulty, INJECTIONS.proposal, INJECTIONS.comment]) expect(all).toContain(s);
    expect(strings).toContain(INJECTIONS.name);
    expect(all).toBe(all.normalize('NFC'));
  });
});

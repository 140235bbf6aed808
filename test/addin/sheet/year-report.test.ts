/** The printable "Báo cáo năm" sheets as laid out from the report model (pure). */
import { buildReport } from '../../../shared/report/build';
import type { ReportModel, ReportTable } from '../../../shared/report/model';
import { COLUMN_WIDTHS, linesFor, PAGE, YEAR_REPORT_ANNEX, YEAR_REPORT_SHEET, yearReportSheets, type PrintArea, type PrintSheet } from '../../../addin/sheet/year-report';
import { cadre, reportInput, trip } from '../../shared/report/fixtures';

const model = (): ReportModel =>
  buildReport(
    reportInput({
      cadres: [cadre('CB1'), cadre('CB2', 'Văn phòng', { fullName: '=HYPERLINK("x")' }), cadre('CB3', 'Ban Tuyên giáo'), cadre('CB4', 'Văn phòng', { subject: false })],
      trips: [trip('t1', 'CB1', '2025-01-02', '2025-03-02', { difficulties: 'Thiếu kinh phí '.repeat(30) }), trip('t2', 'CB2', '2025-05-05', '2025-05-07', { proposals: 'Tăng hỗ trợ' })],
    }),
  );
const tableOf = (m: ReportModel, key: ReportTable['key']): ReportTable => m.sections.flatMap((s) => s.blocks).flatMap((b) => (b.type === 'table' && b.table.key === key ? [b.table] : []))[0];

/** The sheet as a grid of values (what is written where; merged cells after the first stay ''). */
function grid(sheet: PrintSheet): unknown[][] {
  const out: unknown[][] = sheet.rowHeights.map(() => new Array(8).fill(''));
  for (const a of sheet.areas) a.values.forEach((row, i) => row.forEach((v, j) => (out[a.row + i][a.col + j] = v)));
  return out;
}
const cellsOf = (a: PrintArea): { r: number; c: number }[] => a.values.flatMap((row, i) => row.map((_, j) => ({ r: a.row + i, c: a.col + j })));
const rowOf = (g: unknown[][], first: unknown): number => g.findIndex((r) => r[0] === first);

describe('yearReportSheets', () => {
  const m = model();
  const [main, annex] = yearReportSheets(m);

  it('two sheets: the document and the per-cadre annex, A4 portrait with the decree’s margins, columns fitting between them', () => {
    expect([main.name, annex.name]).toEqual([YEAR_REPORT_SHEET, YEAR_REPORT_ANNEX]);
    for (const s of [main, annex]) {
      expect(s.page).toEqual(PAGE);
      expect(s.printArea).toBe(`A1:H${s.rowHeights.length}`);
      expect(s.columnWidths).toEqual(COLUMN_WIDTHS);
    }
    expect(PAGE.paperSize).toBe('A4');
    expect(PAGE.orientation).toBe('Portrait');
    const mm = (pt: number): number => Math.round((pt * 25.4) / 72);
    expect([mm(PAGE.margins.top), mm(PAGE.margins.bottom), mm(PAGE.margins.left), mm(PAGE.margins.right)]).toEqual([20, 20, 30, 15]);
    const width = COLUMN_WIDTHS.reduce((s, w) => s + w, 0);
    expect(width).toBeLessThanOrEqual(((210 - 30 - 15) * 72) / 25.4);
    expect(width).toBeGreaterThan(((210 - 30 - 15) * 72) / 25.4 * 0.9);
  });

  it('the document carries the model’s texts in order: header block, date line, title, sections I–IV, signature, recipients', () => {
    const g = grid(main);
    expect(g[0][0]).toBe(m.header.issuer.join('\n'));
    expect(g[0][3]).toBe('ĐOÀN TNCS HỒ CHÍ MINH');
    expect(g[1][3]).toBe(m.header.dateLine);
    expect(g[2][0]).toBe(m.header.symbol);
    const firsts = g.map((r) => r[0]);
    const order = [m.title, m.subtitle, ...m.sections.map((s) => s.heading), m.recipients.heading].map((t) => firsts.indexOf(t));
    expect(order.every((i, k) => i > 2 && (k === 0 || i > order[k - 1]))).toBe(true);
    const paragraphs = m.sections.flatMap((s) => s.blocks).flatMap((b) => (b.type === 'paragraph' ? [b.bullet ? `- ${b.text}` : b.text] : b.type === 'heading' ? [b.text] : []));
    for (const p of paragraphs) expect(firsts).toContain(p);
    expect(firsts.some((f) => String(f).startsWith(m.sentence))).toBe(true);
    expect(firsts).toContain(`(Chi tiết tại trang tính "${YEAR_REPORT_ANNEX}" kèm theo báo cáo: 3 cán bộ.)`);
    const signer = g.findIndex((r) => r[4] === m.signature.name);
    expect(signer).toBeGreaterThan(rowOf(g, m.recipients.heading));
    expect(g[rowOf(g, m.recipients.heading)][4]).toBe(m.signature.title[0]);
    expect(m.recipients.lines.map((l) => firsts.indexOf(l))).toEqual(m.recipients.lines.map((_, i) => rowOf(g, m.recipients.heading) + 1 + i));
  });

  it('tables: bordered, bold centred header, figures as numbers with a number format, spans merged row by row', () => {
    const g = grid(main);
    const deps = tableOf(m, 'departments');
    const head = g.findIndex((r) => r[0] === 'STT' && r[1] === 'Ban/Văn phòng');
    expect(g[head]).toEqual(['STT', 'Ban/Văn phòng', '', 'Số cán bộ', 'Tham gia', 'Đạt', 'Số ngày', '']);
    deps.rows.forEach((row, i) => expect([g[head + 1 + i][1], g[head + 1 + i][3], g[head + 1 + i][6]]).toEqual([row[1].text, row[2].value, row[5].value]));
    expect(g[head + 1 + deps.rows.length][1]).toBe('Tổng cộng');
    const tableAreas = main.areas.filter((a) => a.row >= head && a.row <= head + deps.rows.length + 1);
    expect(tableAreas.every((a) => a.borders && a.size === 12)).toBe(true);
    expect(tableAreas.filter((a) => a.row === head).every((a) => a.bold && a.align === 'Center')).toBe(true);
    const days = tableAreas.find((a) => a.row === head + 1 && a.col === 6)!;
    expect(days.merge).toBe('across');
    expect(days.numberFormat!.map((r) => r[0])).toEqual(deps.rows.map((r) => (Number.isInteger(r[5].value) ? '#,##0' : '#,##0.0')));
    const ag = grid(annex);
    const cadres = tableOf(m, 'cadres');
    expect(ag[3]).toEqual(cadres.columns.map((c) => c.header));
    expect(annex.printTitleRows).toBe('$4:$4');
    expect(main.printTitleRows).toBeNull();
    cadres.rows.forEach((row, i) => expect(ag[4 + i]).toEqual(row.map((c, j) => (cadres.columns[j].numeric ? c.value : c.text))));
    expect(ag.flat()).toContain('=HYPERLINK("x")'); // the adapter escapes it when writing
  });

  it('areas never overlap (so merges never collide) and stay inside the print area; rows are tall enough for their text', () => {
    for (const s of [main, annex]) {
      const seen = new Set<string>();
      for (const a of s.areas) {
        for (const { r, c } of cellsOf(a)) {
          expect(seen.has(`${r},${c}`)).toBe(false);
          seen.add(`${r},${c}`);
          expect(r).toBeLessThan(s.rowHeights.length);
          expect(c).toBeLessThan(8);
        }
      }
    }
    const long = main.areas.find((a) => String(a.values[0][0]).includes('Thiếu kinh phí Thiếu kinh phí'))!;
    const lines = linesFor(String(long.values[0][0]), COLUMN_WIDTHS.reduce((s, w) => s + w, 0), 13);
    expect(lines).toBeGreaterThan(3);
    expect(main.rowHeights[long.row]).toBeGreaterThanOrEqual(lines * 16);
    expect(Math.min(...main.rowHeights)).toBeGreaterThan(0);
  });

  it('counts capitals and bold as wider: the all-capitals issuer gets the two lines it wraps to', () => {
    const width = COLUMN_WIDTHS.slice(0, 3).reduce((s, w) => s + w, 0);
    const issuer = 'BAN CHẤP HÀNH ĐOÀN TỈNH QUẢNG TRỊ';
    expect(linesFor(issuer.toLowerCase(), width, 12)).toBe(1);
    expect(linesFor(issuer, width, 12, true)).toBe(2);
    expect(linesFor(issuer, width, 12, true)).toBeGreaterThanOrEqual(linesFor(issuer, width, 12));
    const main = yearReportSheets(model()).find((s) => s.name === YEAR_REPORT_SHEET)!;
    expect(main.rowHeights[0]).toBeGreaterThanOrEqual(2 * Math.ceil(12 * 1.3));
  });

  it('a report without a per-cadre table has an annex with no print titles', () => {
    const bare = { ...m, sections: m.sections.map((s) => ({ ...s, blocks: s.blocks.filter((b) => b.type !== 'table' || b.table.key !== 'cadres') })) };
    const [, a] = yearReportSheets(bare);
    expect(a.printTitleRows).toBeNull();
    expect(grid(a)[0][0]).toBe('PHỤ LỤC: KẾT QUẢ ĐI CƠ SỞ CỦA TỪNG CÁN BỘ NĂM 2025');
  });
});

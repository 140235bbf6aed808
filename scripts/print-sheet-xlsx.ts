/**
 * The pane's printable sheets (addin/sheet/year-report.ts's layout) as an .xlsx file, so that
 * `npm run report:render` can render the "Báo cáo năm" sheets to pages beside the downloaded
 * report. A preview only: in Excel the layout is written by addin/excel/print-sheet.ts through
 * Office.js; here the same areas, merges, fonts, borders, widths (points → Excel's character
 * units), row heights, print area and title rows go through exceljs.
 */
import ExcelJS from 'exceljs';
import { REPORT_FONT, type PrintSheet } from '../addin/sheet/year-report';

/** Points → Excel's column width unit (7-pixel digits plus 5 pixels of padding, at 96 dpi). */
const widthUnits = (points: number): number => (points / 0.75 - 5) / 7;

export async function printSheetsXlsx(sheets: readonly PrintSheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const m = s.page.margins;
    const ws = wb.addWorksheet(s.name, {
      pageSetup: {
        paperSize: 9,
        orientation: 'portrait',
        horizontalCentered: s.page.centerHorizontally,
        // LibreOffice's column unit is wider than Excel's: fitted to the width so the preview
        // keeps the columns on the page (in Excel the widths are set in points)
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        margins: { top: m.top / 72, bottom: m.bottom / 72, left: m.left / 72, right: m.right / 72, header: m.header / 72, footer: m.footer / 72 },
      },
      headerFooter: s.page.pageNumbersFromPage2 ? { differentFirst: true, firstHeader: '', oddHeader: `&C&"${REPORT_FONT},Regular"&13&P` } : {},
      views: [{ showGridLines: false }],
    });
    ws.columns = s.columnWidths.map((pt) => ({ width: widthUnits(pt) }));
    s.rowHeights.forEach((h, r) => {
      ws.getRow(r + 1).height = h;
      for (let c = 1; c <= s.columnWidths.length; c++) {
        const cell = ws.getCell(r + 1, c);
        cell.font = { name: REPORT_FONT, size: 13 };
        cell.alignment = { wrapText: true, vertical: 'middle' };
      }
    });
    for (const a of s.areas) {
      a.values.forEach((row, i) =>
        row.forEach((v, j) => {
          const cell = ws.getCell(a.row + i + 1, a.col + j + 1);
          cell.value = v; // a string stays a string: never a formula
          if (a.numberFormat) cell.numFmt = a.numberFormat[i][j];
          cell.font = { name: REPORT_FONT, size: a.size ?? 13, bold: a.bold, italic: a.italic, underline: a.underline };
          cell.alignment = { wrapText: true, vertical: 'middle', horizontal: a.align === 'Justify' ? 'justify' : a.align === 'Center' ? 'center' : a.align === 'Right' ? 'right' : 'left' };
          if (a.borders) cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
        }),
      );
      const cols = a.values[0].length;
      if (a.merge === 'all') ws.mergeCells(a.row + 1, a.col + 1, a.row + a.values.length, a.col + cols);
      if (a.merge === 'across') a.values.forEach((_, i) => ws.mergeCells(a.row + i + 1, a.col + 1, a.row + i + 1, a.col + cols));
    }
    ws.pageSetup.printArea = s.printArea;
    if (s.printTitleRows) ws.pageSetup.printTitlesRow = s.printTitleRows.replace(/\$/g, '');
  }
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

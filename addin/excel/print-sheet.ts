/**
 * Writes printable sheets (sheet/year-report.ts's layout) in place: a sheet that exists is kept
 * (references into it stay valid) and its cells, formats and merges cleared; its values are
 * written as data (escaped: never a formula), then merged, styled, sized; its page layout (A4
 * portrait, margins, print area, print title rows, page numbers from page 2) set. Two syncs.
 * Office.js: `Range.merge`/`unmerge` (ExcelApi 1.2), `Worksheet.pageLayout` (ExcelApi 1.9).
 */
import { blockAddress } from '../sheet/address';
import { escapeMatrix } from '../sheet/escape';
import { columnAddress, REPORT_FONT, type PrintArea, type PrintSheet } from '../sheet/year-report';
import type { ExcelLike, Range, Worksheet } from './excel-api';

/** The print-related part of Office.js the adapter's subset (excel-api.ts) leaves out. */
interface PrintRange extends Range {
  merge(across?: boolean): void;
  unmerge(): void;
  format: Range['format'] & {
    rowHeight: number;
    horizontalAlignment: string;
    verticalAlignment: string;
    useStandardHeight: boolean;
    font: Range['format']['font'] & { name: string; italic: boolean; underline: string };
    borders: { getItem(index: string): { style: string; color: string } };
  };
}

interface HeaderFooter {
  centerHeader: string;
}

interface PrintWorksheet extends Worksheet {
  showGridlines: boolean;
  getRange(address?: string): PrintRange;
  pageLayout: {
    paperSize: string;
    orientation: string;
    topMargin: number;
    bottomMargin: number;
    leftMargin: number;
    rightMargin: number;
    headerMargin: number;
    footerMargin: number;
    centerHorizontally: boolean;
    setPrintArea(address: string): void;
    setPrintTitleRows(rows: string): void;
    headersFooters: { state: string; defaultForAllPages: HeaderFooter; firstPage: HeaderFooter };
  };
}

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'];

function writeArea(sheet: PrintWorksheet, a: PrintArea): void {
  const rows = a.values.length;
  const cols = a.values[0]?.length ?? 0;
  if (!rows || !cols) return;
  const range = sheet.getRange(blockAddress(a.row, a.col, rows, cols));
  if (a.numberFormat) range.numberFormat = a.numberFormat;
  range.values = escapeMatrix(a.values);
  if (a.merge) range.merge(a.merge === 'across');
  const f = range.format;
  if (a.bold) f.font.bold = true;
  if (a.italic) f.font.italic = true;
  if (a.underline) f.font.underline = 'Single';
  if (a.size) f.font.size = a.size;
  f.horizontalAlignment = a.align;
  if (a.borders) for (const edge of EDGES) if ((edge !== 'InsideVertical' || cols > 1) && (edge !== 'InsideHorizontal' || rows > 1)) f.borders.getItem(edge).style = 'Continuous';
}

/** Consecutive rows of equal height as one range each. */
function heightRuns(heights: readonly number[]): { from: number; to: number; height: number }[] {
  const runs: { from: number; to: number; height: number }[] = [];
  heights.forEach((height, r) => {
    const last = runs[runs.length - 1];
    if (last && last.height === height && last.to === r - 1) last.to = r;
    else runs.push({ from: r, to: r, height });
  });
  return runs;
}

export async function writePrintSheets(excel: ExcelLike, sheets: readonly PrintSheet[]): Promise<void> {
  if (!sheets.length) return;
  await excel.run(async (ctx) => {
    const probes = sheets.map((layout) => {
      const found = ctx.workbook.worksheets.getItemOrNullObject(layout.name);
      found.load('isNullObject,visibility');
      return { layout, found };
    });
    await ctx.sync();
    ctx.application.suspendScreenUpdatingUntilNextSync();
    ctx.application.suspendApiCalculationUntilNextSync();
    const written = probes.map(({ layout, found }) => {
      const sheet = (found.isNullObject ? ctx.workbook.worksheets.add(layout.name) : found) as PrintWorksheet;
      if (!found.isNullObject) {
        // in place: the sheet stays, its content, formats, merges and row heights go
        const all = sheet.getRange();
        all.unmerge();
        all.clear();
        all.format.useStandardHeight = true;
        if (found.visibility !== 'Visible') sheet.visibility = 'Visible';
      }
      layout.columnWidths.forEach((w, c) => {
        sheet.getRange(columnAddress(c)).format.columnWidth = w;
      });
      const whole = sheet.getRange(layout.printArea);
      whole.format.font.name = REPORT_FONT;
      whole.format.font.size = 13;
      whole.format.wrapText = true;
      whole.format.verticalAlignment = 'Center';
      for (const area of layout.areas) writeArea(sheet, area);
      for (const run of heightRuns(layout.rowHeights)) sheet.getRange(`${run.from + 1}:${run.to + 1}`).format.rowHeight = run.height;
      const pl = sheet.pageLayout;
      const p = layout.page;
      pl.paperSize = p.paperSize;
      pl.orientation = p.orientation;
      pl.topMargin = p.margins.top;
      pl.bottomMargin = p.margins.bottom;
      pl.leftMargin = p.margins.left;
      pl.rightMargin = p.margins.right;
      pl.headerMargin = p.margins.header;
      pl.footerMargin = p.margins.footer;
      pl.centerHorizontally = p.centerHorizontally;
      pl.setPrintArea(layout.printArea);
      if (layout.printTitleRows) pl.setPrintTitleRows(layout.printTitleRows);
      if (p.pageNumbersFromPage2) {
        pl.headersFooters.state = 'FirstAndDefault';
        pl.headersFooters.firstPage.centerHeader = '';
        pl.headersFooters.defaultForAllPages.centerHeader = `&"${REPORT_FONT},Regular"&13&P`;
      }
      sheet.showGridlines = false;
      return sheet;
    });
    written[0].activate();
    await ctx.sync();
  });
}

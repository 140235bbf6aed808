/**
 * The year-end report as an Excel workbook (exceljs), printable: sheet "Báo cáo" holds the
 * document (header block, title, sections I–IV with the department table, signature and
 * recipients) and sheet "Phụ lục" the table per cadre, whose header row repeats on every
 * printed page (Excel repeats print titles on every page of a sheet, so the long table has a
 * sheet of its own). Both: A4 portrait, fitted to the page width, print area set, Times New
 * Roman 13 pt, page numbers from page 2. Every text is written as a string value (never a
 * formula, whatever it starts with); figures of numeric columns as numbers.
 */
import ExcelJS from 'exceljs';
import { annexNote, annexReference, annexTitle, cadreTable } from '../../shared/report/annex';
import type { Align, Block, ReportModel, ReportTable, TableCell } from '../../shared/report/model';

export const XLSX_FONT = 'Times New Roman';
const SIZE = 13;
export const REPORT_SHEET = 'Báo cáo';
export const ANNEX_SHEET = 'Phụ lục';
/** Column widths (characters) of both sheets: the per-cadre table's eight columns. */
const WIDTHS = [5, 20, 15, 7, 7, 9, 9, 20];
const LAST_COL = 'H';
/** Characters of 13 pt Times New Roman per unit of column width (estimated; rows are sized with it). */
const CHARS_PER_WIDTH = 1.25;
const LINE_HEIGHT = 17.5;
// inches: top and bottom 20 mm, left 30 mm, right 15 mm
const MARGINS = { top: 0.79, bottom: 0.79, left: 1.18, right: 0.59, header: 0.39, footer: 0.39 };

type Font = Partial<ExcelJS.Font>;
const font = (extra: Font = {}): Font => ({ name: XLSX_FONT, size: SIZE, ...extra });
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDERS: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };

/** Lines a text needs in a span of `width` characters. */
function linesFor(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * CHARS_PER_WIDTH));
  return text.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil([...l].length / perLine)), 0);
}

function newSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: MARGINS,
    },
    headerFooter: { differentFirst: true, firstHeader: '', oddHeader: `&C&"${XLSX_FONT},Regular"&13&P` },
    views: [{ showGridLines: false }],
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  return ws;
}

/** Writes `text` as a string into the merged span [from, to] of `row`. */
function put(ws: ExcelJS.Worksheet, row: number, from: number, to: number, text: string, opts: { font?: Font; align?: Align | 'justify'; border?: boolean } = {}): ExcelJS.Cell {
  if (to > from) ws.mergeCells(row, from + 1, row, to + 1);
  const cell = ws.getCell(row, from + 1);
  cell.value = text; // a string value: stored as text, never as a formula
  cell.font = font(opts.font);
  cell.alignment = { horizontal: opts.align ?? 'left', vertical: 'middle', wrapText: true };
  if (opts.border) for (let c = from; c <= to; c++) ws.getCell(row, c + 1).border = BORDERS;
  return cell;
}

const spanWidth = (from: number, to: number): number => WIDTHS.slice(from, to + 1).reduce((s, w) => s + w, 0);

/** A paragraph over the whole width; its row sized for its lines. */
function paragraph(ws: ExcelJS.Worksheet, row: number, text: string, opts: { bold?: boolean; italic?: boolean; align?: Align | 'justify' } = {}): number {
  put(ws, row, 0, WIDTHS.length - 1, text, { font: { bold: opts.bold, italic: opts.italic }, align: opts.align ?? 'justify' });
  ws.getRow(row).height = linesFor(text, spanWidth(0, WIDTHS.length - 1)) * LINE_HEIGHT + 2;
  return row + 1;
}

/** A table whose columns span the given sheet columns; returns the next free row and the header row. */
function table(ws: ExcelJS.Worksheet, start: number, t: ReportTable, spans: ReadonlyArray<[number, number]>): { next: number; headerRow: number } {
  let row = start;
  const writeRow = (cells: readonly TableCell[], style: { bold?: boolean; header?: boolean }): void => {
    let lines = 1;
    cells.forEach((c, i) => {
      const [from, to] = spans[i];
      const col = t.columns[i];
      const align = style.header || (style.bold && i === 1) ? 'center' : col.align;
      const cell = put(ws, row, from, to, c.text, { font: { bold: style.bold, size: 12 }, align, border: true });
      if (!style.header && col.numeric && c.value !== undefined) {
        cell.value = c.value;
        cell.numFmt = Number.isInteger(c.value) ? '#,##0' : '#,##0.0';
      }
      // table text is 12 pt but often bold or in narrow columns, where words wrap early
      lines = Math.max(lines, linesFor(c.text, (spanWidth(from, to) - 1) * 0.8));
    });
    ws.getRow(row).height = lines * 16 + 4;
    row++;
  };
  const headerRow = row;
  writeRow(t.columns.map((c) => ({ text: c.header })), { bold: true, header: true });
  for (const r of t.rows) writeRow(r, {});
  if (t.total) writeRow(t.total, { bold: true });
  return { next: row, headerRow };
}

const DEPARTMENT_SPANS: ReadonlyArray<[number, number]> = [[0, 0], [1, 2], [3, 3], [4, 4], [5, 5], [6, 7]];
const CADRE_SPANS: ReadonlyArray<[number, number]> = WIDTHS.map((_, i) => [i, i]);

function blocks(ws: ExcelJS.Worksheet, start: number, list: readonly Block[]): number {
  let row = start;
  for (const b of list) {
    if (b.type === 'heading') row = paragraph(ws, row, b.text, { bold: true, align: 'left' });
    else if (b.type === 'paragraph') row = paragraph(ws, row, b.bullet ? `- ${b.text}` : b.text, { italic: b.italic });
    else if (b.table.key === 'cadres') row = paragraph(ws, row, annexReference(ANNEX_SHEET, b.table), { italic: true });
    else row = table(ws, row, b.table, DEPARTMENT_SPANS).next + 1;
  }
  return row;
}

function reportSheet(wb: ExcelJS.Workbook, model: ReportModel): void {
  const ws = newSheet(wb, REPORT_SHEET);
  const h = model.header;
  // header block: left A–C, right D–H
  put(ws, 1, 0, 2, h.issuer.join('\n'), { font: { bold: true, size: 12 }, align: 'center' });
  put(ws, 1, 3, 7, h.union, { font: { bold: true, underline: true }, align: 'center' });
  ws.getRow(1).height = Math.max(2, h.issuer.length, linesFor(h.issuer.join('\n'), spanWidth(0, 2))) * 16 + 2;
  put(ws, 2, 0, 2, '***', { font: { size: 12 }, align: 'center' });
  put(ws, 2, 3, 7, h.dateLine, { font: { italic: true }, align: 'center' });
  put(ws, 3, 0, 2, h.symbol, { font: { size: 12 }, align: 'center' });
  let row = 5;
  put(ws, row++, 0, 7, model.title, { font: { bold: true, size: 15 }, align: 'center' });
  row = paragraph(ws, row, model.subtitle, { bold: true, align: 'center' });
  put(ws, row++, 0, 7, '-----', { align: 'center' });
  for (const s of model.sections) {
    row = paragraph(ws, row, s.heading, { bold: true, align: 'left' });
    row = blocks(ws, row, s.blocks);
  }
  row++;
  const signStart = row;
  put(ws, row, 0, 2, model.recipients.heading, { font: { bold: true, italic: true, size: 12 } });
  model.signature.title.forEach((t, i) => put(ws, signStart + i, 4, 7, t, { font: { bold: true }, align: 'center' }));
  model.recipients.lines.forEach((l, i) => put(ws, signStart + 1 + i, 0, 2, l, { font: { size: 11 } }));
  const nameRow = signStart + Math.max(model.signature.title.length, 1) + 4;
  put(ws, nameRow, 4, 7, model.signature.name, { font: { bold: true }, align: 'center' });
  const last = Math.max(nameRow, signStart + model.recipients.lines.length);
  ws.pageSetup.printArea = `A1:${LAST_COL}${last}`;
}

function annexSheet(wb: ExcelJS.Workbook, model: ReportModel): void {
  const ws = newSheet(wb, ANNEX_SHEET);
  const cadres = cadreTable(model);
  let row = paragraph(ws, 1, annexTitle(model), { bold: true, align: 'center' });
  row = paragraph(ws, row, annexNote(model), { italic: true, align: 'center' });
  row++;
  if (!cadres) return;
  const { next, headerRow } = table(ws, row, cadres, CADRE_SPANS);
  ws.pageSetup.printArea = `A1:${LAST_COL}${next - 1}`;
  ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  ws.views = [{ showGridLines: false, state: 'frozen', ySplit: headerRow }];
}

export function xlsxWorkbook(model: ReportModel): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = model.orgName;
  wb.title = `${model.title} ${model.subtitle}`;
  reportSheet(wb, model);
  annexSheet(wb, model);
  return wb;
}

/** The .xlsx file's bytes. */
export async function renderXlsx(model: ReportModel): Promise<Buffer> {
  const data = await xlsxWorkbook(model).xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

/**
 * The printable "Báo cáo năm" sheets from the year-end report's model (shared/report, the model
 * the .docx and .xlsx are rendered from: no figure is computed here). Laid out as the .xlsx
 * lays it out: sheet "Báo cáo năm" holds the document (header block, date line, title, sections
 * I–IV with the department table, signature and recipients); "Phụ lục báo cáo năm" the table
 * per cadre, whose header row is its print title (Excel repeats print titles on every page of a
 * sheet, so the long table has a sheet of its own). A4 portrait, margins of Nghị định 30, Times
 * New Roman; rows sized for their wrapped text (Excel does not fit merged cells' rows itself).
 * Pure: written by excel/print-sheet.ts.
 */
import { annexNote, annexReference, annexTitle, cadreTable } from '../../shared/report/annex';
import type { Align, Block, ReportModel, ReportTable, TableCell } from '../../shared/report/model';
import { blockAddress, columnLetters } from './address';
import type { CellValue } from './escape';

export const YEAR_REPORT_SHEET = 'Báo cáo năm';
export const YEAR_REPORT_ANNEX = 'Phụ lục báo cáo năm';
export const REPORT_FONT = 'Times New Roman';
const SIZE = 13;
const TABLE_SIZE = 12;
const MM = 72 / 25.4;

export type HAlign = 'Left' | 'Center' | 'Right' | 'Justify';

/** A block of cells written at once, with one style. */
export interface PrintArea {
  /** 0-based first row and column; `values` is rows × columns (merged cells after the first: ''). */
  row: number;
  col: number;
  values: CellValue[][];
  numberFormat?: string[][];
  /** `across`: each row merged on its own; `all`: one merged cell. */
  merge?: 'across' | 'all';
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  size?: number;
  align: HAlign;
  /** Thin lines around and between the cells. */
  borders?: boolean;
}

export interface PageSetup {
  paperSize: 'A4';
  orientation: 'Portrait';
  /** Points. */
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  centerHorizontally: boolean;
  /** Page numbers in the header's centre, from page 2 on. */
  pageNumbersFromPage2: boolean;
}

export interface PrintSheet {
  name: string;
  /** Points, from column A. */
  columnWidths: number[];
  areas: PrintArea[];
  /** Points, one per row from row 1 to the last of the print area. */
  rowHeights: number[];
  /** `A1:H57`. */
  printArea: string;
  /** Whole rows repeated on every printed page (`$4:$4`), or null. */
  printTitleRows: string | null;
  page: PageSetup;
}

/** Nghị định 30/2020: top and bottom 20 mm, left 30 mm, right 15 mm. */
export const PAGE: PageSetup = {
  paperSize: 'A4',
  orientation: 'Portrait',
  margins: { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM, header: 10 * MM, footer: 10 * MM },
  centerHorizontally: true,
  pageNumbersFromPage2: true,
};

/** The per-cadre table's eight columns, as the .xlsx has them, scaled to A4's 165 mm between the margins. */
const RELATIVE = [5, 20, 15, 7, 7, 9, 9, 20];
/** 6 % short of the 165 mm between the margins: Excel stores widths in whole pixels of its own character unit, so a little slack keeps column H on the page. */
const PRINTABLE = Math.floor((210 - 30 - 15) * MM * 0.94);
export const COLUMN_WIDTHS = RELATIVE.map((w) => Math.floor((w / RELATIVE.reduce((s, x) => s + x, 0)) * PRINTABLE));
const COLS = COLUMN_WIDTHS.length;
const DEPARTMENT_SPANS: ReadonlyArray<[number, number]> = [[0, 0], [1, 2], [3, 3], [4, 4], [5, 5], [6, 7]];
const CADRE_SPANS: ReadonlyArray<[number, number]> = COLUMN_WIDTHS.map((_, i) => [i, i]);

const ALIGN: Readonly<Record<Align, HAlign>> = { left: 'Left', center: 'Center', right: 'Right' };

/**
 * Lines a text takes in `width` points at `size` points. An average Times New Roman glyph of
 * Vietnamese lower-case text is about a third of an em (measured on rendered pages; 0.42 em errs
 * taller rather than cutting text); capitals are wider (0.7 em), and bold about a tenth wider:
 * the all-capitals header "BAN CHẤP HÀNH ĐOÀN TỈNH …" counted at 0.42 em got one line, wrapped to
 * two, and lost its diacritics' tops on the rendered page.
 */
export function linesFor(text: string, width: number, size: number, bold = false): number {
  const room = Math.max(1, width - 4);
  const em = (ch: string): number => (ch !== ch.toLowerCase() ? 0.7 : 0.42) * (bold ? 1.1 : 1);
  return String(text)
    .split('\n')
    .reduce((n, line) => n + Math.max(1, Math.ceil([...line].reduce((w, ch) => w + em(ch) * size, 0) / room)), 0);
}

const lineHeight = (size: number): number => Math.ceil(size * 1.3);
const spanWidth = (from: number, to: number): number => COLUMN_WIDTHS.slice(from, to + 1).reduce((s, w) => s + w, 0);

/** Builds one sheet: areas placed row by row, each row's height the tallest text in it. */
class SheetBuilder {
  readonly areas: PrintArea[] = [];
  readonly heights: number[] = [];
  row = 0;

  private grow(row: number, height: number): void {
    while (this.heights.length <= row) this.heights.push(lineHeight(SIZE));
    this.heights[row] = Math.max(this.heights[row], height);
  }

  /** Text in the span [from, to] of `row` (merged when it spans more than one column). */
  text(row: number, from: number, to: number, value: string, style: Omit<PrintArea, 'row' | 'col' | 'values' | 'align'> & { align?: HAlign } = {}): void {
    const size = style.size ?? SIZE;
    this.areas.push({ ...style, row, col: from, values: [[value, ...new Array<string>(to - from).fill('')]], align: style.align ?? 'Left', ...(to > from ? { merge: 'all' as const } : {}) });
    this.grow(row, linesFor(value, spanWidth(from, to), size, style.bold === true) * lineHeight(size) + 4);
  }

  /** A paragraph over the whole width, on the next row. */
  paragraph(value: string, style: { bold?: boolean; italic?: boolean; align?: HAlign } = {}): void {
    this.text(this.row++, 0, COLS - 1, value, { align: 'Justify', ...style });
  }

  blank(): void {
    this.grow(this.row++, lineHeight(SIZE) / 2);
  }

  /** A table: a bold centred header row, the rows, the total row; each column one area (its cells merged across its span). */
  table(t: ReportTable, spans: ReadonlyArray<[number, number]>): { headerRow: number } {
    const headerRow = this.row;
    const bodyRows: { cells: TableCell[]; bold: boolean }[] = [...t.rows.map((cells) => ({ cells, bold: false })), ...(t.total ? [{ cells: t.total, bold: true }] : [])];
    const fill = (from: number, to: number, v: CellValue): CellValue[] => [v, ...new Array<string>(to - from).fill('')];
    spans.forEach(([from, to], i) =>
      this.areas.push({ row: headerRow, col: from, values: [fill(from, to, t.columns[i].header)], bold: true, size: TABLE_SIZE, align: 'Center', borders: true, ...(to > from ? { merge: 'all' as const } : {}) }),
    );
    this.grow(headerRow, Math.max(...t.columns.map((c, i) => linesFor(c.header, spanWidth(spans[i][0], spans[i][1]) - 6, TABLE_SIZE + 1, true))) * lineHeight(TABLE_SIZE) + 6);
    const first = headerRow + 1;
    bodyRows.forEach(({ cells }, k) =>
      this.grow(first + k, Math.max(...cells.map((c, i) => linesFor(c.text, spanWidth(spans[i][0], spans[i][1]) - 6, TABLE_SIZE))) * lineHeight(TABLE_SIZE) + 6),
    );
    // body: one area per column; the bold total row apart
    const groups = [bodyRows.filter((r) => !r.bold), bodyRows.filter((r) => r.bold)];
    let at = first;
    for (const group of groups) {
      if (!group.length) continue;
      t.columns.forEach((col, i) => {
        const [from, to] = spans[i];
        const numeric = (c: TableCell): boolean => !!col.numeric && c.value !== undefined;
        const values = group.map(({ cells }) => fill(from, to, numeric(cells[i]) ? cells[i].value! : cells[i].text));
        const formats = group.map(({ cells }) => fill(from, to, numeric(cells[i]) ? (Number.isInteger(cells[i].value) ? '#,##0' : '#,##0.0') : 'General').map(String));
        this.areas.push({
          row: at,
          col: from,
          values,
          ...(col.numeric ? { numberFormat: formats } : {}),
          size: TABLE_SIZE,
          bold: group[0].bold,
          align: group[0].bold && i === 1 ? 'Center' : ALIGN[col.align],
          borders: true,
          ...(to > from ? { merge: 'across' as const } : {}),
        });
      });
      at += group.length;
    }
    this.row = at;
    return { headerRow };
  }

  sheet(name: string, printTitleRows: string | null): PrintSheet {
    const last = Math.max(this.row, this.heights.length);
    while (this.heights.length < last) this.heights.push(lineHeight(SIZE));
    return {
      name,
      columnWidths: COLUMN_WIDTHS,
      areas: this.areas,
      rowHeights: this.heights,
      printArea: blockAddress(0, 0, last, COLS),
      printTitleRows,
      page: PAGE,
    };
  }
}

function blocks(b: SheetBuilder, list: readonly Block[]): void {
  for (const block of list) {
    if (block.type === 'heading') b.paragraph(block.text, { bold: true, align: 'Left' });
    else if (block.type === 'paragraph') b.paragraph(block.bullet ? `- ${block.text}` : block.text, { italic: block.italic });
    else if (block.table.key === 'cadres') b.paragraph(annexReference(YEAR_REPORT_ANNEX, block.table), { italic: true });
    else {
      b.table(block.table, DEPARTMENT_SPANS);
      b.blank();
    }
  }
}

function reportSheet(model: ReportModel): PrintSheet {
  const b = new SheetBuilder();
  const h = model.header;
  // header block: left A–C, right D–H
  b.text(0, 0, 2, h.issuer.join('\n'), { bold: true, size: 12, align: 'Center' });
  b.text(0, 3, 7, h.union, { bold: true, underline: true, align: 'Center' });
  b.text(1, 0, 2, '***', { size: 12, align: 'Center' });
  b.text(1, 3, 7, h.dateLine, { italic: true, align: 'Center' });
  b.text(2, 0, 2, h.symbol, { size: 12, align: 'Center' });
  b.row = 3;
  b.blank();
  b.paragraph(model.title, { bold: true, align: 'Center' });
  b.areas[b.areas.length - 1].size = 15;
  b.paragraph(model.subtitle, { bold: true, align: 'Center' });
  b.paragraph('-----', { align: 'Center' });
  for (const s of model.sections) {
    b.paragraph(s.heading, { bold: true, align: 'Left' });
    blocks(b, s.blocks);
  }
  b.blank();
  // signature block: "Nơi nhận:" and the recipients left (A–C), the signer right (E–H)
  const start = b.row;
  b.text(start, 0, 2, model.recipients.heading, { bold: true, italic: true, size: 12 });
  model.signature.title.forEach((t, i) => b.text(start + i, 4, 7, t, { bold: true, align: 'Center' }));
  model.recipients.lines.forEach((l, i) => b.text(start + 1 + i, 0, 2, l, { size: 11 }));
  const nameRow = start + Math.max(model.signature.title.length, 1) + 4;
  b.text(nameRow, 4, 7, model.signature.name, { bold: true, align: 'Center' });
  b.row = Math.max(nameRow, start + model.recipients.lines.length) + 1;
  return b.sheet(YEAR_REPORT_SHEET, null);
}

function annexSheet(model: ReportModel): PrintSheet {
  const b = new SheetBuilder();
  b.paragraph(annexTitle(model), { bold: true, align: 'Center' });
  b.paragraph(annexNote(model), { italic: true, align: 'Center' });
  b.blank();
  const cadres = cadreTable(model);
  if (!cadres) return b.sheet(YEAR_REPORT_ANNEX, null);
  const { headerRow } = b.table(cadres, CADRE_SPANS);
  return b.sheet(YEAR_REPORT_ANNEX, `$${headerRow + 1}:$${headerRow + 1}`);
}

/** The two sheets of the report: the document, then the per-cadre annex. */
export function yearReportSheets(model: ReportModel): PrintSheet[] {
  return [reportSheet(model), annexSheet(model)];
}

/** `A:A`, `B:B`… for the column widths. */
export const columnAddress = (col: number): string => `${columnLetters(col)}:${columnLetters(col)}`;

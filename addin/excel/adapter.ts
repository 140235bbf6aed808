/**
 * The thin Office.js adapter: the only code that touches the Excel API. It reads tables as
 * 2-D arrays and writes whole ranges, with few `context.sync()` calls whatever the row count:
 * reading tables takes 2, writing any number of tables 1.
 */
import { blockAddress, cellAddress, columnLetters } from '../sheet/address';
import { escapeMatrix, type CellValue } from '../sheet/escape';
import type { TableWrite } from '../sheet/table-edit';
import type { TemplatePlan } from '../sheet/template';
import type { ExcelLike, RequestContext, Table } from './excel-api';

/** A table as read: its header row and body rows. */
export interface SheetTable {
  name: string;
  headers: unknown[];
  rows: unknown[][];
}

/** Reads tables by name (absent ones map to null): two syncs. */
export async function readTables(excel: ExcelLike, names: readonly string[]): Promise<Map<string, SheetTable | null>> {
  return excel.run(async (ctx) => {
    const probes = names.map((name) => {
      const t = ctx.workbook.tables.getItemOrNullObject(name);
      t.load('isNullObject');
      return { name, t };
    });
    await ctx.sync();
    const loaded = probes
      .filter((p) => !p.t.isNullObject)
      .map((p) => {
        const header = p.t.getHeaderRowRange();
        header.load('values');
        const body = p.t.getDataBodyRange();
        body.load('values');
        return { name: p.name, header, body };
      });
    await ctx.sync();
    const out = new Map<string, SheetTable | null>(names.map((n) => [n, null]));
    for (const l of loaded) out.set(l.name, { name: l.name, headers: l.header.values[0] ?? [], rows: l.body.values });
    return out;
  });
}

/** Queues one table's write (deletions, additions, runs of cells) on a context. */
export function queueTableWrite(ctx: RequestContext, write: TableWrite, width: number): void {
  const table = ctx.workbook.tables.getItem(write.table);
  // Delete bottom-up, contiguous runs at once, so earlier indexes stay valid.
  const rows = [...write.deleteRows].sort((a, b) => b - a);
  let i = 0;
  while (i < rows.length) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] - 1) j++;
    const top = rows[j];
    const count = i === j ? 1 : rows[i] - top + 1;
    table.getDataBodyRange().getCell(top, 0).getResizedRange(count - 1, width - 1).delete('Up');
    i = j + 1;
  }
  if (write.appendCount > 0) {
    const blank: CellValue[][] = Array.from({ length: write.appendCount }, () => new Array<CellValue>(width).fill(''));
    table.rows.add(null, blank);
  }
  for (const run of write.runs) {
    const range = table.getDataBodyRange().getCell(run.row, run.col).getResizedRange(run.values.length - 1, 0);
    if (run.numberFormat) range.numberFormat = run.values.map(() => [run.numberFormat]);
    range.values = run.values;
  }
}

/**
 * Writes tables in one sync, with calculation and screen updating suspended.
 * `widths`: each table's column count (as read).
 */
export async function writeTables(excel: ExcelLike, writes: readonly TableWrite[], widths: ReadonlyMap<string, number>): Promise<void> {
  const work = writes.filter((w) => w.deleteRows.length || w.appendCount || w.runs.length);
  if (!work.length) return;
  await excel.run(async (ctx) => {
    suspend(ctx);
    for (const w of work) queueTableWrite(ctx, w, widths.get(w.table) ?? 1);
    await ctx.sync();
  });
}

function suspend(ctx: RequestContext): void {
  ctx.application.suspendApiCalculationUntilNextSync();
  ctx.application.suspendScreenUpdatingUntilNextSync();
}

export interface TemplateResult {
  createdTables: string[];
  addedColumns: { table: string; headers: string[] }[];
}

/** Creates the missing sheets, tables and columns of the template (existing data is kept). Three syncs. */
export async function createTemplate(excel: ExcelLike, plan: TemplatePlan): Promise<TemplateResult> {
  return excel.run(async (ctx) => {
    const wb = ctx.workbook;
    const probes = plan.tables.map((tp) => {
      const table = wb.tables.getItemOrNullObject(tp.table);
      table.load('isNullObject');
      const sheet = wb.worksheets.getItemOrNullObject(tp.sheet);
      sheet.load('isNullObject');
      return { tp, table, sheet };
    });
    const lists = wb.worksheets.getItemOrNullObject(plan.listsSheet);
    lists.load('isNullObject');
    await ctx.sync();
    const headerRanges = probes
      .filter((p) => !p.table.isNullObject)
      .map((p) => {
        const r = p.table.getHeaderRowRange();
        r.load('values');
        return { p, r };
      });
    await ctx.sync();

    suspend(ctx);
    const result: TemplateResult = { createdTables: [], addedColumns: [] };
    const listSheet = lists.isNullObject ? wb.worksheets.add(plan.listsSheet) : lists;
    listSheet.getRange().clear();
    listSheet.getRange(blockAddress(0, 0, plan.lists.length, 2)).values = escapeMatrix(plan.lists);
    listSheet.visibility = 'Hidden';

    for (const p of probes) {
      const headers = p.tp.columns.map((c) => c.header);
      let table: Table;
      let newColumns = p.tp.columns;
      if (p.table.isNullObject) {
        const sheet = p.sheet.isNullObject ? wb.worksheets.add(p.tp.sheet) : p.sheet;
        table = sheet.tables.add(`A1:${columnLetters(headers.length - 1)}1`, true);
        table.name = p.tp.table;
        table.getHeaderRowRange().values = [headers];
        table.showBandedRows = true;
        sheet.freezePanes.freezeRows(1);
        result.createdTables.push(p.tp.table);
      } else {
        table = p.table;
        const have = new Set((headerRanges.find((h) => h.p === p)?.r.values[0] ?? []).map((h) => String(h).trim()));
        newColumns = p.tp.columns.filter((c) => !have.has(c.header));
        for (const c of newColumns) table.columns.add(null, undefined, c.header);
        if (newColumns.length) result.addedColumns.push({ table: p.tp.table, headers: newColumns.map((c) => c.header) });
      }
      for (const c of newColumns) {
        const column = table.columns.getItem(c.header);
        const whole = column.getRange();
        whole.format.columnWidth = c.width;
        if (c.hidden) whole.columnHidden = true;
        const body = column.getDataBodyRange();
        if (c.numberFormat) body.numberFormat = [[c.numberFormat]];
        if (c.validation) {
          body.dataValidation.rule = { list: { inCellDropDown: true, source: c.validation.source } };
          body.dataValidation.errorAlert = c.validation.freeText
            ? { showAlert: false }
            : { showAlert: true, style: 'Stop', title: 'Giá trị không hợp lệ', message: `Chọn ${c.header} trong danh sách.` };
        }
        for (const rule of c.colors ?? []) {
          const cf = body.conditionalFormats.add('ContainsText');
          cf.textComparison.format.fill.color = rule.fill;
          cf.textComparison.format.font.color = rule.font;
          cf.textComparison.rule = { operator: rule.operator, text: rule.text };
        }
      }
    }
    await ctx.sync();
    return result;
  });
}

/** A block of cells on the dashboard. */
export interface DashboardBlock {
  id: string;
  row: number;
  col: number;
  values: CellValue[][];
  bold?: boolean;
  /** Header row fill (first row of the block). */
  headerFill?: string;
  fontSize?: number;
  numberFormat?: string;
}

export interface DashboardChart {
  type: 'ColumnClustered' | 'Line';
  /** The block whose cells are the chart's data (its first row: series names). */
  block: string;
  title: string;
  /** Top-left and bottom-right cells of the chart. */
  from: string;
  to: string;
}

export interface DashboardLayout {
  sheet: string;
  blocks: DashboardBlock[];
  charts: DashboardChart[];
  columnWidths: number[];
}

/** Rebuilds the dashboard sheet (deleted and written anew): two syncs. */
export async function writeDashboard(excel: ExcelLike, layout: DashboardLayout): Promise<void> {
  await excel.run(async (ctx) => {
    const existing = ctx.workbook.worksheets.getItemOrNullObject(layout.sheet);
    existing.load('isNullObject');
    await ctx.sync();
    suspend(ctx);
    if (!existing.isNullObject) existing.delete();
    const sheet = ctx.workbook.worksheets.add(layout.sheet);
    layout.columnWidths.forEach((w, c) => {
      sheet.getRange(`${columnLetters(c)}:${columnLetters(c)}`).format.columnWidth = w;
    });
    const ranges = new Map<string, ReturnType<typeof sheet.getRange>>();
    for (const b of layout.blocks) {
      if (!b.values.length || !b.values[0].length) continue;
      const range = sheet.getRange(blockAddress(b.row, b.col, b.values.length, b.values[0].length));
      if (b.numberFormat) range.numberFormat = b.values.map((r) => r.map(() => b.numberFormat));
      range.values = escapeMatrix(b.values);
      if (b.bold) range.format.font.bold = true;
      if (b.fontSize) range.format.font.size = b.fontSize;
      if (b.headerFill) {
        const head = sheet.getRange(blockAddress(b.row, b.col, 1, b.values[0].length));
        head.format.fill.color = b.headerFill;
        head.format.font.bold = true;
      }
      ranges.set(b.id, range);
    }
    for (const c of layout.charts) {
      const source = ranges.get(c.block);
      if (!source) continue;
      const chart = sheet.charts.add(c.type, source, 'Columns');
      chart.title.text = c.title;
      chart.setPosition(c.from, c.to);
    }
    sheet.activate();
    await ctx.sync();
  });
}

/** Shows a table cell: activates its sheet and selects it (one sync). */
export async function selectTableCell(excel: ExcelLike, sheet: string, table: string, row: number, col: number): Promise<void> {
  await excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(sheet).activate();
    ctx.workbook.tables.getItem(table).getDataBodyRange().getCell(row, col).select();
    await ctx.sync();
  });
}

export { cellAddress };

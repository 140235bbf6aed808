/**
 * The thin Office.js adapter: the only code that touches the Excel API. It reads tables as
 * 2-D arrays and writes whole ranges, with few `context.sync()` calls whatever the row count,
 * each under Excel on the web's payload limit: reading tables takes 2 syncs plus one per block
 * round (one round up to about 50,000 cells), writing one sync per 4 MB.
 */
import { blockAddress, cellAddress, columnLetters } from '../sheet/address';
import { escapeMatrix, type CellValue } from '../sheet/escape';
import { payloadBytes, SYNC_PAYLOAD_LIMIT } from '../sheet/payload';
import { nextCellBudget, planReadRound, READ_LIMITS, type PendingRead, type ReadLimits } from '../sheet/read-plan';
import type { TableWrite } from '../sheet/table-edit';
import type { TemplatePlan } from '../sheet/template';
import { batchOps, writeOps, type WriteOp } from '../sheet/write-plan';
import type { ExcelLike, Range, RequestContext, Table } from './excel-api';

/** A table as read: its header row and body rows, and where it is. */
export interface SheetTable {
  name: string;
  headers: unknown[];
  rows: unknown[][];
  /** The worksheet that holds it (its name as it is now). */
  sheet: string;
  /** 0-based sheet row and column of its header's first cell. */
  top: number;
  left: number;
}

/**
 * Reads tables by name (absent ones map to null): a sync to find them, one for their headers
 * and sizes, then the bodies in rounds of blocks sized to stay under the payload limit.
 */
export async function readTables(
  excel: ExcelLike,
  names: readonly string[],
  limits: ReadLimits = READ_LIMITS,
): Promise<Map<string, SheetTable | null>> {
  return excel.run(async (ctx) => {
    const probes = names.map((name) => {
      const t = ctx.workbook.tables.getItemOrNullObject(name);
      t.load('isNullObject');
      return { name, t };
    });
    await ctx.sync();
    const found = probes
      .filter((p) => !p.t.isNullObject)
      .map((p) => {
        const header = p.t.getHeaderRowRange();
        header.load('values,rowIndex,columnIndex');
        const body = p.t.getDataBodyRange();
        body.load('rowCount');
        const sheet = p.t.worksheet;
        sheet.load('name');
        return { name: p.name, table: p.t, header, body, sheet };
      });
    await ctx.sync();
    const out = new Map<string, SheetTable | null>(names.map((n) => [n, null]));
    const pending: PendingRead[] = [];
    const tables = new Map<string, { table: Table; read: SheetTable }>();
    for (const f of found) {
      const headers = f.header.values[0] ?? [];
      const read: SheetTable = { name: f.name, headers, rows: [], sheet: f.sheet.name, top: f.header.rowIndex, left: f.header.columnIndex };
      out.set(f.name, read);
      tables.set(f.name, { table: f.table, read });
      pending.push({ table: f.name, next: 0, total: f.body.rowCount, width: headers.length });
    }
    let budget = limits.firstRoundCells;
    let bytes = 0;
    let cells = 0;
    for (;;) {
      const round = planReadRound(pending, budget);
      if (!round.length) break;
      const ranges = round.map((b) => {
        const width = pending.find((p) => p.table === b.table)!.width;
        const range = tables.get(b.table)!.table.getDataBodyRange().getCell(b.start, 0).getResizedRange(b.count - 1, width - 1);
        range.load('values');
        return { b, range, width };
      });
      await ctx.sync();
      for (const { b, range, width } of ranges) {
        tables.get(b.table)!.read.rows.push(...range.values);
        pending.find((p) => p.table === b.table)!.next += b.count;
        bytes += payloadBytes(range.values);
        cells += b.count * width;
      }
      budget = nextCellBudget(bytes, cells, limits);
    }
    return out;
  });
}

/** Queues one write operation on a context. */
function queueOp(ctx: RequestContext, op: WriteOp): void {
  const table = ctx.workbook.tables.getItem(op.table);
  switch (op.kind) {
    case 'delete':
      table.getDataBodyRange().getCell(op.top, 0).getResizedRange(op.count - 1, op.width - 1).delete('Up');
      return;
    case 'append': {
      const blank: CellValue[][] = Array.from({ length: op.count }, () => new Array<CellValue>(op.width).fill(''));
      table.rows.add(null, blank);
      return;
    }
    case 'run': {
      const range: Range = table.getDataBodyRange().getCell(op.row, op.col).getResizedRange(op.values.length - 1, 0);
      if (op.numberFormat) range.numberFormat = op.values.map(() => [op.numberFormat]);
      range.values = op.values;
    }
  }
}

/**
 * Writes tables with calculation and screen updating suspended: one sync per batch of
 * operations under the payload limit (one sync for a publish of 2,000 rows).
 * `widths`: each table's column count (as read).
 */
export async function writeTables(
  excel: ExcelLike,
  writes: readonly TableWrite[],
  widths: ReadonlyMap<string, number>,
  maxBytes: number = SYNC_PAYLOAD_LIMIT,
): Promise<void> {
  const ops = writes.flatMap((w) => writeOps(w, widths.get(w.table) ?? 1, maxBytes));
  if (!ops.length) return;
  await excel.run(async (ctx) => {
    for (const batch of batchOps(ops, maxBytes)) {
      suspend(ctx);
      for (const op of batch) queueOp(ctx, op);
      await ctx.sync();
    }
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
        if (c.wrap) body.format.wrapText = true;
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

/** Shows a table cell: activates the table's sheet (whatever its name now) and selects it (one sync). */
export async function selectTableCell(excel: ExcelLike, table: string, row: number, col: number): Promise<void> {
  await excel.run(async (ctx) => {
    const t = ctx.workbook.tables.getItem(table);
    t.worksheet.activate();
    t.getDataBodyRange().getCell(row, col).select();
    await ctx.sync();
  });
}

export { cellAddress };

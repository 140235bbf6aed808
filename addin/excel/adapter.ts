/**
 * The thin Office.js adapter: the only code that touches the Excel API. It reads tables as
 * 2-D arrays and writes whole ranges, with few `context.sync()` calls whatever the row count,
 * each under Excel on the web's payload limit: reading tables takes 2 syncs plus one per block
 * round (one round up to about 50,000 cells), writing one sync per 4 MB.
 */
import { blockAddress, columnLetters } from '../sheet/address';
import { escapeMatrix } from '../sheet/escape';
import { payloadBytes, SYNC_PAYLOAD_LIMIT } from '../sheet/payload';
import { nextCellBudget, planReadRound, READ_LIMITS, type PendingRead, type ReadLimits } from '../sheet/read-plan';
import type { TableWrite } from '../sheet/table-edit';
import type { DashboardLayout } from '../sheet/dashboard';
import type { TemplatePlan } from '../sheet/template';
import { relocate } from '../sheet/relocate';
import { textCheckColumns, unescapeTextCells } from '../sheet/text-cells';
import { batchOps, writeOps, type WriteOp } from '../sheet/write-plan';
import { findHeader, listFormula, tableMarkerFormula, tableOfMarker } from '../sheet/markers';
import type { ExcelLike, NamedItem, Range, RequestContext, Table, Worksheet } from './excel-api';

/** A table as read: its header row and body rows, and where it is. */
export interface SheetTable {
  /** Its name now (a renamed table found by its marker has a name of the user's). */
  name: string;
  headers: unknown[];
  rows: unknown[][];
  /** The worksheet that holds it (its name as it is now). */
  sheet: string;
  /** 0-based sheet row and column of its header's first cell. */
  top: number;
  left: number;
  /** Its sheet is protected (writes would be refused). */
  protected: boolean;
}

/**
 * Finds tables: each by the workbook name marking it (`markers`: table → name; a renamed table
 * is found through it), else by its own name. One sync, plus one when a marker points to a
 * renamed table. The result keeps the order of `names`; `t` is a null object when not found.
 */
async function findTables(ctx: RequestContext, names: readonly string[], markers: ReadonlyMap<string, string>): Promise<{ name: string; t: Table }[]> {
  const probes = names.map((name) => {
    const t = ctx.workbook.tables.getItemOrNullObject(name);
    t.load('name');
    const markerName = markers.get(name);
    const marker = markerName ? ctx.workbook.names.getItemOrNullObject(markerName) : null;
    marker?.load('formula');
    return { name, t, marker };
  });
  await ctx.sync();
  let renamed = false;
  const found = probes.map(({ name, t, marker }): { name: string; t: Table; fallback?: Table } => {
    const target = marker && !marker.isNullObject ? tableOfMarker(marker.formula) : null;
    if (!target || (!t.isNullObject && t.name.toLowerCase() === target.toLowerCase())) return { name, t };
    renamed = true;
    const moved = ctx.workbook.tables.getItemOrNullObject(target);
    moved.load('name');
    return { name, t: moved, fallback: t };
  });
  if (!renamed) return found;
  await ctx.sync();
  // A marker left pointing at nothing (its table deleted): the table of the default name, if any.
  return found.map((f) => ({ name: f.name, t: f.fallback && f.t.isNullObject ? f.fallback : f.t }));
}

/**
 * Reads tables by name (absent ones map to null), each found by its marker when `markers`
 * names one (so a renamed table is still found; `SheetTable.name` is then its name now): a
 * sync to find them, one for their headers and sizes, then the bodies in rounds of blocks
 * sized to stay under the payload limit.
 */
export async function readTables(
  excel: ExcelLike,
  names: readonly string[],
  limits: ReadLimits = READ_LIMITS,
  markers: ReadonlyMap<string, string> = new Map(),
): Promise<Map<string, SheetTable | null>> {
  return excel.run(async (ctx) => {
    const probes = await findTables(ctx, names, markers);
    const found = probes
      .filter((p) => !p.t.isNullObject)
      .map((p) => {
        const header = p.t.getHeaderRowRange();
        header.load('values,rowIndex,columnIndex');
        const body = p.t.getDataBodyRange();
        body.load('rowCount');
        const sheet = p.t.worksheet;
        sheet.load('name,protection/protected');
        return { name: p.name, table: p.t, header, body, sheet };
      });
    await ctx.sync();
    const out = new Map<string, SheetTable | null>(names.map((n) => [n, null]));
    const pending: PendingRead[] = [];
    const tables = new Map<string, { table: Table; read: SheetTable }>();
    for (const f of found) {
      const headers = f.header.values[0] ?? [];
      const read: SheetTable = { name: f.table.name, headers, rows: [], sheet: f.sheet.name, top: f.header.rowIndex, left: f.header.columnIndex, protected: f.sheet.protection.protected };
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

/**
 * Queues one write operation on a context. Blocks of one table share one body range per
 * batch (fetched again after a deletion or an addition), so each block costs one range.
 */
function queueOp(ctx: RequestContext, op: WriteOp, bodies: Map<string, Range>): void {
  const table = ctx.workbook.tables.getItem(op.table);
  switch (op.kind) {
    case 'delete':
      bodies.delete(op.table);
      table.getDataBodyRange().getCell(op.top, 0).getResizedRange(op.count - 1, op.width - 1).delete('Up');
      return;
    case 'append': {
      bodies.delete(op.table);
      // No `table.rows.add` (a cause of co-authoring conflicts, and its values would overwrite
      // users' calculated columns): the cells below the table are pushed down, as adding table
      // rows would, and the table is resized over the freed rows. Nothing is written into them
      // here — Excel fills calculated columns, the blocks that follow write the add-in's cells.
      table.getRange().getLastRow().getOffsetRange(1, 0).getResizedRange(op.count - 1, 0).insert('Down');
      table.resize(table.getRange().getResizedRange(op.count, 0));
      return;
    }
    case 'block': {
      let body = bodies.get(op.table);
      if (!body) bodies.set(op.table, (body = table.getDataBodyRange()));
      const range: Range = body.getCell(op.row, op.col).getResizedRange(op.values.length - 1, op.values[0].length - 1);
      // `null` leaves a cell as it is (users' formulas between the changed cells stay).
      if (op.numberFormat) range.numberFormat = op.numberFormat;
      range.values = op.values;
    }
  }
}

export interface WriteReport {
  /** Rows whose id was gone from the table at write time (deleted meanwhile): nothing written to them. */
  lost: number;
}

/**
 * Writes tables with calculation and screen updating suspended: one sync to find each table's
 * rows again by their ids (a user may have sorted, inserted, deleted or filtered rows since
 * they were read), its filter and the number formats of the columns getting escaped strings
 * (a user's Text cell takes them without the apostrophe: text-cells.ts), then one sync per batch of operations under the payload
 * limit. A filtered table is unfiltered for inserts and deletes (Excel refuses them) and its
 * filter put back afterwards, also when a write fails. `widths`: each table's column count (as read).
 */
export async function writeTables(
  excel: ExcelLike,
  writes: readonly TableWrite[],
  widths: ReadonlyMap<string, number>,
  maxBytes: number = SYNC_PAYLOAD_LIMIT,
): Promise<WriteReport> {
  const active = writes.filter((w) => w.runs.length || w.deleteRows.length || w.appendCount);
  if (!active.length) return { lost: 0 };
  return excel.run(async (ctx) => {
    const probes = active.map((w) => {
      const table = ctx.workbook.tables.getItem(w.table);
      const ids = w.keys ? table.getDataBodyRange().getColumn(w.keys.col) : null;
      ids?.load('values');
      const filter = table.autoFilter;
      filter.load('isDataFiltered,criteria');
      // The formats of the columns that get escaped strings: a Text cell takes them verbatim.
      const formats = textCheckColumns(w).map((col) => {
        const range = table.getDataBodyRange().getColumn(col);
        range.load('numberFormat');
        return { col, range };
      });
      return { w, table, ids, filter, formats };
    });
    await ctx.sync();
    let lost = 0;
    const placed = probes.map((p) => {
      let write = p.w;
      if (p.w.keys && p.ids) {
        const r = relocate(p.w, p.w.keys, p.ids.values.map((row) => row[0]));
        lost += r.lost;
        write = r.write;
      }
      return unescapeTextCells(write, new Map(p.formats.map((f) => [f.col, f.range.numberFormat.map((row) => row[0])])));
    });
    const lifted = probes.filter((p, i) => p.filter.isDataFiltered && (placed[i].deleteRows.length || placed[i].appendCount));
    const ops = placed.flatMap((w) => writeOps(w, widths.get(w.table) ?? 1, maxBytes));
    try {
      for (const p of lifted) p.filter.clearCriteria();
      let first = true;
      for (const batch of batchOps(ops, maxBytes)) {
        // Calculation is suspended for every batch; screen updating once per operation (a
        // suspension per batch made the sheet flicker between syncs).
        suspend(ctx, first);
        first = false;
        const bodies = new Map<string, Range>();
        for (const op of batch) queueOp(ctx, op, bodies);
        await ctx.sync();
      }
    } finally {
      if (lifted.length) {
        for (const p of lifted) {
          p.filter.criteria.forEach((c, i) => {
            if (c && c.filterOn) p.filter.apply(p.table.getRange(), i, c);
          });
        }
        await ctx.sync();
      }
    }
    return { lost };
  });
}

function suspend(ctx: RequestContext, screen = true): void {
  ctx.application.suspendApiCalculationUntilNextSync();
  if (screen) ctx.application.suspendScreenUpdatingUntilNextSync();
}

export interface TemplateResult {
  createdTables: string[];
  addedColumns: { table: string; headers: string[] }[];
}

/**
 * Creates the missing sheets, tables and columns of the template (existing data is kept),
 * and the workbook names that mark each table and feed the dropdowns. A table renamed by the
 * user is found by its marker and completed, not created again; a new table on a sheet that
 * already holds data goes below that data (never over it). Headers are matched as the flows
 * match them (case, accents and spaces ignored), so Excel never has to rename a duplicate.
 * Three syncs (four when a marker points to a renamed table).
 */
export async function createTemplate(excel: ExcelLike, plan: TemplatePlan): Promise<TemplateResult> {
  return excel.run(async (ctx) => {
    const wb = ctx.workbook;
    // Queued before findTables' sync, so they load with it.
    const sheetProbes = plan.tables.map((tp) => {
      const sheet = wb.worksheets.getItemOrNullObject(tp.sheet);
      sheet.load('isNullObject');
      const marker = wb.names.getItemOrNullObject(tp.marker);
      marker.load('formula');
      return { sheet, marker };
    });
    const lists = wb.worksheets.getItemOrNullObject(plan.listsSheet);
    lists.load('isNullObject');
    const listNames = plan.listNames.map((ln) => {
      const item = wb.names.getItemOrNullObject(ln.name);
      item.load('formula');
      return { ln, item };
    });
    const markers = new Map(plan.tables.map((tp) => [tp.table, tp.marker]));
    const tables = await findTables(ctx, plan.tables.map((tp) => tp.table), markers);
    const probes = plan.tables.map((tp, i) => ({ tp, table: tables[i].t, ...sheetProbes[i] }));
    const shapes = probes.map((p) => {
      if (!p.table.isNullObject) {
        const header = p.table.getHeaderRowRange();
        header.load('values');
        return { p, header, used: null };
      }
      if (p.sheet.isNullObject) return { p, header: null, used: null };
      const used = p.sheet.getUsedRangeOrNullObject(true);
      used.load('rowIndex,rowCount');
      return { p, header: null, used };
    });
    await ctx.sync();

    suspend(ctx);
    const result: TemplateResult = { createdTables: [], addedColumns: [] };
    const listSheet = lists.isNullObject ? wb.worksheets.add(plan.listsSheet) : lists;
    listSheet.getRange().clear();
    listSheet.getRange(blockAddress(0, 0, plan.lists.length, 2)).values = escapeMatrix(plan.lists);
    listSheet.visibility = 'Hidden';

    // Pass 1: tables, their headers and markers, so that every name below has its column.
    const made = shapes.map(({ p, header, used }) => {
      let table: Table;
      let name = p.tp.table;
      let headers: unknown[];
      let newColumns = p.tp.columns;
      if (p.table.isNullObject) {
        const sheet = p.sheet.isNullObject ? wb.worksheets.add(p.tp.sheet) : p.sheet;
        const top = used && !used.isNullObject ? used.rowIndex + used.rowCount + 1 : 0;
        headers = p.tp.columns.map((c) => c.header);
        table = sheet.tables.add(`A${top + 1}:${columnLetters(headers.length - 1)}${top + 1}`, true);
        table.name = name;
        table.getHeaderRowRange().values = [headers as string[]];
        table.showBandedRows = true;
        if (top === 0) sheet.freezePanes.freezeRows(1);
        result.createdTables.push(name);
      } else {
        table = p.table;
        name = p.table.name;
        headers = [...(header?.values[0] ?? [])];
        newColumns = p.tp.columns.filter((c) => findHeader(headers, c.header) < 0);
        for (const c of newColumns) {
          table.columns.add(null, undefined, c.header);
          headers.push(c.header);
        }
        if (newColumns.length) result.addedColumns.push({ table: name, headers: newColumns.map((c) => c.header) });
      }
      // The marker: added, or re-pointed when it no longer refers to this table.
      const target = p.marker.isNullObject ? null : tableOfMarker(p.marker.formula);
      if (target?.toLowerCase() !== name.toLowerCase()) {
        if (!p.marker.isNullObject) p.marker.delete();
        wb.names.add(p.tp.marker, tableMarkerFormula(name), 'Theo dõi 1+2: đánh dấu bảng này (xin đừng xoá).');
      }
      return { tp: p.tp, table, name, headers, newColumns };
    });
    for (const { ln, item } of listNames) {
      if (!item.isNullObject && !/#REF!/i.test(item.formula)) continue;
      const m = made.find((x) => x.tp.table === ln.table);
      if (!m) continue;
      const col = findHeader(m.headers, ln.header);
      if (!item.isNullObject) (item as NamedItem).delete();
      wb.names.add(ln.name, listFormula(m.name, String(m.headers[col] ?? ln.header)), 'Theo dõi 1+2: danh sách chọn.');
    }

    // Pass 2: the new columns' widths, formats, dropdowns and colours.
    for (const { table, newColumns } of made) {
      for (const c of newColumns) {
        const column = table.columns.getItem(c.header);
        const whole = column.getRange();
        whole.format.columnWidth = c.width;
        if (c.hidden) whole.columnHidden = true;
        const body = column.getDataBodyRange();
        if (c.numberFormat) body.numberFormat = [[c.numberFormat]];
        if (c.wrap) body.format.wrapText = true;
        if (c.shade) {
          body.format.fill.color = c.shade.fill;
          body.format.font.color = c.shade.font;
        }
        if (c.validation) {
          body.dataValidation.rule = { list: { inCellDropDown: true, source: c.validation.source } };
          body.dataValidation.errorAlert = c.validation.freeText
            ? { showAlert: false }
            : { showAlert: true, style: 'Stop', title: 'Giá trị không hợp lệ', message: `Chọn ${c.header} trong danh sách.` };
        }
        // Excel gives each new conditional format the top priority: added last-first, the
        // first rule ends on top.
        for (const rule of [...(c.colors ?? [])].reverse()) {
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

/**
 * Writes the dashboard sheet in place: the sheet is kept (references to its cells from other
 * sheets stay valid, and it is never deleted, so being the last visible sheet does not matter),
 * its cells and formats cleared, its charts replaced. Two syncs the first time, three after.
 */
export async function writeDashboard(excel: ExcelLike, layout: DashboardLayout): Promise<void> {
  await excel.run(async (ctx) => {
    const existing = ctx.workbook.worksheets.getItemOrNullObject(layout.sheet);
    existing.load('isNullObject');
    await ctx.sync();
    let sheet: Worksheet;
    if (existing.isNullObject) {
      sheet = ctx.workbook.worksheets.add(layout.sheet);
    } else {
      sheet = existing;
      sheet.charts.load('items/name');
      await ctx.sync();
      for (const chart of sheet.charts.items) chart.delete();
      sheet.getRange().clear();
      sheet.visibility = 'Visible';
    }
    suspend(ctx);
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


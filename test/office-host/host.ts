/**
 * The emulated Excel host: Microsoft's own office.js (`excel-web-16.00.js`) runs in a vm realm
 * and every `context.sync()` it makes is answered from an in-memory workbook that refuses what
 * Excel refuses. Use it wherever a test needs Excel:
 *
 *   const excel = new ExcelHost();             // an empty workbook (no sheet: add one, or run the template)
 *   await createTemplate(excel, plan);          // the add-in's code, unchanged: excel.run(ctx => …)
 *   excel.typeRows('DiCoSo', [{ 'Mã cán bộ': 'CB01' }]);   // what a user does (not through office.js)
 *   excel.records('DiCoSo');                    // what the sheet holds now
 *
 * What it measures: `requests` (every request office.js posted: body bytes as office.js
 * serialised them, response bytes, whether it wrote, whether it failed), `syncCount` (requests
 * made by `sync()`, not the end-of-run reference clean-up), `maxRequestBytes(from)`,
 * `suspensions`, `writtenCells`.
 *
 * Excel's rules it enforces (each tested in test/office-host/host.test.ts):
 * - errors surface at `sync()` as `OfficeExtension.Error` (code, message, debugInfo); the host
 *   stops at the failing action, earlier actions of the same request stay applied;
 * - a request body over `requestLimit` (5,000,000 bytes) is refused whole
 *   (`RequestPayloadSizeLimitExceeded`), a response over `responseLimit` fails after applying
 *   (`ResponsePayloadSizeLimitExceeded`);
 * - `editMode = true`: every request fails with `InvalidOperationInCellEditMode`;
 * - protected sheets refuse writes (`AccessDenied`), reads work;
 * - inserting or deleting rows in a filtered table: `tables.rows.add` → `FilteredRangeConflict`,
 *   `Range.delete/insert` → `InsertDeleteConflict`; shifting part of a table → `InsertDeleteConflict`;
 *   a worksheet AutoFilter is recorded on a plain range, refused over a table (it has its own);
 * - table names unique among tables and names (`ItemAlreadyExists`), renames carried into
 *   names' structured references; column names unique ignoring case (duplicates renamed
 *   `Name2`, blanks `ColumnN`); column lookup ignores case; `tables.add` over another table fails;
 * - calculated columns: new rows get the column's formula; a table keeps one body row;
 * - the last visible sheet can't be hidden or deleted;
 * - `getCell` outside the range is allowed; `numberFormat` takes one value for many cells
 *   (`values` must match the size); a Text-formatted (`@`) cell keeps a written apostrophe;
 *   other strings are typed input (`=` formula, `'` prefix dropped, numbers and dates coerced);
 * - conditional formats: a new one takes the top priority; validations, formats and charts recorded;
 * - merged cells (`merge`, `unmerge`; clearing formats unmerges; a merge overlapping another is
 *   refused; merging keeps only the top-left value), borders recorded as formats, and the page
 *   layout (paper, orientation, margins, zoom, print area, print title rows, headers and
 *   footers) recorded as set, with Excel's checks (page-layout.ts).
 * Codes Excel documents but that were not recorded from a real session are marked "assumed" in workbook.ts.
 */
import type { ExcelLike, RequestContext } from '../../addin/excel/excel-api';
import { parseLocal } from './address';
import { Dispatcher, type RequestBody, type ResponseBody } from './dispatch';
import type { HostState } from './objects';
import { loadOfficeJs, type BridgeAnswer, type OfficeRealm } from './office-js';
import './page-layout'; // Worksheet.pageLayout
import { HostError, isFiltered, WorkbookModel, type Cell, type FilterCriteria, type SheetModel, type TableModel } from './workbook';

export interface RequestRecord {
  /** UTF-8 bytes of the request body office.js posted. */
  bytes: number;
  /** UTF-8 bytes of the answer. */
  responseBytes: number;
  /** office.js flagged it as containing a write. */
  write: boolean;
  /** The end-of-`Excel.run` request that only releases kept references. */
  cleanup: boolean;
  actions: number;
  /** The error code it failed with, if any. */
  error?: string;
}

const EDIT_MODE = 5004;
const REQUEST_TOO_LARGE = 5103;
const RESPONSE_TOO_LARGE = 5104;

export class ExcelHost implements ExcelLike, HostState {
  readonly wb = new WorkbookModel();
  private officeJs: OfficeRealm | undefined;
  readonly requests: RequestRecord[] = [];
  readonly suspensions = { calculation: 0, screen: 0 };
  writtenCells = 0;
  /** While true, Excel is in cell edit mode: every request fails. */
  editMode = false;
  requestLimit = 5_000_000;
  responseLimit = 5_000_000;
  /** Called before each request is answered, with its index: what a user does between syncs. */
  beforeRequest: ((index: number) => void) | null = null;
  private readonly dispatcher = new Dispatcher(this);

  /** A new workbook with one sheet (`Sheet1`), as Excel makes it; `sheets: []` for none. */
  constructor(options: { sheets?: string[] } = {}) {
    for (const name of options.sheets ?? ['Sheet1']) this.wb.addSheet(name);
  }

  /**
   * office.js in a `node:vm` realm answered by this host, loaded on first use. A host that
   * answers another office.js (the browser test's page, through `answer`) never loads it.
   */
  get realm(): OfficeRealm {
    this.officeJs ??= loadOfficeJs((body, write) => this.answer(body, write));
    return this.officeJs;
  }

  /** The add-in's entry point (`ExcelLike`): `Excel.run` of the realm's office.js. */
  run<T>(batch: (context: RequestContext) => Promise<T>): Promise<T> {
    return this.realm.Excel.run(batch as unknown as (context: Excel.RequestContext) => Promise<T>);
  }

  /** `Excel.run` with office.js's full types (for tests of the host itself). */
  runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return this.realm.Excel.run(batch);
  }

  /**
   * Answers one request as office.js posted it to `OSF.DDA.RichApi.executeRichApiRequestAsync`:
   * the body (JSON text, `safeArray[4]`) and whether it writes (bit 1 of `safeArray[6]`).
   */
  answer(text: string, write: boolean): BridgeAnswer {
    const body = JSON.parse(text) as RequestBody;
    const cleanup = body.Actions.every((a) => a.ActionType === 1 || a.Name === '_RemoveReference') && body.Actions.some((a) => a.Name === '_RemoveReference');
    const record: RequestRecord = { bytes: Buffer.byteLength(text, 'utf8'), responseBytes: 0, write, cleanup, actions: body.Actions.length };
    this.requests.push(record);
    if (!cleanup) this.beforeRequest?.(this.syncCount - 1);
    if (this.editMode) {
      record.error = 'InvalidOperationInCellEditMode';
      return { failure: EDIT_MODE };
    }
    if (record.bytes > this.requestLimit) {
      record.error = 'RequestPayloadSizeLimitExceeded';
      return { failure: REQUEST_TOO_LARGE };
    }
    const response: ResponseBody = this.dispatcher.execute(body);
    const out = JSON.stringify(response);
    record.responseBytes = Buffer.byteLength(out, 'utf8');
    if (response.Error) record.error = response.Error.Code;
    if (record.responseBytes > this.responseLimit) {
      record.error = 'ResponsePayloadSizeLimitExceeded';
      return { failure: RESPONSE_TOO_LARGE };
    }
    return { body: out };
  }

  // ------------------------------------------------------------ measures

  /** Requests made by `context.sync()` (the end-of-run clean-up is not counted). */
  get syncCount(): number {
    return this.requests.filter((r) => !r.cleanup).length;
  }

  /** The syncs since `from` (an earlier `syncCount`). */
  syncsSince(from: number): RequestRecord[] {
    return this.requests.filter((r) => !r.cleanup).slice(from);
  }

  /** The largest request and response of the syncs since `from`, in bytes. */
  maxBytes(from = 0): { request: number; response: number } {
    const s = this.syncsSince(from);
    return { request: Math.max(0, ...s.map((r) => r.bytes)), response: Math.max(0, ...s.map((r) => r.responseBytes)) };
  }

  /** References office.js still keeps (released at the end of each `Excel.run`). */
  get keptReferences(): number {
    return this.dispatcher.keptReferences;
  }

  // ------------------------------------------------------------ inspection

  get activeSheet(): string {
    return this.wb.activeSheet?.name ?? '';
  }

  get selection(): { sheet: string; address: string } | null {
    return this.wb.selection;
  }

  sheet(name: string): SheetModel {
    return this.wb.sheet(name) ?? fail(`no sheet ${name}`);
  }

  table(name: string): TableModel {
    return this.wb.table(name) ?? fail(`no table ${name}`);
  }

  cell(sheet: string, row: number, col: number): Cell {
    return this.wb.cell(this.sheet(sheet), row, col) ?? { value: '', formula: null, numberFormat: 'General' };
  }

  at(sheet: string, address: string): Cell {
    const b = parseLocal(address) ?? fail(`bad address ${address}`);
    return this.cell(sheet, b.r, b.c);
  }

  headers(table: string): string[] {
    return this.table(table).columns.map((c) => c.name);
  }

  body(table: string): unknown[][] {
    const t = this.table(table);
    return Array.from({ length: t.bodyRows }, (_, i) => t.columns.map((_c, j) => this.wb.cell(t.sheet, t.top + 1 + i, t.left + j)?.value ?? ''));
  }

  records(table: string): Record<string, unknown>[] {
    const h = this.headers(table);
    return this.body(table).map((row) => Object.fromEntries(h.map((name, j) => [name, row[j]])));
  }

  private col(t: TableModel, header: string): number {
    const j = t.columns.findIndex((c) => c.name.toLowerCase() === header.toLowerCase());
    return j >= 0 ? j : fail(`no column ${header} in ${t.name}`);
  }

  bodyCell(table: string, row: number, header: string): Cell {
    const t = this.table(table);
    return this.cell(t.sheet.name, t.top + 1 + row, t.left + this.col(t, header));
  }

  /** Every cell of a sheet that holds something or was formatted. */
  allCells(sheet: string): Cell[] {
    return this.sheet(sheet).grid.flatMap((row) => (row ?? []).filter((c): c is Cell => !!c));
  }

  /** Body rows (0-based) hidden by a filter. */
  hiddenRows(table: string): number[] {
    const t = this.table(table);
    return Array.from({ length: t.bodyRows }, (_, i) => i).filter((i) => t.sheet.hiddenRows.has(t.top + 1 + i));
  }

  // ------------------------------------------------------------ what users do (not through office.js)

  /** A user adds a sheet. */
  addSheet(name: string): SheetModel {
    return this.wb.addSheet(name);
  }

  /** Typing into a cell: `=` starts a formula (not in a Text cell), a leading `'` keeps text, anything else as typed. */
  type(sheet: SheetModel, r: number, c: number, v: unknown): void {
    const cell = this.wb.touch(sheet, r, c);
    delete cell.coerced;
    if (typeof v === 'string' && v.startsWith("'")) Object.assign(cell, { value: v.slice(1), formula: null });
    else if (typeof v === 'string' && v.startsWith('=') && cell.numberFormat !== '@') Object.assign(cell, { value: '#FORMULA', formula: v });
    else Object.assign(cell, { value: v === null || v === undefined ? '' : v, formula: null });
  }

  /** Fills rows by header below the table (it grows, as Excel's auto-expansion does); a blank only row is filled first. */
  typeRows(table: string, rows: Record<string, unknown>[]): void {
    const t = this.table(table);
    let start = t.bodyRows;
    if (t.bodyRows === 1 && this.body(table)[0].every((v) => v === '' || v === null)) start = 0;
    const from = t.bodyRows;
    t.bodyRows = Math.max(t.bodyRows, start + rows.length);
    this.wb.fillNewRows(t, from);
    rows.forEach((rec, i) => {
      for (const [name, v] of Object.entries(rec)) this.type(t.sheet, t.top + 1 + start + i, t.left + this.col(t, name), v);
    });
  }

  editCell(table: string, row: number, header: string, value: unknown): void {
    const t = this.table(table);
    this.type(t.sheet, t.top + 1 + row, t.left + this.col(t, header), value);
  }

  /** A user moves a table column (header and body) to another position. */
  moveColumn(table: string, header: string, to: number): void {
    const t = this.table(table);
    const from = this.col(t, header);
    for (let i = 0; i <= t.bodyRows; i++) {
      const row = (t.sheet.grid[t.top + i] ??= []);
      const cells = t.columns.map((_c, j) => row[t.left + j]);
      const [moved] = cells.splice(from, 1);
      cells.splice(to, 0, moved);
      cells.forEach((cell, j) => (row[t.left + j] = cell));
    }
    const [col] = t.columns.splice(from, 1);
    t.columns.splice(to, 0, col);
  }

  /** A user inserts a column of their own at `at`. */
  insertColumn(table: string, at: number, header: string): void {
    this.wb.addColumn(this.table(table), at, header, undefined);
  }

  renameSheet(from: string, to: string): void {
    this.wb.renameSheet(this.sheet(from), to);
  }

  renameTable(from: string, to: string): void {
    this.wb.renameTable(this.table(from), to);
  }

  /** A user sorts the table by a column. */
  sortTable(table: string, header: string, ascending = true): void {
    const t = this.table(table);
    this.wb.sortTable(t, this.col(t, header), ascending);
  }

  /** A user filters a table column to some values (or clears it with null). */
  filterTable(table: string, header: string, values: string[] | null): void {
    const t = this.table(table);
    const criteria: FilterCriteria | null = values ? { filterOn: 'Values', values } : null;
    t.columns[this.col(t, header)].filter = criteria;
    this.wb.applyTableFilters(t);
  }

  isFiltered(table: string): boolean {
    return isFiltered(this.table(table));
  }

  /** A user inserts `count` blank table rows at body row `at` (Excel's UI clears a filter's conflict itself). */
  insertRows(table: string, at: number, count = 1): void {
    const t = this.table(table);
    this.wb.insertCells(t.sheet, { r: t.top + 1 + at, c: t.left, rows: count, cols: t.columns.length }, 'Down');
    if (at < t.bodyRows) return;
    t.bodyRows += count;
  }

  /** A user deletes `count` table rows from body row `at`. */
  deleteRows(table: string, at: number, count = 1): void {
    const t = this.table(table);
    this.wb.deleteCells(t.sheet, { r: t.top + 1 + at, c: t.left, rows: count, cols: t.columns.length }, 'Up');
  }

  /** A user turns a column into a calculated column (every body cell gets the formula; new rows too). */
  setColumnFormula(table: string, header: string, formula: string): void {
    const t = this.table(table);
    const j = this.col(t, header);
    t.columns[j].formula = formula;
    for (let i = 0; i < t.bodyRows; i++) Object.assign(this.wb.touch(t.sheet, t.top + 1 + i, t.left + j), { value: '#FORMULA', formula });
  }

  /** A user formats a table column's body (Home › Number format; `@` is Text). New rows take it from the row above. */
  formatColumn(table: string, header: string, numberFormat: string): void {
    const t = this.table(table);
    const j = this.col(t, header);
    for (let i = 0; i < t.bodyRows; i++) this.wb.touch(t.sheet, t.top + 1 + i, t.left + j).numberFormat = numberFormat;
  }

  protect(sheet: string, on = true): void {
    this.sheet(sheet).protected = on;
  }
}

function fail(message: string): never {
  throw new HostError('HostTest', message);
}

/**
 * A small typed fake of the Excel API: exactly the subset addin/excel/excel-api.ts declares.
 * It counts `context.sync()` calls, requires `load` + `sync` before a loaded property is read
 * (as Office.js does), checks matrix sizes on writes, and stores values, formulas and number
 * formats so that escaping can be checked. A string written through `Range.values` is taken
 * the way Excel takes typed input: into a text-formatted (`@`) cell verbatim (an apostrophe
 * included); elsewhere a leading `'` is a text prefix (dropped), a leading `=`, `+`, `-` or `@`
 * makes a formula, and text Excel reads as a number, date, time or boolean is coerced (marked
 * `coerced`). Each sync's payload is measured (the JSON of the values and number formats sent
 * and loaded, non-ASCII counted as `\uXXXX` escapes), as Excel on the web caps it at 5 MB.
 *
 * Self-contained (type imports only): the browser test transpiles this file and injects it
 * into the page as `Excel`.
 */
import type {
  AutoFilter,
  NamedItem,
  Chart,
  ConditionalFormat,
  ExcelLike,
  Matrix,
  Range,
  RangeFormat,
  RequestContext,
  Table,
  TableColumn,
  Workbook,
  Worksheet,
} from '../../addin/excel/excel-api';

export interface FakeCell {
  value: unknown;
  formula: string | null;
  numberFormat: string;
  /** Written text Excel turned into a number, date, time or boolean. */
  coerced?: boolean;
}

/** A sync's payload in bytes: what the add-in sent (writes) and what came back (loads). */
export interface SyncPayload {
  request: number;
  response: number;
}

/** JSON size with every non-ASCII character counted as a `\uXXXX` escape (the worst case). */
export function payloadBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  let n = json.length;
  for (let i = 0; i < json.length; i++) if (json.charCodeAt(i) > 0x7f) n += 5;
  return n;
}

const NUMBER_TEXT = /^\s*[-+]?(\d[\d,]*(\.\d*)?|\.\d+)(e[-+]?\d+)?%?\s*$/i;
const ACCOUNTING_TEXT = /^\s*(\(\s*[$€£¥₫]?\s*\d[\d,.]*\s*\)|[-+]?\s*[$€£¥₫]\s*\d[\d,.]*|[-+]?\d[\d,.]*\s*[$€£¥₫])\s*$/;
const DATE_TEXT = /^\s*\d{1,4}[/.-]\d{1,2}([/.-]\d{1,4})?\s*$/;
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*';
const MONTH_TEXT = new RegExp(`^\\s*(\\d{1,2}[\\s/-]+${MONTH}([\\s/-]+\\d{1,4})?|${MONTH}[\\s/-]+\\d{1,4}([\\s,/-]+\\d{1,4})?)\\s*$`, 'i');
const ERROR_TEXT = /^\s*#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!)\s*$/i;
const TIME_TEXT = /^\s*\d{1,2}:\d{2}(:\d{2})?\s*$/;

/** How Excel stores a string written into a cell with `numberFormat` (typed-input rules). */
export function excelInput(text: string, numberFormat: string): Pick<FakeCell, 'value' | 'formula' | 'coerced'> {
  if (numberFormat === '@') return { value: text, formula: null };
  if (text.startsWith("'")) return { value: text.slice(1), formula: null };
  const number = NUMBER_TEXT.test(text) ? Number(text.replace(/[,%\s]/g, '')) : NaN;
  // A number too large for Excel (1e400) stays text.
  if (Number.isFinite(number)) return { value: number, formula: null, coerced: true };
  if (/^[=+\-@]./s.test(text)) return { value: '#FORMULA', formula: text };
  if (ACCOUNTING_TEXT.test(text)) return { value: `#NUMBER(${text})`, formula: null, coerced: true };
  if (DATE_TEXT.test(text) || TIME_TEXT.test(text) || MONTH_TEXT.test(text)) return { value: `#DATE(${text})`, formula: null, coerced: true };
  if (ERROR_TEXT.test(text)) return { value: text.trim().toUpperCase(), formula: null, coerced: true };
  if (/^\s*(true|false)\s*$/i.test(text)) return { value: /true/i.test(text), formula: null, coerced: true };
  return { value: text, formula: null };
}

interface SheetModel {
  name: string;
  visibility: string;
  cells: Map<string, FakeCell>;
  frozenRows: number;
  columnWidths: Map<number, number>;
  hiddenColumns: Set<number>;
  validations: { address: string; source: string; showAlert: boolean }[];
  conditionalFormats: { address: string; operator: string; text: string; fill: string; font: string }[];
  charts: { type: string; source: string; title: string; from: string; to: string }[];
  fonts: { address: string; bold?: boolean; size?: number; fill?: string }[];
  /** Protected (Review › Protect Sheet): Excel refuses writes with AccessDenied. */
  protected?: boolean;
}

interface TableModel {
  name: string;
  sheet: SheetModel;
  top: number;
  left: number;
  width: number;
  bodyRows: number;
  showBandedRows: boolean;
}

const MAX_ROWS = 1048576;
const key = (r: number, c: number): string => `${r},${c}`;

/** Same as addin/sheet/address.ts's columnLetters, kept here: this file is injected on its own (no imports) into the browser test's page. */
function letters(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function colIndex(text: string): number {
  let n = 0;
  for (const ch of text.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** `A1`, `A1:C3`, `A:C` → 0-based block; undefined → the whole sheet. */
function parseAddress(address?: string): { r: number; c: number; rows: number; cols: number } {
  if (!address) return { r: 0, c: 0, rows: MAX_ROWS, cols: 16384 };
  const a = address.includes('!') ? address.split('!')[1] : address;
  const [p, q = p] = a.split(':');
  const cell = /^([A-Z]+)(\d+)?$/i;
  const m1 = cell.exec(p);
  const m2 = cell.exec(q);
  if (!m1 || !m2) throw new Error(`InvalidArgument: address ${address}`);
  const c1 = colIndex(m1[1]);
  const c2 = colIndex(m2[1]);
  if (!m1[2]) return { r: 0, c: c1, rows: MAX_ROWS, cols: c2 - c1 + 1 };
  const r1 = Number(m1[2]) - 1;
  const r2 = Number(m2[2] ?? m1[2]) - 1;
  return { r: r1, c: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 };
}

function addressOf(sheet: string, r: number, c: number, rows: number, cols: number): string {
  const a = `${letters(c)}${r + 1}`;
  const b = `${letters(c + cols - 1)}${r + rows}`;
  return `'${sheet}'!${a === b ? a : `${a}:${b}`}`;
}

/** An error as Office.js raises it (`OfficeExtension.Error`: name `RichApi.Error`, a code, debug info). */
export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message };
  }
}

export function officeError(code: string, message: string): FakeOfficeError {
  return new FakeOfficeError(code, message);
}

class NotLoaded extends Error {
  constructor(prop: string) {
    super(`PropertyNotLoaded: ${prop} was read before load() and sync()`);
  }
}

/** Common load/sync bookkeeping of proxies. */
class Proxy {
  protected requested = new Set<string>();
  protected snapshot = new Map<string, unknown>();
  constructor(protected readonly fake: FakeExcel) {}
  load(props: string): this {
    for (const p of props.split(',').map((s) => s.trim())) this.requested.add(p);
    this.fake.pendingLoads.add(this);
    return this;
  }
  /** Called by sync(): takes the values of the requested properties. */
  take(): void {
    // As in Office.js, any load of an …OrNullObject result tells whether it is null.
    this.snapshot.set('isNullObject', this.read('isNullObject'));
    for (const p of this.requested) {
      const v = this.read(p);
      if (p === 'values' || p === 'numberFormat') this.fake.pending.response += payloadBytes(v);
      this.snapshot.set(p, v);
    }
  }
  protected read(_prop: string): unknown {
    return undefined;
  }
  protected loaded<T>(prop: string): T {
    if (!this.snapshot.has(prop)) throw new NotLoaded(prop);
    return this.snapshot.get(prop) as T;
  }
}

class FakeRange extends Proxy implements Range {
  constructor(
    fake: FakeExcel,
    readonly model: SheetModel,
    readonly r: number,
    readonly c: number,
    readonly rows: number,
    readonly cols: number,
    /** A null object (`getUsedRangeOrNullObject` of an empty sheet). */
    readonly isNull = false,
  ) {
    super(fake);
  }
  get isNullObject(): boolean {
    return this.loaded('isNullObject');
  }

  private check(m: Matrix, what: string): void {
    if (m.length !== this.rows || m.some((row) => row.length !== this.cols)) {
      throw new Error(`InvalidArgument: ${what} is ${m.length}×${m[0]?.length ?? 0}, the range ${this.address} is ${this.rows}×${this.cols}`);
    }
  }
  private cell(r: number, c: number): FakeCell {
    const k = key(r, c);
    let cell = this.model.cells.get(k);
    if (!cell) {
      cell = { value: '', formula: null, numberFormat: 'General' };
      this.model.cells.set(k, cell);
    }
    return cell;
  }
  protected override read(prop: string): unknown {
    const grid = (f: (cell: FakeCell | undefined) => unknown): Matrix =>
      Array.from({ length: this.rows }, (_, i) => Array.from({ length: this.cols }, (_, j) => f(this.model.cells.get(key(this.r + i, this.c + j)))));
    if (prop === 'isNullObject') return this.isNull;
    if (prop === 'values') return grid((x) => x?.value ?? '');
    if (prop === 'numberFormat') return grid((x) => x?.numberFormat ?? 'General');
    if (prop === 'rowCount') return this.rows;
    if (prop === 'columnCount') return this.cols;
    if (prop === 'rowIndex') return this.r;
    if (prop === 'columnIndex') return this.c;
    if (prop === 'address') return this.address;
    return undefined;
  }

  get values(): Matrix {
    return this.loaded('values');
  }
  set values(m: Matrix) {
    this.fake.checkWritable(this.model);
    this.check(m, 'values');
    this.fake.writtenCells += this.rows * this.cols;
    this.fake.pending.request += payloadBytes(m);
    m.forEach((row, i) =>
      row.forEach((v, j) => {
        // As in Office.js, null in a 2-D array leaves the cell as it is.
        if (v === null) return;
        const cell = this.cell(this.r + i, this.c + j);
        delete cell.coerced;
        if (typeof v === 'string') Object.assign(cell, excelInput(v, cell.numberFormat));
        else {
          cell.value = v === null || v === undefined ? '' : v;
          cell.formula = null;
        }
      }),
    );
  }
  get numberFormat(): Matrix {
    return this.loaded('numberFormat');
  }
  set numberFormat(m: Matrix) {
    this.fake.checkWritable(this.model);
    this.check(m, 'numberFormat');
    this.fake.pending.request += payloadBytes(m);
    m.forEach((row, i) => row.forEach((f, j) => f !== null && (this.cell(this.r + i, this.c + j).numberFormat = String(f))));
  }
  get address(): string {
    return addressOf(this.model.name, this.r, this.c, Math.min(this.rows, MAX_ROWS), this.cols);
  }
  get rowCount(): number {
    return this.loaded('rowCount');
  }
  get columnCount(): number {
    return this.loaded('columnCount');
  }
  get rowIndex(): number {
    return this.loaded('rowIndex');
  }
  get columnIndex(): number {
    return this.loaded('columnIndex');
  }
  get columnHidden(): boolean {
    return [...Array(this.cols).keys()].every((j) => this.model.hiddenColumns.has(this.c + j));
  }
  set columnHidden(hidden: boolean) {
    for (let j = 0; j < this.cols; j++) {
      if (hidden) this.model.hiddenColumns.add(this.c + j);
      else this.model.hiddenColumns.delete(this.c + j);
    }
  }
  get format(): RangeFormat {
    const { model, c, cols, address } = this;
    const record = (patch: { bold?: boolean; size?: number; fill?: string }): void => {
      model.fonts.push({ address, ...patch });
    };
    return {
      get columnWidth() {
        return model.columnWidths.get(c) ?? 48;
      },
      set columnWidth(w: number) {
        for (let j = 0; j < cols; j++) model.columnWidths.set(c + j, w);
      },
      wrapText: false,
      font: {
        set bold(b: boolean) {
          record({ bold: b });
        },
        get bold() {
          return false;
        },
        set size(s: number) {
          record({ size: s });
        },
        get size() {
          return 11;
        },
        color: '#000000',
      },
      fill: {
        set color(c: string) {
          record({ fill: c });
        },
        get color() {
          return '#FFFFFF';
        },
      },
    };
  }
  private validation?: SheetModel['validations'][number];
  get dataValidation(): Range['dataValidation'] {
    const address = this.address;
    if (!this.validation) {
      this.validation = { address: this.address, source: '', showAlert: true };
      this.model.validations.push(this.validation);
    }
    const entry = this.validation;
    return {
      set rule(rule: { list?: { inCellDropDown: boolean; source: string } }) {
        entry.source = rule.list?.source ?? '';
      },
      get rule() {
        return { list: { inCellDropDown: true, source: entry.source } };
      },
      set errorAlert(alert: { showAlert: boolean }) {
        entry.showAlert = alert.showAlert;
      },
      get errorAlert() {
        return { showAlert: entry.showAlert };
      },
      toString: () => address,
    } as Range['dataValidation'];
  }
  get conditionalFormats(): Range['conditionalFormats'] {
    const { model, address } = this;
    return {
      add(type: string): ConditionalFormat {
        if (type !== 'ContainsText') throw new Error(`fake: conditional format ${type} not supported`);
        const entry = { address, operator: '', text: '', fill: '', font: '' };
        // Excel gives a new conditional format the top priority: the list is in priority order.
        model.conditionalFormats.unshift(entry);
        return {
          textComparison: {
            format: {
              fill: {
                set color(c: string) {
                  entry.fill = c;
                },
                get color() {
                  return entry.fill;
                },
              },
              font: {
                set color(c: string) {
                  entry.font = c;
                },
                get color() {
                  return entry.font;
                },
              },
            },
            set rule(rule: { operator: string; text: string }) {
              entry.operator = rule.operator;
              entry.text = rule.text;
            },
            get rule() {
              return { operator: entry.operator, text: entry.text };
            },
          },
        };
      },
    };
  }
  getCell(row: number, column: number): Range {
    if (row < 0 || column < 0 || row >= this.rows || column >= this.cols) {
      throw new Error(`InvalidArgument: cell (${row}, ${column}) outside ${this.address}`);
    }
    return new FakeRange(this.fake, this.model, this.r + row, this.c + column, 1, 1);
  }
  getColumn(column: number): Range {
    return new FakeRange(this.fake, this.model, this.r, this.c + column, this.rows, 1);
  }
  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    if (this.rows + deltaRows < 1 || this.cols + deltaColumns < 1) throw new Error('InvalidArgument: resized to nothing');
    return new FakeRange(this.fake, this.model, this.r, this.c, this.rows + deltaRows, this.cols + deltaColumns);
  }
  getLastRow(): Range {
    return new FakeRange(this.fake, this.model, this.r + this.rows - 1, this.c, 1, this.cols);
  }
  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return new FakeRange(this.fake, this.model, this.r + rowOffset, this.c + columnOffset, this.rows, this.cols);
  }
  /** Shifts the cells at and below the range, in its columns, down by its height (tables there move down). */
  insert(shift: string): Range {
    if (shift !== 'Down') throw new Error('fake: only insert("Down")');
    this.fake.checkWritable(this.model);
    const moved = new Map<string, FakeCell>();
    for (const [k, cell] of this.model.cells) {
      const [r, c] = k.split(',').map(Number);
      const shifted = c >= this.c && c < this.c + this.cols && r >= this.r;
      moved.set(shifted ? key(r + this.rows, c) : k, cell);
    }
    this.model.cells = moved;
    for (const t of this.fake.tables.values()) if (t.sheet === this.model && t.top >= this.r && t.left >= this.c && t.left + t.width <= this.c + this.cols) t.top += this.rows;
    return this;
  }
  delete(shift: string): void {
    if (shift !== 'Up') throw new Error('fake: only delete("Up")');
    this.fake.checkWritable(this.model);
    const moved = new Map<string, FakeCell>();
    for (const [k, cell] of this.model.cells) {
      const [r, c] = k.split(',').map(Number);
      const inCols = c >= this.c && c < this.c + this.cols;
      if (inCols && r >= this.r && r < this.r + this.rows) continue;
      moved.set(inCols && r >= this.r + this.rows ? key(r - this.rows, c) : k, cell);
    }
    this.model.cells = moved;
    for (const t of this.fake.tables.values()) {
      const bodyTop = t.top + 1;
      if (t.sheet === this.model && this.r >= bodyTop && this.r + this.rows <= bodyTop + t.bodyRows && this.c <= t.left && this.c + this.cols >= t.left + t.width) {
        // As in Excel, a table keeps at least one (then blank) body row.
        t.bodyRows = Math.max(1, t.bodyRows - this.rows);
      }
    }
  }
  clear(): void {
    this.fake.checkWritable(this.model);
    for (const k of [...this.model.cells.keys()]) {
      const [r, c] = k.split(',').map(Number);
      if (r >= this.r && r < this.r + this.rows && c >= this.c && c < this.c + this.cols) this.model.cells.delete(k);
    }
  }
  select(): void {
    this.fake.selection = { sheet: this.model.name, address: this.address };
  }
}

class FakeTable extends Proxy implements Table {
  constructor(
    fake: FakeExcel,
    private readonly model: TableModel | null,
  ) {
    super(fake);
  }
  private get m(): TableModel {
    if (!this.model) throw new Error('fake: method called on a null object');
    return this.model;
  }
  protected override read(prop: string): unknown {
    if (prop === 'isNullObject') return this.model === null;
    if (prop === 'name') return this.model?.name;
    return undefined;
  }
  get isNullObject(): boolean {
    return this.loaded('isNullObject');
  }
  get name(): string {
    return this.m.name;
  }
  set name(n: string) {
    const other = this.fake.findTable(n);
    if (other && other !== this.m) throw officeError('ItemAlreadyExists', `table name ${n} is taken`);
    this.fake.tables.delete(this.m.name);
    this.m.name = n;
    this.fake.tables.set(n, this.m);
  }
  get showBandedRows(): boolean {
    return this.m.showBandedRows;
  }
  set showBandedRows(b: boolean) {
    this.m.showBandedRows = b;
  }
  get worksheet(): Worksheet {
    return new FakeSheet(this.fake, this.m.sheet);
  }
  getHeaderRowRange(): Range {
    const t = this.m;
    return new FakeRange(this.fake, t.sheet, t.top, t.left, 1, t.width);
  }
  getDataBodyRange(): Range {
    const t = this.m;
    if (t.bodyRows < 1) throw new Error('fake: table has no body rows');
    return new FakeRange(this.fake, t.sheet, t.top + 1, t.left, t.bodyRows, t.width);
  }
  getRange(): Range {
    const t = this.m;
    return new FakeRange(this.fake, t.sheet, t.top, t.left, t.bodyRows + 1, t.width);
  }
  /** The fake has no filters: never filtered. */
  get autoFilter(): AutoFilter {
    return new FakeAutoFilter(this.fake);
  }
  /** Grows or shrinks the body (same header row); new rows take the number formats of the row above, as in Excel. */
  resize(newRange: Range | string): void {
    const t = this.m;
    if (typeof newRange === 'string' || !(newRange instanceof FakeRange)) throw new Error('fake: resize takes a range');
    if (newRange.r !== t.top || newRange.c !== t.left || newRange.rows < 2) throw officeError('InvalidArgument', 'resize keeps the header row');
    this.fake.checkWritable(t.sheet);
    for (let i = t.bodyRows; i < newRange.rows - 1; i++) {
      for (let j = 0; j < t.width; j++) {
        const above = t.sheet.cells.get(key(t.top + i, t.left + j))?.numberFormat ?? 'General';
        const k = key(t.top + 1 + i, t.left + j);
        const cell = t.sheet.cells.get(k) ?? { value: '', formula: null, numberFormat: 'General' };
        cell.numberFormat = above;
        t.sheet.cells.set(k, cell);
      }
    }
    t.bodyRows = newRange.rows - 1;
    t.width = newRange.cols;
  }
  get columns(): Table['columns'] {
    const t = this.m;
    const fake = this.fake;
    const headers = (): unknown[] => Array.from({ length: t.width }, (_, j) => t.sheet.cells.get(key(t.top, t.left + j))?.value ?? '');
    return {
      getItem(name: string): TableColumn {
        // Excel's column names are unique ignoring case, and found ignoring case.
        const j = headers().findIndex((h) => String(h).toLowerCase() === name.toLowerCase());
        if (j < 0) throw officeError('ItemNotFound', `column ${name} in ${t.name}`);
        return {
          getDataBodyRange: () => new FakeRange(fake, t.sheet, t.top + 1, t.left + j, t.bodyRows, 1),
          getRange: () => new FakeRange(fake, t.sheet, t.top, t.left + j, t.bodyRows + 1, 1),
        };
      },
      add(index?: number | null, values?: Matrix, name?: string): unknown {
        if (index !== null && index !== undefined) throw new Error('fake: columns.add only appends');
        fake.checkWritable(t.sheet);
        // A name already used (ignoring case) gets a number, as Excel does ("Mã2").
        const taken = new Set(headers().map((h) => String(h).toLowerCase()));
        let header = name ?? `Column${t.width + 1}`;
        for (let n = 2; taken.has(header.toLowerCase()); n++) header = `${name ?? 'Column'}${n}`;
        t.width += 1;
        const col = t.left + t.width - 1;
        new FakeRange(fake, t.sheet, t.top, col, 1, 1).values = [[header]];
        if (values) new FakeRange(fake, t.sheet, t.top, col, values.length, 1).values = values;
        return undefined;
      },
    };
  }
}

class FakeAutoFilter extends Proxy implements AutoFilter {
  protected override read(prop: string): unknown {
    if (prop === 'isDataFiltered') return false;
    if (prop === 'criteria') return [];
    return undefined;
  }
  get isDataFiltered(): boolean {
    return this.loaded('isDataFiltered');
  }
  get criteria(): AutoFilter['criteria'] {
    return this.loaded('criteria');
  }
  clearCriteria(): void {}
  apply(): void {}
}

class FakeChart implements Chart {
  constructor(
    private readonly entry: SheetModel['charts'][number],
    private readonly sheet: SheetModel,
  ) {}
  delete(): void {
    const i = this.sheet.charts.indexOf(this.entry);
    if (i >= 0) this.sheet.charts.splice(i, 1);
  }
  get title(): { text: string } {
    const entry = this.entry;
    return {
      get text() {
        return entry.title;
      },
      set text(t: string) {
        entry.title = t;
      },
    };
  }
  setPosition(startCell: string, endCell?: string): void {
    this.entry.from = startCell;
    this.entry.to = endCell ?? startCell;
  }
}

class FakeSheet extends Proxy implements Worksheet {
  constructor(
    fake: FakeExcel,
    private readonly model: SheetModel | null,
  ) {
    super(fake);
  }
  private get m(): SheetModel {
    if (!this.model) throw new Error('fake: method called on a null object');
    return this.model;
  }
  protected override read(prop: string): unknown {
    if (prop === 'isNullObject') return this.model === null;
    if (prop === 'name') return this.model?.name;
    return undefined;
  }
  get isNullObject(): boolean {
    return this.loaded('isNullObject');
  }
  get name(): string {
    return this.loaded('name');
  }
  get visibility(): string {
    return this.m.visibility;
  }
  /** The fake has no protection. */
  get protection(): { protected: boolean } {
    return { protected: false };
  }
  set visibility(v: string) {
    this.m.visibility = v;
  }
  activate(): void {
    this.fake.activeSheet = this.m.name;
  }
  delete(): void {
    const m = this.m;
    const visible = [...this.fake.sheets.values()].filter((x) => x.visibility === 'Visible');
    if (visible.length === 1 && visible[0] === m) throw officeError('InvalidOperation', 'A workbook must keep at least one visible sheet.');
    this.fake.sheets.delete(m.name);
    for (const [n, t] of this.fake.tables) {
      if (t.sheet !== m) continue;
      this.fake.tables.delete(n);
      this.fake.retargetNames(n, null);
    }
  }
  getRange(address?: string): Range {
    const a = parseAddress(address);
    return new FakeRange(this.fake, this.m, a.r, a.c, a.rows, a.cols);
  }
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    const m = this.m;
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, cell] of m.cells) {
      if (valuesOnly ? cell.value === '' || cell.value === null : cell.value === '' && cell.numberFormat === 'General') continue;
      const [r, c] = k.split(',').map(Number);
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    if (bottom < 0) return new FakeRange(this.fake, m, 0, 0, 1, 1, true);
    return new FakeRange(this.fake, m, top, left, bottom - top + 1, right - left + 1);
  }
  get tables(): Worksheet['tables'] {
    const m = this.m;
    const fake = this.fake;
    return {
      add(address: string, hasHeaders: boolean): Table {
        if (!hasHeaders) throw new Error('fake: tables need headers');
        fake.checkWritable(m);
        const a = parseAddress(address);
        for (const t of fake.tables.values()) {
          const overlaps = t.sheet === m && a.r <= t.top + t.bodyRows && t.top <= a.r + a.rows - 1 && a.c <= t.left + t.width - 1 && t.left <= a.c + a.cols - 1;
          if (overlaps) throw officeError('InvalidOperation', `A table can't overlap another table (${t.name}).`);
        }
        const model: TableModel = { name: `Table${fake.tables.size + 1}`, sheet: m, top: a.r, left: a.c, width: a.cols, bodyRows: Math.max(1, a.rows - 1), showBandedRows: false };
        fake.tables.set(model.name, model);
        return new FakeTable(fake, model);
      },
    };
  }
  get freezePanes(): Worksheet['freezePanes'] {
    const m = this.m;
    return {
      freezeRows(count: number) {
        m.frozenRows = count;
      },
    };
  }
  private chartCollection?: FakeCharts;
  get charts(): Worksheet['charts'] {
    this.chartCollection ??= new FakeCharts(this.fake, this.m);
    return this.chartCollection;
  }
}

class FakeCharts extends Proxy {
  constructor(
    fake: FakeExcel,
    private readonly sheet: SheetModel,
  ) {
    super(fake);
  }
  protected override read(prop: string): unknown {
    if (prop.startsWith('items')) return this.sheet.charts.map((e) => new FakeChart(e, this.sheet));
    return undefined;
  }
  get items(): Chart[] {
    return this.loaded('items/name');
  }
  add(type: string, source: Range, _seriesBy?: string): Chart {
    const entry = { type, source: source.address, title: '', from: '', to: '' };
    this.sheet.charts.push(entry);
    return new FakeChart(entry, this.sheet);
  }
}

interface NameModel {
  name: string;
  formula: string;
  comment: string;
}

class FakeName extends Proxy implements NamedItem {
  constructor(
    fake: FakeExcel,
    private readonly model: NameModel | null,
  ) {
    super(fake);
  }
  protected override read(prop: string): unknown {
    if (prop === 'isNullObject') return this.model === null;
    if (prop === 'name') return this.model?.name;
    if (prop === 'formula') return this.model?.formula;
    return undefined;
  }
  get isNullObject(): boolean {
    return this.loaded('isNullObject');
  }
  get name(): string {
    return this.loaded('name');
  }
  get formula(): string {
    return this.loaded('formula');
  }
  delete(): void {
    if (!this.model) throw officeError('ItemNotFound', 'name');
    this.fake.names.delete(this.model.name);
  }
}

class FakeContext implements RequestContext {
  constructor(private readonly fake: FakeExcel) {}
  readonly application = {
    suspendApiCalculationUntilNextSync: (): void => {
      this.fake.suspensions.calculation++;
    },
    suspendScreenUpdatingUntilNextSync: (): void => {
      this.fake.suspensions.screen++;
    },
  };
  get workbook(): Workbook {
    const fake = this.fake;
    const sheet = (name: string): SheetModel | null => fake.sheets.get(name) ?? null;
    const table = (name: string): TableModel | null => fake.findTable(name);
    return {
      worksheets: {
        getItem(name: string): Worksheet {
          const s = sheet(name);
          if (!s) throw officeError('ItemNotFound', `sheet ${name}`);
          return new FakeSheet(fake, s);
        },
        getItemOrNullObject: (name: string): Worksheet => new FakeSheet(fake, sheet(name)),
        add(name: string): Worksheet {
          return new FakeSheet(fake, fake.addSheet(name));
        },
      },
      tables: {
        getItem(name: string): Table {
          const t = table(name);
          if (!t) throw officeError('ItemNotFound', `table ${name}`);
          return new FakeTable(fake, t);
        },
        getItemOrNullObject: (name: string): Table => new FakeTable(fake, table(name)),
      },
      names: {
        add(name: string, reference: string, comment = ''): NamedItem {
          if (!/^[A-Za-z_\\][\w.]*$/.test(name)) throw officeError('InvalidArgument', `name ${name}`);
          if (fake.findName(name)) throw officeError('ItemAlreadyExists', `name ${name}`);
          const entry = { name, formula: reference.startsWith('=') ? reference : `=${reference}`, comment };
          fake.names.set(name, entry);
          return new FakeName(fake, entry);
        },
        getItemOrNullObject: (name: string): NamedItem => new FakeName(fake, fake.findName(name)),
      },
    };
  }
  async sync(): Promise<void> {
    // While a cell is being edited, Excel answers every request with this error.
    if (this.fake.editMode) throw officeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
    this.fake.syncCount++;
    for (const p of this.fake.pendingLoads) p.take();
    this.fake.pendingLoads.clear();
    this.fake.payloads.push(this.fake.pending);
    this.fake.pending = { request: 0, response: 0 };
  }
}

/** The fake `Excel` namespace plus inspection helpers for tests. */
export class FakeExcel implements ExcelLike {
  readonly sheets = new Map<string, SheetModel>();
  readonly tables = new Map<string, TableModel>();
  readonly pendingLoads = new Set<{ take(): void }>();
  syncCount = 0;
  /** Each sync's payload, in order. */
  payloads: SyncPayload[] = [];
  pending: SyncPayload = { request: 0, response: 0 };
  runCount = 0;
  writtenCells = 0;
  suspensions = { calculation: 0, screen: 0 };
  activeSheet = '';
  selection: { sheet: string; address: string } | null = null;
  /** A user is editing a cell: every sync fails with InvalidOperationInCellEditMode. */
  editMode = false;

  /** Workbook names (defined names), by name. */
  readonly names = new Map<string, NameModel>();

  findName(name: string): NameModel | null {
    const lower = name.toLowerCase();
    for (const n of this.names.values()) if (n.name.toLowerCase() === lower) return n;
    return null;
  }

  /** What Excel does to names on a structured reference when a table is renamed (or deleted: `#REF!`). */
  retargetNames(from: string, to: string | null): void {
    const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const ref = new RegExp(`^=${escaped}\\[`, 'i');
    for (const n of this.names.values()) {
      if (!ref.test(n.formula)) continue;
      n.formula = to === null ? '=#REF!' : n.formula.replace(ref, `=${to}[`);
    }
  }

  /** A user renames a table (Table Design › Table Name): names on it follow, as in Excel. */
  renameTable(from: string, to: string): void {
    const t = this.table(from);
    if (this.findTable(to) && this.findTable(to) !== t) throw new Error(`table name ${to} is taken`);
    this.tables.delete(t.name);
    t.name = to;
    this.tables.set(to, t);
    this.retargetNames(from, to);
  }

  /** A user retypes a header: names on that column follow, as in Excel. */
  renameHeader(table: string, from: string, to: string): void {
    const t = this.table(table);
    const j = this.headers(table).map(String).indexOf(from);
    if (j < 0) throw new Error(`no column ${from} in ${table}`);
    this.setCell(t.sheet.name, t.top, t.left + j, to);
    for (const n of this.names.values()) {
      if (n.formula.toLowerCase() === `=${t.name}[${from}]`.toLowerCase()) n.formula = `=${t.name}[${to}]`;
    }
  }

  /** A table by name, ignoring case as Excel does. */
  findTable(name: string): TableModel | null {
    const lower = name.toLowerCase();
    for (const t of this.tables.values()) if (t.name.toLowerCase() === lower) return t;
    return null;
  }

  /** Writes into a protected sheet fail as in Excel. */
  checkWritable(sheet: SheetModel): void {
    if (sheet.protected) throw officeError('AccessDenied', `The sheet ${sheet.name} is protected.`);
  }

  async run<T>(batch: (context: RequestContext) => Promise<T>): Promise<T> {
    this.runCount++;
    return batch(new FakeContext(this));
  }

  addSheet(name: string): SheetModel {
    if ([...this.sheets.keys()].some((n) => n.toLowerCase() === name.toLowerCase())) throw officeError('ItemAlreadyExists', `sheet ${name}`);
    const model: SheetModel = {
      name,
      visibility: 'Visible',
      cells: new Map(),
      frozenRows: 0,
      columnWidths: new Map(),
      hiddenColumns: new Set(),
      validations: [],
      conditionalFormats: [],
      charts: [],
      fonts: [],
    };
    this.sheets.set(name, model);
    return model;
  }

  sheet(name: string): SheetModel {
    const s = this.sheets.get(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  table(name: string): TableModel {
    const t = this.findTable(name);
    if (!t) throw new Error(`no table ${name}`);
    return t;
  }

  cell(sheet: string, row: number, col: number): FakeCell {
    return this.sheet(sheet).cells.get(key(row, col)) ?? { value: '', formula: null, numberFormat: 'General' };
  }

  /** A cell by A1 address. */
  at(sheet: string, address: string): FakeCell {
    const a = parseAddress(address);
    return this.cell(sheet, a.r, a.c);
  }

  headers(table: string): unknown[] {
    const t = this.table(table);
    return Array.from({ length: t.width }, (_, j) => this.cell(t.sheet.name, t.top, t.left + j).value);
  }

  /** The body's values, row by row. */
  body(table: string): unknown[][] {
    const t = this.table(table);
    return Array.from({ length: t.bodyRows }, (_, i) => Array.from({ length: t.width }, (_, j) => this.cell(t.sheet.name, t.top + 1 + i, t.left + j).value));
  }

  /** Body rows as objects keyed by header. */
  records(table: string): Record<string, unknown>[] {
    const h = this.headers(table).map(String);
    return this.body(table).map((row) => Object.fromEntries(h.map((name, j) => [name, row[j]])));
  }

  bodyCell(table: string, row: number, header: string): FakeCell {
    const t = this.table(table);
    const j = this.headers(table).indexOf(header);
    if (j < 0) throw new Error(`no column ${header} in ${table}`);
    return this.cell(t.sheet.name, t.top + 1 + row, t.left + j);
  }

  /**
   * What a user typing does: fills the table's rows by header (`=` starts a formula, a leading
   * `'` keeps text). A blank first row (a new table) is filled first; the table grows.
   */
  typeRows(table: string, rows: Record<string, unknown>[]): void {
    const t = this.table(table);
    const h = this.headers(table).map(String);
    let start = t.bodyRows;
    if (t.bodyRows === 1 && this.body(table)[0].every((v) => v === '' || v === null)) start = 0;
    t.bodyRows = Math.max(t.bodyRows, start + rows.length);
    rows.forEach((rec, i) => {
      for (const [name, v] of Object.entries(rec)) {
        const j = h.indexOf(name);
        if (j < 0) throw new Error(`no column ${name} in ${table}`);
        this.setCell(t.sheet.name, t.top + 1 + start + i, t.left + j, v);
      }
    });
  }

  /** A user moves a table column (header and body) to another position. */
  moveColumn(table: string, header: string, to: number): void {
    const t = this.table(table);
    const from = this.headers(table).indexOf(header);
    if (from < 0) throw new Error(`no column ${header} in ${table}`);
    const columns = Array.from({ length: t.width }, (_, j) =>
      Array.from({ length: t.bodyRows + 1 }, (_, i) => t.sheet.cells.get(key(t.top + i, t.left + j))),
    );
    const [moved] = columns.splice(from, 1);
    columns.splice(to, 0, moved);
    columns.forEach((col, j) =>
      col.forEach((cell, i) => {
        if (cell) t.sheet.cells.set(key(t.top + i, t.left + j), cell);
        else t.sheet.cells.delete(key(t.top + i, t.left + j));
      }),
    );
  }

  /** A user inserts a column of their own into a table at `at` (cells to its right shift right). */
  insertColumn(table: string, at: number, header: string): void {
    const t = this.table(table);
    for (let j = t.width - 1; j >= at; j--) {
      for (let i = 0; i <= t.bodyRows; i++) {
        const cell = t.sheet.cells.get(key(t.top + i, t.left + j));
        if (cell) t.sheet.cells.set(key(t.top + i, t.left + j + 1), cell);
        else t.sheet.cells.delete(key(t.top + i, t.left + j + 1));
        t.sheet.cells.delete(key(t.top + i, t.left + j));
      }
    }
    t.width += 1;
    this.setCell(t.sheet.name, t.top, t.left + at, header);
  }

  /** A user renames a sheet (its tables stay on it). */
  renameSheet(from: string, to: string): void {
    const s = this.sheet(from);
    this.sheets.delete(from);
    s.name = to;
    this.sheets.set(to, s);
  }

  /** A user's edit of one body cell. */
  editCell(table: string, row: number, header: string, value: unknown): void {
    const t = this.table(table);
    const j = this.headers(table).map(String).indexOf(header);
    if (j < 0) throw new Error(`no column ${header} in ${table}`);
    this.setCell(t.sheet.name, t.top + 1 + row, t.left + j, value);
  }

  /** What typing does (not an API write): `=` starts a formula, a leading `'` keeps text, else as typed. */
  private setCell(sheet: string, r: number, c: number, v: unknown): void {
    const cells = this.sheet(sheet).cells;
    const k = key(r, c);
    const cell = cells.get(k) ?? { value: '', formula: null, numberFormat: 'General' };
    cells.set(k, cell);
    delete cell.coerced;
    if (typeof v === 'string' && v.startsWith("'")) Object.assign(cell, { value: v.slice(1), formula: null });
    else if (typeof v === 'string' && v.startsWith('=')) Object.assign(cell, { value: '#FORMULA', formula: v });
    else Object.assign(cell, { value: v === null || v === undefined ? '' : v, formula: null });
  }

  /** The largest request and response payload of the syncs since `from` (an index into `payloads`). */
  maxPayload(from = 0): SyncPayload {
    const slice = this.payloads.slice(from);
    return { request: Math.max(0, ...slice.map((p) => p.request)), response: Math.max(0, ...slice.map((p) => p.response)) };
  }

}

/** For the browser: `window.Excel = createFakeExcel()`. */
export function createFakeExcel(): FakeExcel {
  return new FakeExcel();
}

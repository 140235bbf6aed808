/**
 * The host side of each Office.js object the add-in uses. office.js addresses objects by paths
 * (property, method, indexer) and acts on them (query, method, set property); the dispatcher
 * maps each wire name to a member here by lower-casing its first letter (`GetCell` →
 * `getCell`, `Values` → `values`). Anything not defined is refused as "not emulated", so a new
 * API call in the add-in fails loudly until the host learns it.
 */
import { contains, fullAddress, intersects, MAX_COLS, MAX_ROWS, parseLocal, splitSheet, type Block } from './address';
import {
  bodyBlock,
  HostError,
  isFiltered,
  tableBlock,
  type ChartModel,
  type ConditionalFormatModel,
  type FilterCriteria,
  type NamedItemModel,
  type SheetModel,
  type TableColumnModel,
  type TableModel,
  type WorkbookModel,
} from './workbook';

/** What the dispatcher needs from the host (counters and the request's cell writes). */
export interface HostState {
  wb: WorkbookModel;
  suspensions: { calculation: number; screen: number };
  writtenCells: number;
}

export abstract class HostObject {
  abstract readonly type: string;
  /** Properties returned by a `load()` without names. */
  _scalars(): string[] {
    return [];
  }
  /** The Instantiate answer: `{Id}` when the object has one (office.js re-addresses it by id). */
  _idValue(): Record<string, unknown> {
    return {};
  }
  /** `collection[key]` (ObjectPathType 5). */
  _indexer(_key: unknown): HostObject | null {
    throw new HostError('NotImplemented', `host: ${this.type} has no indexer`);
  }
  /** A collection's items (queries answer `_Items`). */
  _items(): HostObject[] | null {
    return null;
  }
}

const matrix = (rows: number, cols: number, f: (i: number, j: number) => unknown): unknown[][] =>
  Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => f(i, j)));

function notFound(what: string): never {
  throw new HostError('ItemNotFound', `The requested resource doesn't exist: ${what}.`);
}

// ------------------------------------------------------------------ ranges

export class HRange extends HostObject {
  readonly type = 'Range';
  constructor(
    readonly s: HostState,
    readonly sheet: SheetModel,
    readonly b: Block,
  ) {
    super();
  }
  override _scalars(): string[] {
    return ['address', 'values', 'formulas', 'numberFormat', 'rowCount', 'columnCount', 'rowIndex', 'columnIndex', 'cellCount'];
  }
  private get wb(): WorkbookModel {
    return this.s.wb;
  }
  private at(i: number, j: number) {
    return this.wb.cell(this.sheet, this.b.r + i, this.b.c + j);
  }
  private grid(f: (cell: ReturnType<HRange['at']>) => unknown): unknown[][] {
    if (this.b.rows * this.b.cols > 5_000_000) throw new HostError('ResponsePayloadSizeLimitExceeded', 'The range is too large to read.');
    return matrix(this.b.rows, this.b.cols, (i, j) => f(this.at(i, j)));
  }
  /** A scalar or a 1×1 matrix for every cell (`broadcast`), else a matrix of the range's size. */
  private shape(m: unknown, what: string, broadcast: boolean): (i: number, j: number) => unknown {
    if (!Array.isArray(m)) return () => m;
    if (broadcast && m.length === 1 && Array.isArray(m[0]) && m[0].length === 1) return () => (m[0] as unknown[])[0];
    if (m.length !== this.b.rows || m.some((row) => !Array.isArray(row) || row.length !== this.b.cols)) {
      throw new HostError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}: ${m.length}×${(m[0] as unknown[] | undefined)?.length ?? 0}, range ${this.address}).`);
    }
    return (i, j) => (m[i] as unknown[])[j];
  }
  private write(m: unknown, what: string, broadcast: boolean, put: (r: number, c: number, v: unknown) => void): void {
    this.wb.assertWritable(this.sheet);
    const get = this.shape(m, what, broadcast);
    for (let i = 0; i < this.b.rows; i++) for (let j = 0; j < this.b.cols; j++) put(this.b.r + i, this.b.c + j, get(i, j));
    this.s.writtenCells += this.b.rows * this.b.cols;
    this.wb.syncHeaders(this.sheet, this.b);
  }

  get values(): unknown[][] {
    return this.grid((c) => c?.value ?? '');
  }
  set values(m: unknown[][]) {
    this.write(m, 'values', false, (r, c, v) => this.wb.writeValue(this.sheet, r, c, v));
  }
  get formulas(): unknown[][] {
    return this.grid((c) => c?.formula ?? c?.value ?? '');
  }
  set formulas(m: unknown[][]) {
    this.write(m, 'formulas', false, (r, c, v) => this.wb.writeValue(this.sheet, r, c, v, true));
  }
  get numberFormat(): unknown[][] {
    return this.grid((c) => c?.numberFormat ?? 'General');
  }
  set numberFormat(m: unknown[][]) {
    this.write(m, 'numberFormat', true, (r, c, v) => {
      if (v !== null && v !== undefined) this.wb.touch(this.sheet, r, c).numberFormat = String(v);
    });
  }
  get text(): unknown[][] {
    return this.grid((c) => (c ? String(c.value) : ''));
  }
  get valueTypes(): unknown[][] {
    return this.grid((c) => (c === undefined || c.value === '' ? 'Empty' : typeof c.value === 'number' ? 'Double' : typeof c.value === 'boolean' ? 'Boolean' : 'String'));
  }
  get address(): string {
    return fullAddress(this.sheet.name, this.b);
  }
  get rowCount(): number {
    return this.b.rows;
  }
  get columnCount(): number {
    return this.b.cols;
  }
  get rowIndex(): number {
    return this.b.r;
  }
  get columnIndex(): number {
    return this.b.c;
  }
  get cellCount(): number {
    return this.b.rows * this.b.cols;
  }
  get columnHidden(): boolean {
    for (let j = 0; j < this.b.cols; j++) if (!this.sheet.hiddenColumns.has(this.b.c + j)) return false;
    return true;
  }
  set columnHidden(hidden: boolean) {
    this.wb.assertWritable(this.sheet);
    for (let j = 0; j < this.b.cols; j++) {
      if (hidden) this.sheet.hiddenColumns.add(this.b.c + j);
      else this.sheet.hiddenColumns.delete(this.b.c + j);
    }
  }
  get rowHidden(): boolean {
    for (let i = 0; i < this.b.rows; i++) if (!this.sheet.hiddenRows.has(this.b.r + i)) return false;
    return true;
  }
  set rowHidden(hidden: boolean) {
    this.wb.assertWritable(this.sheet);
    for (let i = 0; i < this.b.rows; i++) {
      if (hidden) this.sheet.hiddenRows.add(this.b.r + i);
      else this.sheet.hiddenRows.delete(this.b.r + i);
    }
  }
  get hidden(): boolean {
    return this.rowHidden || this.columnHidden;
  }
  get worksheet(): HSheet {
    return new HSheet(this.s, this.sheet);
  }
  get format(): HFormat {
    return new HFormat(this);
  }
  get dataValidation(): HValidation {
    return new HValidation(this);
  }
  get conditionalFormats(): HConditionalFormats {
    return new HConditionalFormats(this);
  }

  private range(b: Block): HRange {
    if (b.r < 0 || b.c < 0 || b.rows < 1 || b.cols < 1 || b.r + b.rows > MAX_ROWS || b.c + b.cols > MAX_COLS) {
      throw new HostError('InvalidArgument', `The range would be outside the sheet (${JSON.stringify(b)}).`);
    }
    return new HRange(this.s, this.sheet, b);
  }
  /** Relative to the top-left cell; outside the range is allowed, as in Excel. */
  getCell(row: number, column: number): HRange {
    return this.range({ r: this.b.r + row, c: this.b.c + column, rows: 1, cols: 1 });
  }
  getResizedRange(deltaRows: number, deltaColumns: number): HRange {
    return this.range({ ...this.b, rows: this.b.rows + deltaRows, cols: this.b.cols + deltaColumns });
  }
  getAbsoluteResizedRange(rows: number, cols: number): HRange {
    return this.range({ ...this.b, rows, cols });
  }
  getOffsetRange(rowOffset: number, columnOffset: number): HRange {
    return this.range({ ...this.b, r: this.b.r + rowOffset, c: this.b.c + columnOffset });
  }
  getRow(row: number): HRange {
    return this.range({ ...this.b, r: this.b.r + row, rows: 1 });
  }
  getColumn(column: number): HRange {
    return this.range({ ...this.b, c: this.b.c + column, cols: 1 });
  }
  getLastRow(): HRange {
    return this.getRow(this.b.rows - 1);
  }
  getEntireColumn(): HRange {
    return this.range({ r: 0, c: this.b.c, rows: MAX_ROWS, cols: this.b.cols });
  }
  getEntireRow(): HRange {
    return this.range({ r: this.b.r, c: 0, rows: this.b.rows, cols: MAX_COLS });
  }
  getBoundingRect(other: HRange | string): HRange {
    const o = typeof other === 'string' ? parseLocal(splitSheet(other).local) : other.b;
    if (!o) throw new HostError('InvalidArgument', `Not an address: ${String(other)}`);
    const r = Math.min(this.b.r, o.r);
    const c = Math.min(this.b.c, o.c);
    return this.range({ r, c, rows: Math.max(this.b.r + this.b.rows, o.r + o.rows) - r, cols: Math.max(this.b.c + this.b.cols, o.c + o.cols) - c });
  }
  getUsedRange(): HRange {
    return usedRange(this.s, this.sheet, this.b) ?? notFound('used range');
  }
  getUsedRangeOrNullObject(): HRange | null {
    return usedRange(this.s, this.sheet, this.b);
  }
  /** office.js checks the size of a large write before splitting it into row pieces. */
  _ValidateArraySize(rows: number, cols: number): void {
    if (rows !== this.b.rows || cols !== this.b.cols) {
      throw new HostError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}, range ${this.address}).`);
    }
  }
  delete(shift: string): void {
    this.wb.deleteCells(this.sheet, this.b, shift);
  }
  insert(shift: string): HRange {
    this.wb.insertCells(this.sheet, this.b, shift);
    return this;
  }
  clear(applyTo?: string): void {
    this.wb.assertWritable(this.sheet);
    for (const [r, c] of [...this.wb.existing(this.sheet, this.b)]) {
      if (applyTo === 'Formats') this.wb.touch(this.sheet, r, c).numberFormat = 'General';
      else if (applyTo === 'Contents') Object.assign(this.wb.touch(this.sheet, r, c), { value: '', formula: null });
      else delete this.sheet.grid[r][c];
    }
    if (applyTo !== 'Contents') {
      this.sheet.merges = this.sheet.merges.filter((m) => !contains(this.b, m));
      this.sheet.validations = this.sheet.validations.filter((v) => !inside(v.address, this.b));
      this.sheet.conditionalFormats = this.sheet.conditionalFormats.filter((v) => !inside(v.address, this.b));
    }
    this.wb.syncHeaders(this.sheet, this.b);
  }
  /** Merges the range into one cell (`across`: each row on its own); only the top-left value stays. */
  merge(across?: boolean): void {
    this.wb.assertWritable(this.sheet);
    const areas: Block[] = across ? Array.from({ length: this.b.rows }, (_, i) => ({ ...this.b, r: this.b.r + i, rows: 1 })) : [this.b];
    for (const a of areas) {
      if (a.rows * a.cols < 2) continue;
      if (this.sheet.merges.some((m) => intersects(m, a))) throw new HostError('InvalidOperation', `The range ${fullAddress(this.sheet.name, a)} overlaps merged cells.`); // assumed code
      for (const [r, c, cell] of [...this.wb.existing(this.sheet, a)]) if (r !== a.r || c !== a.c) Object.assign(cell, { value: '', formula: null });
      this.sheet.merges.push(a);
    }
  }
  /** Unmerges every merged area the range touches. */
  unmerge(): void {
    this.wb.assertWritable(this.sheet);
    this.sheet.merges = this.sheet.merges.filter((m) => !intersects(m, this.b));
  }
  select(): void {
    this.wb.activeSheet = this.sheet;
    this.wb.selection = { sheet: this.sheet.name, address: this.address };
  }
  activate(): void {
    this.select();
  }
}

/** Whether an address (of a record on the same sheet) lies in a block. */
function inside(address: string, b: Block): boolean {
  const a = parseLocal(splitSheet(address).local);
  return !!a && a.r >= b.r && a.c >= b.c && a.r + a.rows <= b.r + b.rows && a.c + a.cols <= b.c + b.cols;
}

function usedRange(s: HostState, sheet: SheetModel, within: Block): HRange | null {
  let r0 = Infinity;
  let r1 = -1;
  let c0 = Infinity;
  let c1 = -1;
  for (const [r, c, cell] of s.wb.existing(sheet, within)) {
    if (cell.value === '' && !cell.formula) continue;
    r0 = Math.min(r0, r);
    r1 = Math.max(r1, r);
    c0 = Math.min(c0, c);
    c1 = Math.max(c1, c);
  }
  return r1 < 0 ? null : new HRange(s, sheet, { r: r0, c: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 });
}

/** Any settings object whose properties are only recorded (fonts, fills, alignment…). */
class HRecorder extends HostObject {
  readonly type = 'Format';
  constructor(
    private readonly range: HRange,
    private readonly path: string,
  ) {
    super();
  }
  record(name: string, value: unknown): void {
    this.range.s.wb.assertWritable(this.range.sheet);
    this.range.sheet.formats.push({ address: this.range.address, path: `${this.path}${name}`, value });
  }
  /** The last value recorded for a property on this very range. */
  last(name: string): unknown {
    const path = `${this.path}${name}`;
    const hit = [...this.range.sheet.formats].reverse().find((f) => f.path === path && f.address === this.range.address);
    return hit?.value ?? null;
  }
}

function recorder<T extends string>(cls: typeof HRecorder, props: readonly T[]): void {
  for (const p of props) {
    Object.defineProperty(cls.prototype, p, {
      get(this: HRecorder) {
        return this.last(p);
      },
      set(this: HRecorder, v: unknown) {
        this.record(p, v);
      },
    });
  }
}

class HFont extends HRecorder {}
recorder(HFont, ['bold', 'italic', 'color', 'size', 'name', 'underline', 'strikethrough']);
class HFill extends HRecorder {
  clear(): void {
    this.record('color', null);
  }
}
recorder(HFill, ['color', 'pattern']);

export class HFormat extends HRecorder {
  constructor(private readonly r: HRange) {
    super(r, '');
  }
  get font(): HFont {
    return new HFont(this.r, 'font.');
  }
  get fill(): HFill {
    return new HFill(this.r, 'fill.');
  }
  get columnWidth(): number {
    return this.r.sheet.columnWidths.get(this.r.b.c) ?? 48;
  }
  set columnWidth(w: number) {
    this.r.s.wb.assertWritable(this.r.sheet);
    for (let j = 0; j < this.r.b.cols; j++) this.r.sheet.columnWidths.set(this.r.b.c + j, w);
  }
  get borders(): HBorders {
    return new HBorders(this.r);
  }
  autofitColumns(): void {
    this.record('autofitColumns', true);
  }
  autofitRows(): void {
    this.record('autofitRows', true);
  }
}
recorder(HFormat, ['rowHeight', 'wrapText', 'horizontalAlignment', 'verticalAlignment', 'indentLevel', 'useStandardHeight']);

const BORDER_INDEXES = new Set(['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp']);

/** `format.borders.getItem('EdgeTop').style = 'Continuous'`: recorded as `borders.EdgeTop.style`. */
class HBorders extends HostObject {
  readonly type = 'RangeBorderCollection';
  constructor(private readonly r: HRange) {
    super();
  }
  getItem(index: string): HBorder {
    if (!BORDER_INDEXES.has(index)) throw new HostError('InvalidArgument', `"${index}" is not a border index.`);
    return new HBorder(this.r, `borders.${index}.`);
  }
  override _indexer(key: unknown): HostObject {
    return this.getItem(String(key));
  }
}
class HBorder extends HRecorder {}
recorder(HBorder, ['style', 'color', 'weight']);

export class HValidation extends HostObject {
  readonly type = 'DataValidation';
  constructor(private readonly r: HRange) {
    super();
  }
  private entry() {
    const sheet = this.r.sheet;
    let e = sheet.validations.find((v) => v.address === this.r.address);
    if (!e) sheet.validations.push((e = { address: this.r.address, rule: null, errorAlert: null }));
    return e;
  }
  get rule(): unknown {
    return this.entry().rule;
  }
  set rule(rule: Record<string, unknown>) {
    this.r.s.wb.assertWritable(this.r.sheet);
    this.entry().rule = rule;
  }
  get errorAlert(): unknown {
    return this.entry().errorAlert;
  }
  set errorAlert(alert: Record<string, unknown>) {
    this.r.s.wb.assertWritable(this.r.sheet);
    this.entry().errorAlert = alert;
  }
  set prompt(_p: unknown) {
    this.r.s.wb.assertWritable(this.r.sheet);
  }
  set ignoreBlanks(_p: unknown) {
    this.r.s.wb.assertWritable(this.r.sheet);
  }
  get type_(): string {
    return this.entry().rule ? 'List' : 'None';
  }
  clear(): void {
    this.r.s.wb.assertWritable(this.r.sheet);
    this.r.sheet.validations = this.r.sheet.validations.filter((v) => v.address !== this.r.address);
  }
}

export class HConditionalFormats extends HostObject {
  readonly type = 'ConditionalFormatCollection';
  constructor(private readonly r: HRange) {
    super();
  }
  /** As in Excel, a new conditional format takes the top priority (0); the others move down. */
  add(type: string): HConditionalFormat {
    this.r.s.wb.assertWritable(this.r.sheet);
    const model: ConditionalFormatModel = { id: `cf${this.r.s.wb.newId()}`, type, address: this.r.address, settings: {}, stopIfTrue: false };
    this.r.sheet.conditionalFormats.unshift(model);
    return new HConditionalFormat(this.r.s, this.r.sheet, model);
  }
  private mine(): ConditionalFormatModel[] {
    return this.r.sheet.conditionalFormats.filter((c) => inside(c.address, this.r.b));
  }
  clearAll(): void {
    this.r.s.wb.assertWritable(this.r.sheet);
    const mine = new Set(this.mine());
    this.r.sheet.conditionalFormats = this.r.sheet.conditionalFormats.filter((c) => !mine.has(c));
  }
  getCount(): number {
    return this.mine().length;
  }
  get count(): number {
    return this.mine().length;
  }
  getItem(id: string): HConditionalFormat {
    const m = this.r.sheet.conditionalFormats.find((c) => c.id === id) ?? notFound(`conditional format ${id}`);
    return new HConditionalFormat(this.r.s, this.r.sheet, m);
  }
  override _indexer(key: unknown): HostObject {
    return this.getItem(String(key));
  }
  override _items(): HostObject[] {
    return this.mine().map((m) => new HConditionalFormat(this.r.s, this.r.sheet, m));
  }
}

/** A settings path under a conditional format (`textComparison.format.fill`): everything set is recorded. */
class HSettings extends HostObject {
  readonly type = 'ConditionalFormatSettings';
  constructor(
    readonly model: ConditionalFormatModel,
    readonly path: string,
  ) {
    super();
    return new Proxy(this, {
      get: (target, prop, receiver) => {
        if (typeof prop !== 'string' || prop in target) return Reflect.get(target, prop, receiver);
        const key = `${path}${prop}`;
        return key in model.settings ? model.settings[key] : new HSettings(model, `${key}.`);
      },
      set: (_target, prop, value) => {
        model.settings[`${path}${String(prop)}`] = value;
        return true;
      },
      has: () => true,
    });
  }
}

export class HConditionalFormat extends HostObject {
  readonly type = 'ConditionalFormat';
  constructor(
    private readonly s: HostState,
    private readonly sheet: SheetModel,
    readonly model: ConditionalFormatModel,
  ) {
    super();
  }
  override _scalars(): string[] {
    return ['id', 'priority', 'stopIfTrue', 'type'];
  }
  override _idValue(): Record<string, unknown> {
    return { Id: this.model.id };
  }
  get id(): string {
    return this.model.id;
  }
  get type_(): string {
    return this.model.type;
  }
  get priority(): number {
    return this.sheet.conditionalFormats.indexOf(this.model);
  }
  set priority(p: number) {
    this.s.wb.assertWritable(this.sheet);
    const list = this.sheet.conditionalFormats;
    list.splice(list.indexOf(this.model), 1);
    list.splice(Math.max(0, Math.min(p, list.length)), 0, this.model);
  }
  get stopIfTrue(): boolean {
    return this.model.stopIfTrue;
  }
  set stopIfTrue(v: boolean) {
    this.model.stopIfTrue = v;
  }
  delete(): void {
    this.s.wb.assertWritable(this.sheet);
    this.sheet.conditionalFormats.splice(this.sheet.conditionalFormats.indexOf(this.model), 1);
  }
  getRange(): HRange {
    const { sheet, local } = splitSheet(this.model.address);
    void sheet;
    return new HRange(this.s, this.sheet, parseLocal(local)!);
  }
  get textComparison(): HSettings {
    return new HSettings(this.model, 'textComparison.');
  }
  get custom(): HSettings {
    return new HSettings(this.model, 'custom.');
  }
  get cellValue(): HSettings {
    return new HSettings(this.model, 'cellValue.');
  }
  get containsText(): HSettings {
    return new HSettings(this.model, 'textComparison.');
  }
}

// ------------------------------------------------------------------ worksheets

export class HSheet extends HostObject {
  readonly type = 'Worksheet';
  constructor(
    readonly s: HostState,
    readonly m: SheetModel,
  ) {
    super();
  }
  override _scalars(): string[] {
    return ['id', 'name', 'position', 'visibility'];
  }
  override _idValue(): Record<string, unknown> {
    return { Id: this.m.id };
  }
  get id(): string {
    return this.m.id;
  }
  get name(): string {
    return this.m.name;
  }
  set name(n: string) {
    this.s.wb.renameSheet(this.m, n);
  }
  get position(): number {
    return this.s.wb.sheets.indexOf(this.m);
  }
  get visibility(): string {
    return this.m.visibility;
  }
  set visibility(v: string) {
    this.s.wb.setVisibility(this.m, v);
  }
  set tabColor(_c: string) {
    // recorded nowhere: cosmetic
  }
  /** `showGridlines` (office.js's wire name is `Gridlines`). */
  get gridlines(): boolean {
    return this.m.showGridlines;
  }
  set gridlines(v: boolean) {
    this.m.showGridlines = v;
  }
  activate(): void {
    if (this.m.visibility !== 'Visible') throw new HostError('InvalidOperation', `The sheet "${this.m.name}" is hidden and can't be activated.`);
    this.s.wb.activeSheet = this.m;
  }
  delete(): void {
    this.s.wb.deleteSheet(this.m);
  }
  getRange(address?: string): HRange {
    const b = parseLocal(address ?? '');
    if (!b) throw new HostError('InvalidArgument', `"${address}" is not a valid address.`);
    return new HRange(this.s, this.m, b);
  }
  getRangeByIndexes(r: number, c: number, rows: number, cols: number): HRange {
    return new HRange(this.s, this.m, { r, c, rows, cols });
  }
  getCell(r: number, c: number): HRange {
    return new HRange(this.s, this.m, { r, c, rows: 1, cols: 1 });
  }
  getUsedRange(): HRange {
    return usedRange(this.s, this.m, { r: 0, c: 0, rows: MAX_ROWS, cols: MAX_COLS }) ?? new HRange(this.s, this.m, { r: 0, c: 0, rows: 1, cols: 1 });
  }
  getUsedRangeOrNullObject(): HRange | null {
    return usedRange(this.s, this.m, { r: 0, c: 0, rows: MAX_ROWS, cols: MAX_COLS });
  }
  get tables(): HTables {
    return new HTables(this.s, this.m);
  }
  get charts(): HCharts {
    return new HCharts(this.s, this.m);
  }
  get freezePanes(): HFreezePanes {
    return new HFreezePanes(this.s, this.m);
  }
  get protection(): HProtection {
    return new HProtection(this.m);
  }
  get autoFilter(): HSheetAutoFilter {
    return new HSheetAutoFilter(this.s, this.m);
  }
}

export class HSheets extends HostObject {
  readonly type = 'WorksheetCollection';
  constructor(private readonly s: HostState) {
    super();
  }
  getItem(key: string): HSheet {
    return this.getItemOrNullObject(key) ?? notFound(`worksheet ${key}`);
  }
  getItemOrNullObject(key: string): HSheet | null {
    const m = this.s.wb.sheet(key);
    return m ? new HSheet(this.s, m) : null;
  }
  override _indexer(key: unknown): HostObject {
    return this.getItem(String(key));
  }
  add(name?: string): HSheet {
    return new HSheet(this.s, this.s.wb.addSheet(name ?? undefined));
  }
  getActiveWorksheet(): HSheet {
    return new HSheet(this.s, this.s.wb.activeSheet ?? notFound('active worksheet'));
  }
  getCount(): number {
    return this.s.wb.sheets.length;
  }
  get count(): number {
    return this.s.wb.sheets.length;
  }
  getFirst(): HSheet {
    return new HSheet(this.s, this.s.wb.sheets[0] ?? notFound('first worksheet'));
  }
  override _items(): HostObject[] {
    return this.s.wb.sheets.map((m) => new HSheet(this.s, m));
  }
}

class HFreezePanes extends HostObject {
  readonly type = 'WorksheetFreezePanes';
  constructor(
    private readonly s: HostState,
    private readonly m: SheetModel,
  ) {
    super();
  }
  freezeRows(count: number): void {
    this.m.frozenRows = count;
  }
  unfreeze(): void {
    this.m.frozenRows = 0;
  }
}

class HProtection extends HostObject {
  readonly type = 'WorksheetProtection';
  constructor(private readonly m: SheetModel) {
    super();
  }
  override _scalars(): string[] {
    return ['protected'];
  }
  get protected(): boolean {
    return this.m.protected;
  }
  protect(): void {
    this.m.protected = true;
  }
  unprotect(): void {
    this.m.protected = false;
  }
}

/** A worksheet's AutoFilter (on a plain range; a table's filter is on the table). */
class HSheetAutoFilter extends HostObject {
  readonly type = 'AutoFilter';
  constructor(
    private readonly s: HostState,
    private readonly m: SheetModel,
  ) {
    super();
  }
  get enabled(): boolean {
    return this.m.autoFilter !== null;
  }
  get isDataFiltered(): boolean {
    return !!this.m.autoFilter && this.m.autoFilter.criteria.size > 0;
  }
  apply(range: HRange | string, columnIndex?: number, criteria?: FilterCriteria): void {
    this.s.wb.assertWritable(this.m);
    const b = typeof range === 'string' ? parseLocal(splitSheet(range).local) : range.b;
    if (!b) throw new HostError('InvalidArgument', 'AutoFilter range');
    if (this.s.wb.tableAt(this.m, b)) throw new HostError('InvalidArgument', 'A table has its own AutoFilter.');
    this.m.autoFilter ??= { block: b, criteria: new Map() };
    if (columnIndex !== undefined && columnIndex !== null && criteria) this.m.autoFilter.criteria.set(columnIndex, criteria);
  }
  clearCriteria(): void {
    this.m.autoFilter?.criteria.clear();
  }
  remove(): void {
    this.m.autoFilter = null;
  }
}

// ------------------------------------------------------------------ tables

export class HTables extends HostObject {
  readonly type = 'TableCollection';
  constructor(
    private readonly s: HostState,
    private readonly sheet: SheetModel | null,
  ) {
    super();
  }
  private list(): TableModel[] {
    return this.s.wb.tables.filter((t) => !this.sheet || t.sheet === this.sheet);
  }
  add(address: HRange | string, hasHeaders: boolean): HTable {
    let sheet = this.sheet;
    let b: Block | null;
    if (typeof address === 'string') {
      const split = splitSheet(address);
      if (split.sheet !== null) sheet = this.s.wb.sheet(split.sheet) ?? notFound(`worksheet ${split.sheet}`);
      b = parseLocal(split.local);
    } else {
      sheet = address.sheet;
      b = address.b;
    }
    if (!sheet) sheet = this.s.wb.activeSheet ?? notFound('active worksheet');
    if (!b) throw new HostError('InvalidArgument', `"${String(address)}" is not a valid address.`);
    return new HTable(this.s, this.s.wb.addTable(sheet, b, hasHeaders));
  }
  getItem(key: string | number): HTable {
    return this.getItemOrNullObject(key) ?? notFound(`table ${key}`);
  }
  getItemOrNullObject(key: string | number): HTable | null {
    const t = this.s.wb.table(key);
    return t && (!this.sheet || t.sheet === this.sheet) ? new HTable(this.s, t) : null;
  }
  override _indexer(key: unknown): HostObject {
    return this.getItem(key as string | number);
  }
  getItemAt(i: number): HTable {
    return new HTable(this.s, this.list()[i] ?? notFound(`table #${i}`));
  }
  getCount(): number {
    return this.list().length;
  }
  get count(): number {
    return this.list().length;
  }
  override _items(): HostObject[] {
    return this.list().map((t) => new HTable(this.s, t));
  }
}

export class HTable extends HostObject {
  readonly type = 'Table';
  constructor(
    readonly s: HostState,
    readonly t: TableModel,
  ) {
    super();
  }
  override _scalars(): string[] {
    return ['id', 'name', 'showBandedRows', 'showHeaders', 'showTotals', 'style'];
  }
  override _idValue(): Record<string, unknown> {
    return { Id: this.t.id };
  }
  private alive(): TableModel {
    if (!this.s.wb.tables.includes(this.t)) notFound(`table ${this.t.name}`);
    return this.t;
  }
  get id(): number {
    return this.t.id;
  }
  get legacyId(): string {
    return String(this.t.id);
  }
  get name(): string {
    return this.alive().name;
  }
  set name(n: string) {
    this.s.wb.renameTable(this.alive(), n);
  }
  get showBandedRows(): boolean {
    return this.t.showBandedRows;
  }
  set showBandedRows(v: boolean) {
    this.t.showBandedRows = v;
  }
  get showHeaders(): boolean {
    return this.t.showHeaders;
  }
  get showTotals(): boolean {
    return this.t.showTotals;
  }
  get showFilterButton(): boolean {
    return true;
  }
  get style(): string {
    return this.t.style;
  }
  set style(v: string) {
    this.t.style = v;
  }
  get worksheet(): HSheet {
    return new HSheet(this.s, this.alive().sheet);
  }
  private range(b: Block): HRange {
    return new HRange(this.s, this.alive().sheet, b);
  }
  getHeaderRowRange(): HRange {
    return this.range({ ...tableBlock(this.alive()), rows: 1 });
  }
  getDataBodyRange(): HRange {
    return this.range(bodyBlock(this.alive()));
  }
  getRange(): HRange {
    return this.range(tableBlock(this.alive()));
  }
  delete(): void {
    const t = this.alive();
    this.s.wb.assertWritable(t.sheet);
    new HRange(this.s, t.sheet, tableBlock(t)).clear();
    this.s.wb.tables.splice(this.s.wb.tables.indexOf(t), 1);
  }
  convertToRange(): HRange {
    const t = this.alive();
    this.s.wb.tables.splice(this.s.wb.tables.indexOf(t), 1);
    return new HRange(this.s, t.sheet, tableBlock(t));
  }
  resize(range: HRange | string): void {
    const t = this.alive();
    const b = typeof range === 'string' ? parseLocal(splitSheet(range).local) : range.b;
    if (!b) throw new HostError('InvalidArgument', `"${String(range)}" is not a valid address.`);
    this.s.wb.resizeTable(t, b);
  }
  clearFilters(): void {
    this.s.wb.clearTableFilters(this.alive());
  }
  reapplyFilters(): void {
    this.s.wb.applyTableFilters(this.alive());
  }
  get rows(): HTableRows {
    return new HTableRows(this.s, this.alive());
  }
  get columns(): HTableColumns {
    return new HTableColumns(this.s, this.alive());
  }
  get autoFilter(): HTableAutoFilter {
    return new HTableAutoFilter(this.s, this.alive());
  }
  get sort(): HTableSort {
    return new HTableSort(this.s, this.alive());
  }
}

class HTableSort extends HostObject {
  readonly type = 'TableSort';
  constructor(
    private readonly s: HostState,
    private readonly t: TableModel,
  ) {
    super();
  }
  apply(fields: { key: number; ascending?: boolean }[]): void {
    for (const f of [...fields].reverse()) this.s.wb.sortTable(this.t, f.key, f.ascending !== false);
  }
}

class HTableRows extends HostObject {
  readonly type = 'TableRowCollection';
  constructor(
    private readonly s: HostState,
    private readonly t: TableModel,
  ) {
    super();
  }
  add(index?: number | null, values?: unknown[][]): HTableRow {
    const at = index ?? this.t.bodyRows;
    this.s.wb.addRows(this.t, index, values);
    return new HTableRow(this.s, this.t, at);
  }
  getCount(): number {
    return this.t.bodyRows;
  }
  get count(): number {
    return this.t.bodyRows;
  }
  getItemAt(i: number): HTableRow {
    if (i < 0 || i >= this.t.bodyRows) notFound(`row ${i}`);
    return new HTableRow(this.s, this.t, i);
  }
  deleteRowsAt(index: number, count = 1): void {
    new HRange(this.s, this.t.sheet, { r: this.t.top + 1 + index, c: this.t.left, rows: count, cols: this.t.columns.length }).delete('Up');
  }
  override _items(): HostObject[] {
    return Array.from({ length: this.t.bodyRows }, (_, i) => new HTableRow(this.s, this.t, i));
  }
}

class HTableRow extends HostObject {
  readonly type = 'TableRow';
  constructor(
    private readonly s: HostState,
    private readonly t: TableModel,
    private readonly i: number,
  ) {
    super();
  }
  override _scalars(): string[] {
    return ['index', 'values'];
  }
  get index(): number {
    return this.i;
  }
  getRange(): HRange {
    return new HRange(this.s, this.t.sheet, { r: this.t.top + 1 + this.i, c: this.t.left, rows: 1, cols: this.t.columns.length });
  }
  get values(): unknown[][] {
    return this.getRange().values;
  }
  set values(v: unknown[][]) {
    this.getRange().values = v;
  }
  delete(): void {
    this.getRange().delete('Up');
  }
}

class HTableColumns extends HostObject {
  readonly type = 'TableColumnCollection';
  constructor(
    private readonly s: HostState,
    private readonly t: TableModel,
  ) {
    super();
  }
  add(index?: number | null, values?: unknown[][], name?: string): HTableColumn {
    return new HTableColumn(this.s, this.t, this.s.wb.addColumn(this.t, index, name ?? undefined, values ?? undefined));
  }
  /** By name (ignoring case, as Excel) or by id. */
  getItemOrNullObject(key: string | number): HTableColumn | null {
    const col = typeof key === 'number' ? this.t.columns.find((c) => c.id === key) : this.t.columns.find((c) => c.name.toLowerCase() === String(key).toLowerCase());
    return col ? new HTableColumn(this.s, this.t, col) : null;
  }
  getItem(key: string | number): HTableColumn {
    return this.getItemOrNullObject(key) ?? notFound(`column ${key} of table ${this.t.name}`);
  }
  override _indexer(key: unknown): HostObject {
    return this.getItem(key as string | number);
  }
  getItemAt(i: number): HTableColumn {
    return new HTableColumn(this.s, this.t, this.t.columns[i] ?? notFound(`column #${i}`));
  }
  getCount(): number {
    return this.t.columns.length;
  }
  get count(): number {
    return this.t.columns.length;
  }
  override _items(): HostObject[] {
    return this.t.columns.map((c) => new HTableColumn(this.s, this.t, c));
  }
}

class HTableColumn extends HostObject {
  readonly type = 'TableColumn';
  constructor(
    private readonly s: HostState,
    private readonly t: TableModel,
    private readonly col: TableColumnModel,
  ) {
    super();
  }
  override _scalars(): string[] {
    return ['id', 'index', 'name'];
  }
  override _idValue(): Record<string, unknown> {
    return { Id: this.col.id };
  }
  get id(): number {
    return this.col.id;
  }
  get index(): number {
    return this.t.columns.indexOf(this.col);
  }
  get name(): string {
    return this.col.name;
  }
  set name(n: string) {
    this.getHeaderRowRange().values = [[n]];
  }
  private block(withHeader: boolean, withBody: boolean): HRange {
    const j = this.index;
    if (j < 0) notFound(`column ${this.col.name}`);
    const r = withHeader ? this.t.top : this.t.top + 1;
    const rows = (withHeader ? 1 : 0) + (withBody ? this.t.bodyRows : 0);
    return new HRange(this.s, this.t.sheet, { r, c: this.t.left + j, rows, cols: 1 });
  }
  getRange(): HRange {
    return this.block(true, true);
  }
  getDataBodyRange(): HRange {
    return this.block(false, true);
  }
  getHeaderRowRange(): HRange {
    return this.block(true, false);
  }
  get values(): unknown[][] {
    return this.getRange().values;
  }
  delete(): void {
    this.s.wb.assertWritable(this.t.sheet);
    const j = this.index;
    for (let r = this.t.top; r <= this.t.top + this.t.bodyRows; r++) this.t.sheet.grid[r]?.splice(this.t.left + j, 1);
    this.t.columns.splice(j, 1);
  }
  get filter(): HFilter {
    return new HFilter(this.s, this.t, this.col);
  }
}

class HFilter extends HostObject {
  readonly type = 'Filter';
  constructor(
    private readonly s: HostState,
    private readonly t: TableModel,
    private readonly col: TableColumnModel,
  ) {
    super();
  }
  get criteria(): FilterCriteria | null {
    return this.col.filter;
  }
  apply(criteria: FilterCriteria): void {
    this.col.filter = criteria;
    this.s.wb.applyTableFilters(this.t);
  }
  applyValuesFilter(values: string[]): void {
    this.apply({ filterOn: 'Values', values });
  }
  applyCustomFilter(criterion1: string): void {
    this.apply({ filterOn: 'Custom', criterion1 });
  }
  clear(): void {
    this.col.filter = null;
    this.s.wb.applyTableFilters(this.t);
  }
}

/** A table's AutoFilter (ExcelApi 1.9): criteria by column index within the table. */
class HTableAutoFilter extends HostObject {
  readonly type = 'AutoFilter';
  constructor(
    private readonly s: HostState,
    private readonly t: TableModel,
  ) {
    super();
  }
  override _scalars(): string[] {
    return ['enabled', 'isDataFiltered', 'criteria'];
  }
  get enabled(): boolean {
    return true;
  }
  get isDataFiltered(): boolean {
    return isFiltered(this.t);
  }
  get criteria(): (FilterCriteria | null)[] {
    return this.t.columns.map((c) => c.filter);
  }
  apply(_range: unknown, columnIndex?: number, criteria?: FilterCriteria): void {
    if (columnIndex !== undefined && columnIndex !== null && criteria) {
      const col = this.t.columns[columnIndex] ?? notFound(`column #${columnIndex}`);
      col.filter = criteria;
    }
    this.s.wb.applyTableFilters(this.t);
  }
  clearCriteria(): void {
    this.s.wb.clearTableFilters(this.t);
  }
  reapply(): void {
    this.s.wb.applyTableFilters(this.t);
  }
  getRange(): HRange {
    return new HRange(this.s, this.t.sheet, tableBlock(this.t));
  }
}

// ------------------------------------------------------------------ charts, names, application, workbook

class HCharts extends HostObject {
  readonly type = 'ChartCollection';
  constructor(
    private readonly s: HostState,
    private readonly m: SheetModel,
  ) {
    super();
  }
  add(type: string, source: HRange, seriesBy?: string): HChart {
    this.s.wb.assertWritable(this.m);
    const n = this.s.wb.newId();
    const chart: ChartModel = { id: `chart${n}`, name: `Chart ${n}`, type, source: source.address, seriesBy: seriesBy ?? 'Auto', title: '', from: '', to: '' };
    this.m.charts.push(chart);
    return new HChart(this.s, this.m, chart);
  }
  getItemOrNullObject(key: string): HChart | null {
    const c = this.m.charts.find((x) => x.name === key || x.id === key);
    return c ? new HChart(this.s, this.m, c) : null;
  }
  getItem(key: string): HChart {
    return this.getItemOrNullObject(key) ?? notFound(`chart ${key}`);
  }
  override _indexer(key: unknown): HostObject {
    return this.getItem(String(key));
  }
  getCount(): number {
    return this.m.charts.length;
  }
  get count(): number {
    return this.m.charts.length;
  }
  override _items(): HostObject[] {
    return this.m.charts.map((c) => new HChart(this.s, this.m, c));
  }
}

class HChart extends HostObject {
  readonly type = 'Chart';
  constructor(
    private readonly s: HostState,
    private readonly m: SheetModel,
    private readonly c: ChartModel,
  ) {
    super();
  }
  override _scalars(): string[] {
    return ['id', 'name', 'chartType'];
  }
  override _idValue(): Record<string, unknown> {
    return { Id: this.c.id };
  }
  get id(): string {
    return this.c.id;
  }
  get name(): string {
    return this.c.name;
  }
  set name(n: string) {
    this.c.name = n;
  }
  get chartType(): string {
    return this.c.type;
  }
  set chartType(t: string) {
    this.c.type = t;
  }
  get title(): HChartTitle {
    return new HChartTitle(this.c);
  }
  setPosition(from: string, to?: string): void {
    this.c.from = from;
    this.c.to = to ?? from;
  }
  setData(source: HRange, seriesBy?: string): void {
    this.c.source = source.address;
    if (seriesBy) this.c.seriesBy = seriesBy;
  }
  delete(): void {
    this.s.wb.assertWritable(this.m);
    this.m.charts.splice(this.m.charts.indexOf(this.c), 1);
  }
}

class HChartTitle extends HostObject {
  readonly type = 'ChartTitle';
  constructor(private readonly c: ChartModel) {
    super();
  }
  get text(): string {
    return this.c.title;
  }
  set text(t: string) {
    this.c.title = t;
  }
}

export class HNames extends HostObject {
  readonly type = 'NamedItemCollection';
  constructor(private readonly s: HostState) {
    super();
  }
  add(name: string, reference: HRange | string, comment?: string): HNamedItem {
    const formula = typeof reference === 'string' ? (reference.startsWith('=') ? reference : `=${reference}`) : `=${reference.address}`;
    const wb = this.s.wb;
    if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || /^[A-Z]{1,3}\d+$/i.test(name)) throw new HostError('InvalidArgument', `"${name}" is not a valid name.`);
    if (wb.names.some((n) => n.name.toLowerCase() === name.toLowerCase()) || wb.table(name)) throw new HostError('ItemAlreadyExists', `The name "${name}" already exists.`); // assumed code
    const item: NamedItemModel = { name, formula, comment: comment ?? '', visible: true };
    wb.names.push(item);
    return new HNamedItem(this.s, item);
  }
  getItemOrNullObject(name: string): HNamedItem | null {
    const n = this.s.wb.names.find((x) => x.name.toLowerCase() === name.toLowerCase());
    return n ? new HNamedItem(this.s, n) : null;
  }
  getItem(name: string): HNamedItem {
    return this.getItemOrNullObject(name) ?? notFound(`name ${name}`);
  }
  override _indexer(key: unknown): HostObject {
    return this.getItem(String(key));
  }
  getCount(): number {
    return this.s.wb.names.length;
  }
  get count(): number {
    return this.s.wb.names.length;
  }
  override _items(): HostObject[] {
    return this.s.wb.names.map((n) => new HNamedItem(this.s, n));
  }
}

class HNamedItem extends HostObject {
  readonly type = 'NamedItem';
  constructor(
    private readonly s: HostState,
    private readonly n: NamedItemModel,
  ) {
    super();
  }
  override _scalars(): string[] {
    return ['name', 'formula', 'comment', 'visible', 'type', 'value'];
  }
  get name(): string {
    return this.n.name;
  }
  get formula(): string {
    return this.n.formula;
  }
  set formula(f: string) {
    this.n.formula = f;
  }
  get comment(): string {
    return this.n.comment;
  }
  set comment(c: string) {
    this.n.comment = c;
  }
  get visible(): boolean {
    return this.n.visible;
  }
  set visible(v: boolean) {
    this.n.visible = v;
  }
  get type_(): string {
    return 'Range';
  }
  get value(): string {
    return this.n.formula.slice(1);
  }
  delete(): void {
    this.s.wb.names.splice(this.s.wb.names.indexOf(this.n), 1);
  }
  getRange(): HRange {
    return this.getRangeOrNullObject() ?? notFound(`range of ${this.n.name}`);
  }
  /** `='Sheet'!A1:B2`, `=Table[Column]`, `=Table[#Data]`, `=Table[#All]`, `=Table[#Headers]`. */
  getRangeOrNullObject(): HRange | null {
    const f = this.n.formula.replace(/^=/, '');
    const structured = /^([^[\]!]+)\[(.*)\]$/.exec(f);
    if (structured) {
      const t = this.s.wb.table(structured[1]);
      if (!t) return null;
      const inner = structured[2].replace(/^\[|\]$/g, '');
      const table = new HTable(this.s, t);
      if (inner === '#All') return table.getRange();
      if (inner === '#Headers') return table.getHeaderRowRange();
      if (inner === '#Data' || inner === '') return table.getDataBodyRange();
      return table.columns.getItemOrNullObject(inner)?.getDataBodyRange() ?? null;
    }
    const { sheet, local } = splitSheet(f);
    const m = sheet ? this.s.wb.sheet(sheet) : null;
    const b = parseLocal(local);
    return m && b ? new HRange(this.s, m, b) : null;
  }
}

class HApplication extends HostObject {
  readonly type = 'Application';
  constructor(private readonly s: HostState) {
    super();
  }
  suspendApiCalculationUntilNextSync(): void {
    this.s.suspensions.calculation++;
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.s.suspensions.screen++;
  }
  calculate(): void {
    // formulas are not evaluated by the host
  }
  get calculationMode(): string {
    return 'Automatic';
  }
}

export class HWorkbook extends HostObject {
  readonly type = 'Workbook';
  constructor(private readonly s: HostState) {
    super();
  }
  get worksheets(): HSheets {
    return new HSheets(this.s);
  }
  get tables(): HTables {
    return new HTables(this.s, null);
  }
  get names(): HNames {
    return new HNames(this.s);
  }
  get application(): HApplication {
    return new HApplication(this.s);
  }
  getSelectedRange(): HRange {
    const sel = this.s.wb.selection;
    const sheet = (sel && this.s.wb.sheet(sel.sheet)) || this.s.wb.activeSheet || notFound('selection');
    return new HRange(this.s, sheet, parseLocal(sel ? splitSheet(sel.address).local : 'A1')!);
  }
}

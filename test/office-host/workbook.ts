/**
 * The emulated host's workbook: sheets of cells, tables, names, filters, protection, and the
 * rules real Excel enforces on them. Every refusal is a `HostError` with the error code Excel's
 * API reports (office.js turns it into an `OfficeExtension.Error` at `sync`). Codes marked
 * "assumed" in comments are Excel's documented codes for that kind of failure, not recorded
 * from a real session.
 */
import { excelInput } from './typed-input';
import { contains, fullAddress, intersects, MAX_COLS, MAX_ROWS, type Block } from './address';

export class HostError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface Cell {
  value: unknown;
  formula: string | null;
  numberFormat: string;
  /** Written text Excel turned into a number, date, time or boolean. */
  coerced?: boolean;
}

export interface ConditionalFormatModel {
  id: string;
  type: string;
  address: string;
  /** Everything set on it (`textComparison.rule`, `textComparison.format.fill.color`…). */
  settings: Record<string, unknown>;
  stopIfTrue: boolean;
}

export interface ChartModel {
  id: string;
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  from: string;
  to: string;
}

export interface ValidationModel {
  address: string;
  rule: Record<string, unknown> | null;
  errorAlert: Record<string, unknown> | null;
}

/** What was set on a sheet's page layout (print settings), as the host records it. */
export interface PageLayoutModel {
  /** Properties set (`paperSize`, `orientation`, `leftMargin`, `zoom`…), by name. */
  settings: Record<string, unknown>;
  /** `setPrintArea`: the local address (`A1:H40`, areas joined by `,`), or null. */
  printArea: string | null;
  /** `setPrintTitleRows`: whole rows (`$4:$4`), or null. */
  printTitleRows: string | null;
  /** Header and footer settings by path (`state`, `defaultForAllPages.centerHeader`…). */
  headersFooters: Record<string, unknown>;
}

/** A filter on one column: the values shown, or a custom criterion (`=x`, `<>x`). */
export interface FilterCriteria {
  filterOn: string;
  values?: string[];
  criterion1?: string;
}

export interface SheetModel {
  id: string;
  name: string;
  visibility: string;
  /** Rows, each a sparse array of cells. */
  grid: (Cell | undefined)[][];
  hiddenRows: Set<number>;
  frozenRows: number;
  columnWidths: Map<number, number>;
  hiddenColumns: Set<number>;
  protected: boolean;
  validations: ValidationModel[];
  /** In priority order: the first is applied first (priority 0). */
  conditionalFormats: ConditionalFormatModel[];
  charts: ChartModel[];
  /** Format settings as applied, in order: `{address, path: 'font.bold', value}`. */
  formats: { address: string; path: string; value: unknown }[];
  /** A worksheet AutoFilter (not a table's): its range and criteria by column offset. */
  autoFilter: { block: Block; criteria: Map<number, FilterCriteria> } | null;
  /** Merged areas. */
  merges: Block[];
  pageLayout: PageLayoutModel;
  showGridlines: boolean;
}

export interface TableColumnModel {
  id: number;
  name: string;
  filter: FilterCriteria | null;
  /** A calculated column's formula (new rows get it). */
  formula: string | null;
}

export interface TableModel {
  id: number;
  name: string;
  sheet: SheetModel;
  top: number;
  left: number;
  columns: TableColumnModel[];
  bodyRows: number;
  showBandedRows: boolean;
  showHeaders: boolean;
  showTotals: boolean;
  style: string;
}

export interface NamedItemModel {
  name: string;
  formula: string;
  comment: string;
  visible: boolean;
}

export const blankCell = (): Cell => ({ value: '', formula: null, numberFormat: 'General' });

export const tableBlock = (t: TableModel): Block => ({ r: t.top, c: t.left, rows: t.bodyRows + 1, cols: t.columns.length });
export const bodyBlock = (t: TableModel): Block => ({ r: t.top + 1, c: t.left, rows: t.bodyRows, cols: t.columns.length });
export const isFiltered = (t: TableModel): boolean => t.columns.some((c) => c.filter !== null);

/** Display text of a value as a filter compares it. */
const filterText = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly names: NamedItemModel[] = [];
  private nextId = 1;
  activeSheet: SheetModel | null = null;
  selection: { sheet: string; address: string } | null = null;

  newId(): number {
    return this.nextId++;
  }

  // ---- sheets ----
  sheet(key: string | number): SheetModel | null {
    const k = String(key).toLowerCase();
    return this.sheets.find((s) => s.id.toLowerCase() === k || s.name.toLowerCase() === k) ?? null;
  }

  addSheet(name?: string): SheetModel {
    const sheetName = name ?? this.freeSheetName();
    if (!/^[^\\/?*[\]:]{1,31}$/.test(sheetName) || sheetName.startsWith("'")) throw new HostError('InvalidArgument', `The sheet name "${sheetName}" is not valid.`);
    if (this.sheet(sheetName)) throw new HostError('ItemAlreadyExists', `A sheet named "${sheetName}" already exists.`); // assumed
    const id = `{${String(this.newId()).padStart(8, '0')}-0000-4000-8000-000000000000}`;
    const sheet: SheetModel = {
      id,
      name: sheetName,
      visibility: 'Visible',
      grid: [],
      hiddenRows: new Set(),
      frozenRows: 0,
      columnWidths: new Map(),
      hiddenColumns: new Set(),
      protected: false,
      validations: [],
      conditionalFormats: [],
      charts: [],
      formats: [],
      autoFilter: null,
      merges: [],
      pageLayout: { settings: {}, printArea: null, printTitleRows: null, headersFooters: {} },
      showGridlines: true,
    };
    this.sheets.push(sheet);
    this.activeSheet ??= sheet;
    return sheet;
  }

  private freeSheetName(): string {
    for (let i = 1; ; i++) if (!this.sheet(`Sheet${i}`)) return `Sheet${i}`;
  }

  renameSheet(sheet: SheetModel, name: string): void {
    const other = this.sheet(name);
    if (other && other !== sheet) throw new HostError('ItemAlreadyExists', `A sheet named "${name}" already exists.`);
    sheet.name = name;
  }

  private visibleSheets(): SheetModel[] {
    return this.sheets.filter((s) => s.visibility === 'Visible');
  }

  /** Excel keeps at least one visible sheet. */
  setVisibility(sheet: SheetModel, visibility: string): void {
    if (visibility !== 'Visible' && sheet.visibility === 'Visible' && this.visibleSheets().length === 1) {
      throw new HostError('InvalidOperation', 'A workbook must contain at least one visible worksheet.'); // assumed code
    }
    sheet.visibility = visibility;
    if (this.activeSheet === sheet && visibility !== 'Visible') this.activeSheet = this.visibleSheets()[0] ?? null;
  }

  deleteSheet(sheet: SheetModel): void {
    if (sheet.visibility === 'Visible' && this.visibleSheets().length === 1) {
      throw new HostError('InvalidOperation', 'A workbook must contain at least one visible worksheet.'); // assumed code
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (const t of this.tables.filter((x) => x.sheet === sheet)) this.tables.splice(this.tables.indexOf(t), 1);
    if (this.activeSheet === sheet) this.activeSheet = this.visibleSheets()[0] ?? null;
  }

  assertWritable(sheet: SheetModel): void {
    if (sheet.protected) throw new HostError('AccessDenied', `The sheet "${sheet.name}" is protected: the cell or chart you are trying to change is read-only.`); // assumed code
  }

  // ---- cells ----
  cell(sheet: SheetModel, r: number, c: number): Cell | undefined {
    return sheet.grid[r]?.[c];
  }

  touch(sheet: SheetModel, r: number, c: number): Cell {
    const row = (sheet.grid[r] ??= []);
    return (row[c] ??= blankCell());
  }

  /** Cells of a block that exist, with their coordinates (sparse: whole columns are cheap). */
  *existing(sheet: SheetModel, b: Block): Generator<[number, number, Cell]> {
    const rEnd = Math.min(b.r + b.rows, sheet.grid.length);
    for (let r = b.r; r < rEnd; r++) {
      const row = sheet.grid[r];
      if (!row) continue;
      const cEnd = Math.min(b.c + b.cols, row.length);
      for (let c = b.c; c < cEnd; c++) if (row[c]) yield [r, c, row[c]!];
    }
  }

  /** Writes one value as the API does: null leaves the cell, a string is typed input. */
  writeValue(sheet: SheetModel, r: number, c: number, v: unknown, asFormula = false): void {
    if (v === null || v === undefined) return;
    const cell = this.touch(sheet, r, c);
    delete cell.coerced;
    if (typeof v === 'string') {
      if (asFormula && v.startsWith('=')) Object.assign(cell, { value: '#FORMULA', formula: v });
      else Object.assign(cell, excelInput(v, cell.numberFormat));
    } else {
      cell.value = v;
      cell.formula = null;
    }
  }

  /** After a write that touched header rows: column names from the header cells, made unique as Excel does. */
  syncHeaders(sheet: SheetModel, b: Block): void {
    for (const t of this.tables) {
      if (t.sheet !== sheet || !intersects(b, { r: t.top, c: t.left, rows: 1, cols: t.columns.length })) continue;
      t.columns.forEach((col, j) => {
        const v = this.cell(sheet, t.top, t.left + j)?.value;
        col.name = v === '' || v === null || v === undefined ? '' : String(v);
      });
      this.uniqueColumnNames(t);
    }
  }

  /** Blank names become `ColumnN`, duplicates (ignoring case) `Name2`, `Name3`…; header cells follow. */
  uniqueColumnNames(t: TableModel): void {
    const taken = new Set<string>();
    t.columns.forEach((col, j) => {
      let name = col.name.trim() === '' ? `Column${j + 1}` : col.name;
      if (taken.has(name.toLowerCase())) {
        const base = name;
        for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}${n}`;
      }
      taken.add(name.toLowerCase());
      col.name = name;
      const cell = this.touch(t.sheet, t.top, t.left + j);
      cell.value = name;
      cell.formula = null;
    });
  }

  // ---- tables ----
  table(key: string | number): TableModel | null {
    if (typeof key === 'number') return this.tables.find((t) => t.id === key) ?? null;
    const k = key.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === k || String(t.id) === key) ?? null;
  }

  tableAt(sheet: SheetModel, b: Block): TableModel | undefined {
    return this.tables.find((t) => t.sheet === sheet && intersects(tableBlock(t), b));
  }

  private assertFreeName(name: string, except?: unknown): void {
    if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || /^[A-Z]{1,3}\d+$/i.test(name) || /^[rc]$/i.test(name)) {
      throw new HostError('InvalidArgument', `"${name}" is not a valid table or range name.`);
    }
    const lower = name.toLowerCase();
    const clash = this.tables.find((t) => t !== except && t.name.toLowerCase() === lower) ?? this.names.find((n) => n !== except && n.name.toLowerCase() === lower);
    if (clash) throw new HostError('ItemAlreadyExists', `The name "${name}" is already used by a table or a named range.`); // assumed code
  }

  addTable(sheet: SheetModel, b: Block, hasHeaders: boolean): TableModel {
    this.assertWritable(sheet);
    if (b.rows === MAX_ROWS || b.cols === MAX_COLS) throw new HostError('InvalidArgument', 'A table needs a bounded range.');
    if (this.tableAt(sheet, b)) throw new HostError('InvalidOperation', "A table can't overlap another table."); // assumed code
    let top = b.r;
    let rows = b.rows;
    if (!hasHeaders) {
      this.insertCells(sheet, { r: b.r, c: b.c, rows: 1, cols: b.cols }, 'Down');
      rows += 1;
    }
    let n = 1;
    while (this.table(`Table${n}`)) n++;
    const t: TableModel = {
      id: this.newId(),
      name: `Table${n}`,
      sheet,
      top,
      left: b.c,
      columns: Array.from({ length: b.cols }, (_, j) => {
        const v = hasHeaders ? this.cell(sheet, top, b.c + j)?.value : '';
        return { id: j + 1, name: v === undefined || v === null ? '' : String(v), filter: null, formula: null };
      }),
      bodyRows: Math.max(1, rows - 1),
      showBandedRows: true,
      showHeaders: true,
      showTotals: false,
      style: 'TableStyleMedium2',
    };
    top = t.top;
    this.uniqueColumnNames(t);
    this.tables.push(t);
    return t;
  }

  renameTable(t: TableModel, name: string): void {
    if (t.name.toLowerCase() === name.toLowerCase()) {
      t.name = name;
      return;
    }
    this.assertFreeName(name, t);
    const old = t.name;
    t.name = name;
    // Structured references in names follow the rename.
    const ref = new RegExp(`(^|[^\\p{L}\\p{N}_.])${old.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\[`, 'giu');
    for (const n of this.names) n.formula = n.formula.replace(ref, (_m, pre: string) => `${pre}${name}[`);
  }

  /** Adds a column at `index` (default: the end), named uniquely. */
  addColumn(t: TableModel, index: number | null | undefined, name: string | undefined, values: unknown[][] | undefined): TableColumnModel {
    this.assertWritable(t.sheet);
    const at = index === null || index === undefined ? t.columns.length : index;
    if (at < 0 || at > t.columns.length) throw new HostError('InvalidArgument', `Column index ${at} is outside the table.`);
    const block: Block = { r: t.top, c: t.left + at, rows: t.bodyRows + 1, cols: 1 };
    const right: Block = { r: t.top, c: t.left + t.columns.length, rows: t.bodyRows + 1, cols: 1 };
    const blocked = at < t.columns.length || [...this.existing(t.sheet, right)].some(([, , cell]) => cell.value !== '' || cell.formula);
    if (blocked) this.shiftRight(t.sheet, block, t);
    const col: TableColumnModel = { id: Math.max(0, ...t.columns.map((c) => c.id)) + 1, name: name ?? '', filter: null, formula: null };
    t.columns.splice(at, 0, col);
    this.uniqueColumnNames(t);
    if (values) {
      const hasHeader = values.length === t.bodyRows + 1;
      const start = hasHeader ? 0 : 1;
      values.forEach((row, i) => this.writeValue(t.sheet, t.top + start + i, t.left + at, row[0]));
      if (hasHeader) this.syncHeaders(t.sheet, block);
    }
    return col;
  }

  /** Cells of the rows of `b` from its column onwards move one column right (within the block's rows). */
  private shiftRight(sheet: SheetModel, b: Block, _t: TableModel): void {
    for (let r = b.r; r < b.r + b.rows; r++) {
      const row = sheet.grid[r];
      if (row && row.length > b.c) row.splice(b.c, 0, undefined);
    }
  }

  /** Grows or shrinks a table to a new block with the same header row and left column. */
  resizeTable(t: TableModel, b: Block): void {
    this.assertWritable(t.sheet);
    if (b.r !== t.top || b.c !== t.left) throw new HostError('InvalidArgument', 'The new range must keep the table header row where it is.');
    if (b.rows < 2) throw new HostError('InvalidArgument', 'A table keeps at least one body row.');
    const others = this.tables.filter((x) => x !== t && x.sheet === t.sheet && intersects(tableBlock(x), b));
    if (others.length) throw new HostError('InvalidOperation', "A table can't overlap another table."); // assumed code
    while (t.columns.length < b.cols) this.addColumn(t, null, undefined, undefined);
    if (b.cols < t.columns.length) t.columns.splice(b.cols);
    const from = t.bodyRows;
    t.bodyRows = b.rows - 1;
    this.fillNewRows(t, from);
  }

  /** New body rows from `from`: the number format of the row above, calculated columns' formulas. */
  fillNewRows(t: TableModel, from: number): void {
    for (let i = from; i < t.bodyRows; i++) {
      const r = t.top + 1 + i;
      t.columns.forEach((col, j) => {
        const c = t.left + j;
        const above = i > 0 ? this.cell(t.sheet, r - 1, c)?.numberFormat : undefined;
        const cell = this.touch(t.sheet, r, c);
        if (above && cell.numberFormat === 'General') cell.numberFormat = above;
        if (col.formula && cell.value === '' && !cell.formula) Object.assign(cell, { value: '#FORMULA', formula: col.formula });
      });
    }
  }

  /** `rows.add`: rows at the end (or at `index`), with the values given. */
  addRows(t: TableModel, index: number | null | undefined, values: unknown[][] | undefined): void {
    this.assertWritable(t.sheet);
    if (isFiltered(t)) throw new HostError('FilteredRangeConflict', 'The attempted operation causes a conflict with a filtered range.');
    const count = values?.length ?? 1;
    if (values && values.some((row) => row.length !== t.columns.length)) throw new HostError('InvalidArgument', 'The number of values does not match the table width.');
    const at = index === null || index === undefined ? t.bodyRows : index;
    const r = t.top + 1 + at;
    if (at < t.bodyRows || this.blockHasContent(t.sheet, { r, c: t.left, rows: count, cols: t.columns.length })) {
      this.insertCells(t.sheet, { r, c: t.left, rows: count, cols: t.columns.length }, 'Down', t);
    }
    const before = t.bodyRows;
    t.bodyRows += count;
    if (at >= before) this.fillNewRows(t, before);
    values?.forEach((row, i) => row.forEach((v, j) => this.writeValue(t.sheet, r + i, t.left + j, v)));
  }

  private blockHasContent(sheet: SheetModel, b: Block): boolean {
    for (const [, , cell] of this.existing(sheet, b)) if (cell.value !== '' || cell.formula) return true;
    return false;
  }

  // ---- inserting and deleting cells ----
  /** The checks Excel makes before shifting cells: protection, filtered tables, partial table shifts. */
  private assertShift(sheet: SheetModel, b: Block, dir: 'Up' | 'Down', own?: TableModel): TableModel[] {
    this.assertWritable(sheet);
    const affected: TableModel[] = [];
    for (const t of this.tables) {
      if (t.sheet !== sheet) continue;
      const tb = tableBlock(t);
      // Tables in the shifted columns, at or below the block, move or shrink.
      const colsOverlap = tb.c < b.c + b.cols && b.c < tb.c + tb.cols;
      const below = tb.r + tb.rows > b.r;
      if (!colsOverlap || !below) continue;
      if (t !== own && isFiltered(t)) throw new HostError('InsertDeleteConflict', `The table "${t.name}" is filtered: rows can't be inserted or deleted in it.`); // assumed code
      const whole = b.c <= tb.c && b.c + b.cols >= tb.c + tb.cols;
      if (!whole) throw new HostError('InsertDeleteConflict', `This operation is not allowed because it tries to shift cells in the table "${t.name}".`);
      if (dir === 'Up' && intersects(b, { r: t.top, c: t.left, rows: 1, cols: tb.cols })) {
        if (!contains(b, tb)) throw new HostError('InsertDeleteConflict', `The header row of the table "${t.name}" can't be deleted on its own.`);
      }
      affected.push(t);
    }
    if (own && isFiltered(own)) throw new HostError('InsertDeleteConflict', `The table "${own.name}" is filtered: rows can't be inserted or deleted in it.`); // assumed code
    return affected;
  }

  /** Whether rows from `r` hold cells outside the columns [c, c + cols). */
  private othersBelow(sheet: SheetModel, r: number, c: number, cols: number): boolean {
    for (let i = r; i < sheet.grid.length; i++) {
      const row = sheet.grid[i];
      if (!row) continue;
      if (row.length > c + cols) return true;
      for (let j = 0; j < Math.min(c, row.length); j++) if (row[j]) return true;
    }
    return false;
  }

  private moveRows(sheet: SheetModel, b: Block, delta: number): void {
    const fullWidth = !this.othersBelow(sheet, b.r, b.c, b.cols);
    if (fullWidth) {
      if (delta < 0) sheet.grid.splice(b.r, -delta);
      else if (sheet.grid.length > b.r) sheet.grid.splice(b.r, 0, ...new Array<(Cell | undefined)[]>(delta).fill(undefined as never));
    } else {
      const last = sheet.grid.length;
      const take = (r: number): (Cell | undefined)[] => Array.from({ length: b.cols }, (_, j) => sheet.grid[r]?.[b.c + j]);
      const put = (r: number, cells: (Cell | undefined)[]): void => {
        cells.forEach((cell, j) => {
          if (cell) this.touch(sheet, r, b.c + j);
          if (sheet.grid[r]) sheet.grid[r][b.c + j] = cell;
        });
      };
      if (delta < 0) for (let r = b.r; r < last; r++) put(r, take(r - delta));
      else for (let r = last - 1; r >= b.r; r--) put(r + delta, take(r));
      if (delta > 0) for (let r = b.r; r < b.r + delta; r++) put(r, new Array(b.cols).fill(undefined));
    }
    const hidden = [...sheet.hiddenRows];
    sheet.hiddenRows.clear();
    for (const r of hidden) {
      if (r < b.r) sheet.hiddenRows.add(r);
      else if (delta > 0) sheet.hiddenRows.add(r + delta);
      else if (r >= b.r - delta) sheet.hiddenRows.add(r + delta);
    }
  }

  deleteCells(sheet: SheetModel, b: Block, shift: string): void {
    if (shift !== 'Up') {
      this.assertWritable(sheet);
      throw new HostError('InvalidArgument', `host: delete(${shift}) is not emulated (only Up).`);
    }
    const tables = this.assertShift(sheet, b, 'Up');
    for (const t of tables) {
      const tb = tableBlock(t);
      if (contains(b, tb)) {
        this.tables.splice(this.tables.indexOf(t), 1);
        continue;
      }
      if (tb.r >= b.r + b.rows) t.top -= b.rows;
      else {
        const from = Math.max(b.r, t.top + 1);
        const to = Math.min(b.r + b.rows, t.top + 1 + t.bodyRows);
        t.bodyRows -= Math.max(0, to - from);
      }
    }
    this.moveRows(sheet, b, -b.rows);
    // As in Excel, a table keeps at least one (then blank) body row.
    for (const t of tables) {
      if (this.tables.includes(t) && t.bodyRows < 1) {
        this.moveRows(sheet, { r: t.top + 1, c: b.c, rows: 1, cols: b.cols }, 1);
        t.bodyRows = 1;
      }
    }
  }

  insertCells(sheet: SheetModel, b: Block, shift: string, own?: TableModel): void {
    if (shift !== 'Down') throw new HostError('InvalidArgument', `host: insert(${shift}) is not emulated (only Down).`);
    const tables = this.assertShift(sheet, b, 'Down', own);
    for (const t of tables) {
      if (t === own) continue;
      if (t.top >= b.r) t.top += b.rows;
      else if (b.r <= t.top + t.bodyRows) {
        const before = t.bodyRows;
        t.bodyRows += b.rows;
        void before;
      }
    }
    this.moveRows(sheet, b, b.rows);
  }

  // ---- filters ----
  /** Hides the body rows a table's column filters exclude (shows the others). */
  applyTableFilters(t: TableModel): void {
    for (let i = 0; i < t.bodyRows; i++) {
      const r = t.top + 1 + i;
      const shown = t.columns.every((col, j) => !col.filter || matches(col.filter, this.cell(t.sheet, r, t.left + j)?.value));
      if (shown) t.sheet.hiddenRows.delete(r);
      else t.sheet.hiddenRows.add(r);
    }
  }

  clearTableFilters(t: TableModel): void {
    for (const col of t.columns) col.filter = null;
    this.applyTableFilters(t);
  }

  /** Sorts a table's body by one column (hidden rows stay hidden where they were: Excel sorts visible data only when filtered — here we sort all). */
  sortTable(t: TableModel, column: number, ascending: boolean): void {
    this.assertWritable(t.sheet);
    const rows = Array.from({ length: t.bodyRows }, (_, i) => Array.from({ length: t.columns.length }, (_, j) => this.cell(t.sheet, t.top + 1 + i, t.left + j)));
    const key = (row: (Cell | undefined)[]): unknown => row[column]?.value ?? '';
    rows.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      const cmp = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'vi');
      return ascending ? cmp : -cmp;
    });
    rows.forEach((row, i) =>
      row.forEach((cell, j) => {
        const r = t.top + 1 + i;
        const line = (t.sheet.grid[r] ??= []);
        line[t.left + j] = cell;
      }),
    );
    this.applyTableFilters(t);
  }

  /** The address of a block on a sheet. */
  address(sheet: SheetModel, b: Block): string {
    return fullAddress(sheet.name, b);
  }
}

export function matches(f: FilterCriteria, v: unknown): boolean {
  const text = filterText(v);
  if (f.filterOn === 'Values') return (f.values ?? []).some((x) => x.toLowerCase() === text.toLowerCase());
  if (f.filterOn === 'Custom' && f.criterion1) {
    const m = /^(<>|=)(.*)$/.exec(f.criterion1);
    if (m) return m[1] === '=' ? text.toLowerCase() === m[2].toLowerCase() : text.toLowerCase() !== m[2].toLowerCase();
  }
  throw new HostError('InvalidArgument', `host: filter ${JSON.stringify(f)} is not emulated.`);
}

/** What every flow needs: the workbook, the API, the chosen year, and a progress callback. */
import { DEFAULT_CATEGORIES } from '../../shared/defaults';
import type { Category } from '../../shared/models';
import type { Role } from '../../shared/roles';
import type { ApiClient } from '../api/client';
import type { ExcelLike } from '../excel/excel-api';
import { readTables, type SheetTable } from '../excel/adapter';
import { inExcel } from '../excel/office-errors';
import { text, UserError, type Text } from '../text';
import { TABLE_SPECS, type TableSpec } from '../sheet/columns';
import { tableMarkers } from '../sheet/markers';
import { blockingMissing, mapHeaders, type ColumnMap } from '../sheet/header-map';
import { TableEdit } from '../sheet/table-edit';
import { DATE_FORMAT, TEXT_CODE_FIELDS, TEXT_FORMAT } from '../sheet/columns';

export interface Progress {
  /** The step, in both languages. */
  step: Text;
  done: number;
  total: number;
  /** What is counted (`dòng` / `rows`), shown after the counts. */
  unit?: Text;
}

/** The progress unit of publish and refresh. */
export const ROWS: Text = text('dòng', 'rows');
/** Progress steps shared by the flows. */
export const READING: Text = text('Đang đọc bảng tính…', 'Reading the workbook…');
export const COMPLIANCE: Text = text('Đang tính kết quả thực hiện…', 'Computing compliance…');
/** The step named when reading the tables fails. */
export const READ_FAILED: Text = text('Không đọc được bảng tính.', 'Could not read the workbook.');
/** The last progress step of every flow. */
export const DONE: Text = text('Xong.', 'Done.');

export interface FlowDeps {
  excel: ExcelLike;
  api: ApiClient;
  year: number;
  /** `asOf` for the API (default: today in Vietnam, the server's default). */
  asOf?: string;
  makeId?: () => string;
  onProgress?: (p: Progress) => void;
  /** The caller's role in the org (`GET /api/me`), null or absent when unknown: the server decides. */
  role?: Role | null;
}

/** A flow's own error, in both languages. */
export class FlowError extends UserError {
  constructor(message: Text, code = 'FLOW') {
    super(message, code);
    this.name = 'FlowError';
  }
}

export interface BoundTable {
  spec: TableSpec;
  table: SheetTable;
  map: ColumnMap;
  edit: TableEdit;
}

/** The number formats of the columns the add-in writes (dates shown dd/mm/yyyy, codes as text). */
export function columnFormats(spec: TableSpec, map: ColumnMap): Map<number, string> {
  const formats = new Map<number, string>();
  for (const f of spec.fields) {
    const col = map.fields[f.field];
    if (col === undefined) continue;
    if (f.type === 'date') formats.set(col, DATE_FORMAT);
    else if (TEXT_CODE_FIELDS.has(f.field)) formats.set(col, TEXT_FORMAT);
  }
  for (const m of spec.meta) if (m.numberFormat && map.meta[m.key] !== undefined) formats.set(map.meta[m.key] as number, m.numberFormat);
  return formats;
}

/** Maps a read table's headers; throws a Vietnamese message when essential columns are missing. */
export function bindTable(spec: TableSpec, table: SheetTable): BoundTable {
  const map = mapHeaders(table.headers, spec);
  const missing = blockingMissing(map, spec);
  if (missing.length) {
    const list = missing.map((m) => `"${m}"`).join(', ');
    throw new FlowError(
      text(
        `Bảng "${spec.table}" (trang ${table.sheet}) thiếu cột: ${list}. Bấm "Tạo mẫu" để bổ sung các cột còn thiếu.`,
        `Table "${spec.table}" (sheet ${table.sheet}) lacks the columns ${list}. Click "Create template" to add the missing columns.`,
      ),
      'MISSING_COLUMNS',
    );
  }
  // The edit writes to the table by its name now (a renamed table is found by its marker); rows
  // are written back where their hidden id is at write time (relocate.ts).
  // Only the add-in's columns are ever blanked (a table emptied to its one kept row).
  const owned = new Set([...Object.values(map.fields), ...Object.values(map.meta)].filter((c): c is number => c !== undefined));
  return { spec, table, map, edit: new TableEdit(table.name, table.headers.length, table.rows, columnFormats(spec, map), map.meta.id, owned) };
}

/** Before anything is sent: a protected sheet would refuse the results, so say what to do. */
export function assertWritable(bound: readonly BoundTable[]): void {
  const locked = [...new Set(bound.filter((b) => b.table.protected).map((b) => b.table.sheet))];
  if (locked.length) {
    const sheets = locked.map((s) => `"${s}"`).join(', ');
    throw new FlowError(
      text(
        `Trang ${sheets} đang được bảo vệ nên không ghi được kết quả. Bỏ bảo vệ trang (Xem lại → Bỏ bảo vệ trang) rồi bấm lại.`,
        `Sheet ${sheets} is protected, so the results can't be written. Unprotect the sheet (Review → Unprotect Sheet) and click again.`,
      ),
      'SHEET_PROTECTED',
    );
  }
}

/** The year's accepted categories (the policy's), or the defaults when it cannot be read. */
export async function loadCategories(api: ApiClient, year: number): Promise<Category[]> {
  try {
    const policy = await api.policy(year);
    const cats = policy.categories;
    if (Array.isArray(cats) && cats.length) return cats as Category[];
  } catch {
    // fall back below
  }
  return DEFAULT_CATEGORIES.map((c) => ({ ...c }));
}

export interface BoundTables {
  bound: BoundTable[];
  /** The kinds whose table is not in the workbook (by its marker or its name): said, not skipped silently. */
  missing: TableSpec[];
}

/** Reads the template tables of `specs` (each found by its marker, so renamed ones too); one sync-set. */
export async function readSpecTables(excel: ExcelLike, specs: readonly TableSpec[]): Promise<BoundTables> {
  const read = await inExcel(READ_FAILED, () => readTables(excel, specs.map((s) => s.table), undefined, tableMarkers(specs)));
  const bound: BoundTable[] = [];
  const missing: TableSpec[] = [];
  for (const spec of specs) {
    const table = read.get(spec.table);
    if (table) bound.push(bindTable(spec, table));
    else missing.push(spec);
  }
  return { bound, missing };
}

/** Reads every template table present in the workbook and binds its headers; none at all is an error. */
export async function readBoundTables(excel: ExcelLike): Promise<BoundTables> {
  const tables = await readSpecTables(excel, TABLE_SPECS);
  if (!tables.bound.length) throw new FlowError(text('Chưa có bảng dữ liệu nào. Bấm "Tạo mẫu" trước.', 'The workbook has no data tables yet. Click "Create template" first.'), 'NO_TABLES');
  return tables;
}

/** What the pane says about tables not found (empty text when none). */
export function missingTablesText(missing: readonly Pick<TableSpec, 'table' | 'sheet'>[]): Text | null {
  if (!missing.length) return null;
  const list = missing.map((s) => `"${s.sheet}" (${s.table})`).join(', ');
  return text(
    `Không tìm thấy bảng của trang ${list} nên chưa xử lý. Nếu bảng bị xoá hoặc đổi tên trước khi có dấu nhận biết, bấm "Tạo mẫu" để tạo lại.`,
    `The table of sheet ${list} was not found, so it was not processed. If it was deleted, or renamed before the add-in could mark it, click "Create template" to create it again.`,
  );
}

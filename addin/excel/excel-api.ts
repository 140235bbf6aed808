/**
 * The subset of the Office.js Excel API the adapter uses, as structural types. The real
 * `Excel` namespace satisfies them (the tests run them through office.js on test/office-host).
 * Enum values are passed as their string forms ("ContainsText", "ColumnClustered"…), which
 * Office.js accepts in place of the enum members.
 */

export type Matrix = unknown[][];

export interface LoadableObject {
  load(props: string): unknown;
}

export interface RangeFormat {
  columnWidth: number;
  wrapText: boolean;
  font: { bold: boolean; color: string; size: number };
  fill: { color: string };
}

export interface ConditionalFormat {
  textComparison: {
    format: { fill: { color: string }; font: { color: string } };
    rule: { operator: string; text: string };
  };
}

export interface Range extends LoadableObject {
  /** For ranges from `…OrNullObject` methods (a used range of an empty sheet). */
  isNullObject: boolean;
  values: Matrix;
  numberFormat: Matrix;
  address: string;
  rowCount: number;
  columnCount: number;
  /** 0-based row and column of the range's top-left cell on its sheet. */
  rowIndex: number;
  columnIndex: number;
  columnHidden: boolean;
  format: RangeFormat;
  dataValidation: {
    rule: { list?: { inCellDropDown: boolean; source: string } };
    errorAlert: { showAlert: boolean; style?: string; title?: string; message?: string };
  };
  conditionalFormats: { add(type: string): ConditionalFormat };
  getCell(row: number, column: number): Range;
  getColumn(column: number): Range;
  getResizedRange(deltaRows: number, deltaColumns: number): Range;
  getLastRow(): Range;
  getOffsetRange(rowOffset: number, columnOffset: number): Range;
  /** Inserts cells the size of the range, shifting others (`Down`). */
  insert(shift: string): Range;
  delete(shift: string): void;
  clear(): void;
  select(): void;
}

export interface TableColumn {
  getDataBodyRange(): Range;
  getRange(): Range;
}

/** A filter's criteria as Excel gives them (`filterOn` unset: no filter on that column). */
export interface FilterCriteria {
  filterOn?: string;
  [key: string]: unknown;
}

export interface AutoFilter extends LoadableObject {
  isDataFiltered: boolean;
  /** One per column of the filtered range. */
  criteria: FilterCriteria[];
  clearCriteria(): void;
  apply(range: Range, columnIndex?: number, criteria?: FilterCriteria): void;
}

export interface Table extends LoadableObject {
  name: string;
  isNullObject: boolean;
  showBandedRows: boolean;
  worksheet: Worksheet;
  getHeaderRowRange(): Range;
  getDataBodyRange(): Range;
  /** Header, body and totals. */
  getRange(): Range;
  /** Grows or shrinks the table to a range with the same header row (ExcelApi 1.13). No `rows.add`: see writeTables. */
  resize(newRange: Range | string): void;
  autoFilter: AutoFilter;
  columns: { getItem(name: string): TableColumn; add(index?: number | null, values?: Matrix, name?: string): unknown };
}

export interface Chart {
  title: { text: string };
  setPosition(startCell: string, endCell?: string): void;
  delete(): void;
}

export interface Worksheet extends LoadableObject {
  name: string;
  protection: { protected: boolean };
  isNullObject: boolean;
  visibility: string;
  activate(): void;
  delete(): void;
  getRange(address?: string): Range;
  /** The used range (`valuesOnly`: cells with values only); a null object when there is none. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range;
  tables: { add(address: string, hasHeaders: boolean): Table };
  freezePanes: { freezeRows(count: number): void };
  charts: LoadableObject & { items: Chart[]; add(type: string, source: Range, seriesBy?: string): Chart };
}

/** A workbook-level name (`=CanBo[#All]`); Excel updates its formula when what it refers to is renamed. */
export interface NamedItem extends LoadableObject {
  isNullObject: boolean;
  name: string;
  /** Always starts with `=` (ExcelApi 1.7). */
  formula: string;
  delete(): void;
}

export interface Workbook {
  worksheets: { getItem(name: string): Worksheet; getItemOrNullObject(name: string): Worksheet; add(name: string): Worksheet };
  tables: { getItem(name: string): Table; getItemOrNullObject(name: string): Table };
  names: { add(name: string, reference: string, comment?: string): NamedItem; getItemOrNullObject(name: string): NamedItem };
}

export interface RequestContext {
  workbook: Workbook;
  application: { suspendApiCalculationUntilNextSync(): void; suspendScreenUpdatingUntilNextSync(): void };
  sync(): Promise<void>;
}

export interface ExcelLike {
  run<T>(batch: (context: RequestContext) => Promise<T>): Promise<T>;
}

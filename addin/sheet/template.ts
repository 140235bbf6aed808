/**
 * The workbook template as data: for each kind a sheet and a table with Vietnamese headers,
 * widths, hidden sync columns, number formats (dd/mm/yyyy dates, text codes), dropdowns and
 * status colours; plus the hidden list sheet the category dropdown reads.
 */
import type { Category } from '../../shared/models';
import { REPORT_STATUS_LABELS, STATUS_LABELS } from '../../shared/messages';
import { sheetRef } from './address';
import { DATE_FORMAT, TABLE_SPECS, TEXT_CODE_FIELDS, TEXT_FORMAT, type FieldColumn, type ListSource, type TableSpec } from './columns';
import { listName, tableMarkerName } from './markers';
import { STATUS_PREFIX } from './status-text';

export const LISTS_SHEET = 'Danh mục';

export interface ColorRule {
  operator: 'BeginsWith' | 'Contains';
  text: string;
  fill: string;
  font: string;
}

export interface ColumnSetup {
  header: string;
  width: number;
  hidden?: boolean;
  numberFormat?: string;
  /** Long text: the body wraps. */
  wrap?: boolean;
  validation?: { source: string; freeText: boolean };
  colors?: ColorRule[];
  /** The body's fill and font colour: read-only figures are greyed. */
  shade?: { fill: string; font: string };
}

export interface TablePlan {
  sheet: string;
  table: string;
  /** The workbook name marking the table (found again after a rename). */
  marker: string;
  columns: ColumnSetup[];
}

/** A workbook name the template defines on a table column (a dropdown's list). */
export interface ListName {
  name: string;
  /** The table (default name) and the header of the column it refers to. */
  table: string;
  header: string;
}

export interface TemplatePlan {
  listsSheet: string;
  /** The lists sheet's cells, from A1. */
  lists: string[][];
  tables: TablePlan[];
  /** The names the dropdowns read (each defined once the table it refers to exists). */
  listNames: ListName[];
}

/** Fluent palette: tinted fills with dark text of the same hue. */
const RED = { fill: '#FDE7E9', font: '#A4262C' };
const ORANGE = { fill: '#FED9CC', font: '#8A3707' };
const AMBER = { fill: '#FFF4CE', font: '#8A6100' };
const GREEN = { fill: '#DFF6DD', font: '#0E700E' };
const BLUE = { fill: '#DEECF9', font: '#0F548C' };
const GREY = { fill: '#F3F2F1', font: '#605E5C' };

/** Read-only figure columns (the add-in writes over them): grey, as Excel greys what is not for typing. */
export const READ_ONLY_SHADE = { fill: GREY.fill, font: GREY.font };

const begins = (text: string, c: { fill: string; font: string }): ColorRule => ({ operator: 'BeginsWith', text, ...c });

export const SYNC_STATUS_COLORS: readonly ColorRule[] = [
  begins(STATUS_PREFIX.error, RED),
  begins(STATUS_PREFIX.conflict, ORANGE),
  { operator: 'Contains', text: STATUS_PREFIX.warning, ...AMBER },
];

export const COMPLIANCE_COLORS: readonly ColorRule[] = [
  begins(STATUS_LABELS.met, GREEN),
  begins(STATUS_LABELS.on_track, BLUE),
  begins(STATUS_LABELS.behind, AMBER),
  begins(STATUS_LABELS.not_met, RED),
  begins(STATUS_LABELS.exempt, GREY),
  begins(STATUS_LABELS.not_started, GREY),
];

export const REPORT_COLORS: readonly ColorRule[] = [
  begins(REPORT_STATUS_LABELS.overdue, RED),
  begins(REPORT_STATUS_LABELS.late, AMBER),
  begins(REPORT_STATUS_LABELS.on_time, GREEN),
];

export function listSource(list: ListSource, categoryCount: number): string {
  switch (list.kind) {
    case 'column':
      // A workbook name on the structured reference: Excel keeps it right through renames.
      return `=${listName(list.table, list.field)}`;
    case 'values':
      return list.values.join(',');
    case 'categories':
      return `=${sheetRef(LISTS_SHEET)}!$A$2:$A$${Math.max(2, categoryCount + 1)}`;
  }
}

function fieldSetup(f: FieldColumn, categoryCount: number): ColumnSetup {
  const numberFormat = f.type === 'date' ? DATE_FORMAT : TEXT_CODE_FIELDS.has(f.field) ? TEXT_FORMAT : undefined;
  return {
    header: f.header,
    width: f.width,
    ...(numberFormat ? { numberFormat } : {}),
    ...(f.wrap ? { wrap: true } : {}),
    ...(f.list ? { validation: { source: listSource(f.list, categoryCount), freeText: f.listFreeText === true } } : {}),
  };
}

export function tablePlan(spec: TableSpec, categoryCount: number): TablePlan {
  const columns: ColumnSetup[] = spec.fields.map((f) => fieldSetup(f, categoryCount));
  for (const m of spec.meta) {
    const colors =
      m.key === 'status' ? SYNC_STATUS_COLORS : m.key === 'complianceStatus' ? COMPLIANCE_COLORS : m.key === 'reportStatus' ? REPORT_COLORS : undefined;
    columns.push({
      header: m.header,
      width: m.width,
      ...(m.hidden ? { hidden: true } : {}),
      ...(m.numberFormat ? { numberFormat: m.numberFormat } : {}),
      ...(colors ? { colors: [...colors] } : {}),
      ...(m.readOnly ? { shade: READ_ONLY_SHADE } : {}),
    });
  }
  return { sheet: spec.sheet, table: spec.table, marker: tableMarkerName(spec.table), columns };
}

export function templatePlan(categories: readonly Category[], specs: readonly TableSpec[] = TABLE_SPECS): TemplatePlan {
  return {
    listsSheet: LISTS_SHEET,
    lists: [['Nội dung công tác', 'Mã'], ...categories.map((c) => [c.label, c.code])],
    tables: specs.map((s) => tablePlan(s, categories.length)),
    listNames: listNames(specs),
  };
}

/** The column lists the specs' dropdowns read, once each. */
export function listNames(specs: readonly TableSpec[]): ListName[] {
  const out = new Map<string, ListName>();
  for (const s of specs) {
    for (const f of s.fields) {
      if (f.list?.kind !== 'column') continue;
      const name = listName(f.list.table, f.list.field);
      if (!out.has(name)) out.set(name, { name, table: f.list.table, header: f.list.header });
    }
  }
  return [...out.values()];
}

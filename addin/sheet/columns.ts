/**
 * What the workbook holds: one sheet and one Excel table per kind, with Vietnamese headers.
 * Columns are found by their header text, so users may reorder them or insert their own.
 */
import { KINDS } from '../../shared/kinds';
import type { Kind } from '../../shared/models';
import { ABSENCE_REASON_LABELS, EVALUATION_RESULT_LABELS, FIELD_LABELS, UNIT_KIND_LABELS } from '../../shared/messages';

export type CellType = 'text' | 'date' | 'number' | 'bool' | 'enum' | 'contents';

/** Where a column's dropdown takes its values from. */
export type ListSource =
  | { kind: 'column'; table: string; field: string; header: string }
  | { kind: 'values'; values: readonly string[] }
  | { kind: 'categories' };

export interface FieldColumn {
  /** The entity's field name (rules.md). */
  field: string;
  header: string;
  type: CellType;
  required?: boolean;
  /** Column width in points. */
  width: number;
  /** For `enum`: code → Vietnamese label. */
  labels?: Readonly<Record<string, string>>;
  list?: ListSource;
  /** Free text allowed besides the list (no error alert). */
  listFreeText?: boolean;
  /** Long text: the column wraps. */
  wrap?: boolean;
  /** A field added after workbooks were in use: see `hashCells`. */
  hashLast?: boolean;
}

/** Columns the add-in fills (never sent). */
export type MetaKey =
  | 'id'
  | 'version'
  | 'hash'
  | 'deleteMark'
  | 'status'
  | 'countedDays'
  | 'reportStatus'
  | 'reportDeadline'
  | 'requiredDays'
  | 'counted'
  | 'remainingDays'
  | 'percent'
  | 'complianceStatus'
  | 'lateReports'
  | 'overdueReports'
  | 'cadreName'
  | 'suggested'
  | 'evaluatedBy';

export interface MetaColumn {
  key: MetaKey;
  header: string;
  width: number;
  hidden?: boolean;
  numberFormat?: string;
  /** Figures the add-in writes over on every refresh and publish: shown greyed (see README). */
  readOnly?: boolean;
}

export interface TableSpec {
  kind: Kind;
  sheet: string;
  table: string;
  fields: readonly FieldColumn[];
  meta: readonly MetaColumn[];
}

export const DATE_FORMAT = 'dd/mm/yyyy';
/** Excel's text number format: the cell keeps what is written as text (`01` stays `01`). */
export const TEXT_FORMAT = '@';
/** Code columns are text-formatted, so `01` stays `01`. */
export const TEXT_CODE_FIELDS: ReadonlySet<string> = new Set(['cadreId', 'unitCode', 'parentCode', 'mergedInto', 'orderNo']);
export const BOOL_VALUES = ['Có', 'Không'] as const;

const label = (field: string): string => FIELD_LABELS[field] ?? field;
const text = (field: string, width: number, required = false): FieldColumn => ({
  field,
  header: label(field),
  type: 'text',
  width,
  required,
});
const date = (field: string, required = false): FieldColumn => ({ field, header: label(field), type: 'date', width: 80, required });
const num = (field: string, width = 70): FieldColumn => ({ field, header: label(field), type: 'number', width });
const bool = (field: string): FieldColumn => ({
  field,
  header: label(field),
  type: 'bool',
  width: 70,
  list: { kind: 'values', values: BOOL_VALUES },
});
/** A trip-report text (cycle.md §1): wide, wrapped, hashed after the original fields. */
const reportText = (field: string): FieldColumn => ({ ...text(field, 220), wrap: true, hashLast: true });
const cadreRef: FieldColumn = {
  field: 'cadreId',
  header: label('cadreId'),
  type: 'text',
  width: 80,
  required: true,
  list: { kind: 'column', table: 'CanBo', field: 'cadreId', header: label('cadreId') },
};

const UNIT_CODES: ListSource = { kind: 'column', table: 'DonVi', field: 'unitCode', header: label('unitCode') };

const SYNC_META: readonly MetaColumn[] = [
  { key: 'deleteMark', header: 'Xoá (đánh x)', width: 55 },
  { key: 'status', header: 'Tình trạng gửi', width: 260 },
  { key: 'id', header: FIELD_LABELS.id, width: 120, hidden: true },
  { key: 'version', header: FIELD_LABELS.version, width: 80, hidden: true },
  { key: 'hash', header: 'Mã kiểm tra', width: 80, hidden: true },
];

export const CADRES: TableSpec = {
  kind: 'cadres',
  sheet: KINDS.cadres.label,
  table: 'CanBo',
  fields: [
    text('cadreId', 80, true),
    text('fullName', 160, true),
    text('department', 130, true),
    text('position', 120, true),
    bool('subject'),
    date('serviceStart'),
    date('serviceEnd'),
  ],
  meta: [
    { key: 'requiredDays', header: 'Số ngày phải đi', width: 70, numberFormat: '0.0' },
    { key: 'counted', header: 'Số ngày đã đi', width: 70, numberFormat: '0.0' },
    { key: 'remainingDays', header: 'Còn thiếu', width: 60, numberFormat: '0.0' },
    { key: 'percent', header: 'Tỷ lệ (%)', width: 60, numberFormat: '0.0' },
    { key: 'complianceStatus', header: 'Đánh giá', width: 100 },
    { key: 'lateReports', header: 'Báo cáo trễ hạn', width: 70 },
    { key: 'overdueReports', header: 'Báo cáo quá hạn', width: 70 },
    ...SYNC_META,
  ],
};

export const UNITS: TableSpec = {
  kind: 'units',
  sheet: KINDS.units.label,
  table: 'DonVi',
  fields: [
    text('unitCode', 80, true),
    text('name', 200, true),
    { field: 'kind', header: label('kind'), type: 'enum', width: 90, required: true, labels: UNIT_KIND_LABELS, list: { kind: 'values', values: Object.values(UNIT_KIND_LABELS) } },
    { ...text('parentCode', 90), list: UNIT_CODES, listFreeText: true },
    date('validFrom'),
    date('validTo'),
    { ...text('mergedInto', 90), list: UNIT_CODES, listFreeText: true },
  ],
  meta: SYNC_META,
};

export const ABSENCES: TableSpec = {
  kind: 'absences',
  sheet: KINDS.absences.label,
  table: 'MienGiam',
  fields: [
    cadreRef,
    date('from', true),
    date('to'),
    { field: 'reason', header: label('reason'), type: 'enum', width: 110, required: true, labels: ABSENCE_REASON_LABELS, list: { kind: 'values', values: Object.values(ABSENCE_REASON_LABELS) } },
    text('note', 200),
  ],
  meta: SYNC_META,
};

export const REGISTRATIONS: TableSpec = {
  kind: 'registrations',
  sheet: KINDS.registrations.label,
  table: 'DangKy',
  fields: [
    cadreRef,
    { ...num('year', 55), required: true },
    num('q1Days'),
    num('q2Days'),
    num('q3Days'),
    num('q4Days'),
    text('units', 200),
    bool('approved'),
    text('approvedBy', 120),
  ],
  meta: SYNC_META,
};

export const TRIPS: TableSpec = {
  kind: 'trips',
  sheet: KINDS.trips.label,
  table: 'DiCoSo',
  fields: [
    cadreRef,
    { ...text('unit', 160, true), list: UNIT_CODES, listFreeText: true },
    date('startDate', true),
    date('endDate', true),
    num('days'),
    { field: 'contents', header: label('contents'), type: 'contents', width: 200, required: true, list: { kind: 'categories' }, listFreeText: true },
    text('description', 200),
    text('orderNo', 90),
    date('reportDate'),
    reportText('findings'),
    reportText('difficulties'),
    reportText('proposals'),
    { ...num('cost', 100) },
  ],
  meta: [
    { key: 'countedDays', header: 'Số ngày được tính', width: 70, numberFormat: '0.0' },
    { key: 'reportStatus', header: 'Tình trạng báo cáo', width: 90 },
    { key: 'reportDeadline', header: 'Hạn báo cáo', width: 80, numberFormat: DATE_FORMAT },
    ...SYNC_META,
  ],
};

/**
 * The leadership's evaluations (cycle.md §3): one row per subject cadre of a year, pre-filled
 * from the compliance (sheet/evaluations.ts); the figures are read-only columns the add-in writes.
 */
export const EVALUATIONS: TableSpec = {
  kind: 'evaluations',
  sheet: KINDS.evaluations.label,
  table: 'DanhGia',
  fields: [
    cadreRef,
    { ...num('year', 55), required: true },
    {
      field: 'result',
      header: label('result'),
      type: 'enum',
      width: 100,
      required: true,
      labels: EVALUATION_RESULT_LABELS,
      list: { kind: 'values', values: Object.values(EVALUATION_RESULT_LABELS) },
    },
    { ...text('comment', 280), wrap: true },
    date('evaluatedOn'),
  ],
  meta: [
    { key: 'cadreName', header: 'Họ và tên', width: 160, readOnly: true },
    { key: 'counted', header: 'Số ngày đã đi', width: 70, numberFormat: '0.0', readOnly: true },
    { key: 'requiredDays', header: 'Số ngày phải đi', width: 70, numberFormat: '0.0', readOnly: true },
    { key: 'complianceStatus', header: 'Tình trạng thực hiện', width: 110, readOnly: true },
    { key: 'suggested', header: 'Đề xuất theo số liệu', width: 90, readOnly: true },
    { key: 'evaluatedBy', header: FIELD_LABELS.evaluatedBy, width: 120, readOnly: true },
    ...SYNC_META,
  ],
};

/**
 * Every table, in the order publishing needs (a row may only refer to a stored cadre);
 * evaluations last: a refusal for a lower role comes after everything else is stored.
 */
export const TABLE_SPECS: readonly TableSpec[] = [CADRES, UNITS, ABSENCES, REGISTRATIONS, TRIPS, EVALUATIONS];

export function specOf(kind: Kind): TableSpec {
  const spec = TABLE_SPECS.find((s) => s.kind === kind);
  if (!spec) throw new Error(`unknown kind ${kind}`);
  return spec;
}

/**
 * A row's cells as the content hash reads them: the original fields in spec order, then the
 * later ones (`hashLast`) without their empty tail, so an old row hashes as it always did.
 */
export function hashCells<T>(spec: TableSpec, cell: (f: FieldColumn) => T, isEmpty: (v: T) => boolean): T[] {
  const late = spec.fields.filter((f) => f.hashLast).map(cell);
  while (late.length > 0 && isEmpty(late[late.length - 1])) late.pop();
  return [...spec.fields.filter((f) => !f.hashLast).map(cell), ...late];
}

/** All headers of a table in template order: fields, then meta columns. */
export function templateHeaders(spec: TableSpec): string[] {
  return [...spec.fields.map((f) => f.header), ...spec.meta.map((m) => m.header)];
}

/** The dashboard sheet. */
export const DASHBOARD_SHEET = 'Tổng hợp';

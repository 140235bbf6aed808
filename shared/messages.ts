/**
 * Vietnamese text: field names, labels of codes, and the message of every error and warning.
 * Codes stay English (stable for programs); what a person reads is Vietnamese.
 */
import type {
  AbsenceReason,
  ErrorCode,
  EvaluationResult,
  ReportStatus,
  Status,
  UnitKind,
  WarningCode,
} from './models';

/** Vietnamese names of the fields, as the sheet's headers show them. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  row: 'Dòng',
  id: 'Mã dòng',
  cadreId: 'Mã cán bộ',
  fullName: 'Họ và tên',
  department: 'Ban/Văn phòng',
  position: 'Chức vụ',
  subject: 'Thuộc đối tượng 1+2',
  serviceStart: 'Ngày bắt đầu công tác',
  serviceEnd: 'Ngày kết thúc công tác',
  from: 'Từ ngày',
  to: 'Đến ngày',
  reason: 'Lý do',
  note: 'Ghi chú',
  unitCode: 'Mã đơn vị',
  name: 'Tên đơn vị',
  kind: 'Loại đơn vị',
  parentCode: 'Mã đơn vị cấp trên',
  validFrom: 'Hiệu lực từ',
  validTo: 'Hiệu lực đến',
  mergedInto: 'Sáp nhập vào',
  unit: 'Đơn vị đến',
  startDate: 'Ngày đi',
  endDate: 'Ngày về',
  days: 'Số ngày kê khai',
  contents: 'Nội dung',
  description: 'Mô tả',
  orderNo: 'Số công lệnh',
  reportDate: 'Ngày nộp báo cáo',
  cost: 'Kinh phí (VNĐ)',
  findings: 'Kết quả đi cơ sở',
  difficulties: 'Khó khăn, vướng mắc của cơ sở',
  proposals: 'Đề xuất, kiến nghị',
  year: 'Năm',
  q1Days: 'Số ngày quý I',
  q2Days: 'Số ngày quý II',
  q3Days: 'Số ngày quý III',
  q4Days: 'Số ngày quý IV',
  units: 'Đơn vị dự kiến',
  approved: 'Đã duyệt',
  approvedBy: 'Người duyệt',
  result: 'Kết quả đánh giá',
  comment: 'Nhận xét',
  evaluatedOn: 'Ngày đánh giá',
  evaluatedBy: 'Người đánh giá',
  version: 'Phiên bản',
  deleted: 'Đã xoá',
  requiredDays: 'Số ngày tối thiểu',
  windowStart: 'Bắt đầu tính từ',
  windowEnd: 'Tính đến',
  dayMode: 'Cách tính ngày',
  holidays: 'Ngày nghỉ thêm',
  makeupWorkdays: 'Ngày làm bù',
  proration: 'Tính theo thời gian công tác',
  reportDeadlineDays: 'Hạn nộp báo cáo (ngày)',
  countUnreportedTrips: 'Tính cả đợt chưa báo cáo',
  categories: 'Danh mục nội dung',
};

export function fieldLabel(field: string): string {
  const base = field.split(/[.[]/)[0];
  return FIELD_LABELS[base] ?? field;
}

export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  exempt: 'Miễn',
  met: 'Đạt',
  not_met: 'Chưa đạt',
  not_started: 'Chưa đến kỳ',
  on_track: 'Đúng tiến độ',
  behind: 'Chậm tiến độ',
};

export const REPORT_STATUS_LABELS: Readonly<Record<ReportStatus, string>> = {
  on_time: 'Đúng hạn',
  late: 'Trễ hạn',
  pending: 'Chờ báo cáo',
  overdue: 'Quá hạn',
};

/** The results of the leadership's yearly evaluation (cycle.md §3). */
export const EVALUATION_RESULT_LABELS: Readonly<Record<EvaluationResult, string>> = {
  dat: 'Đạt',
  khong_dat: 'Không đạt',
  mien: 'Miễn',
};

export const ABSENCE_REASON_LABELS: Readonly<Record<AbsenceReason, string>> = {
  study: 'Học tập dài hạn',
  maternity: 'Thai sản',
  sick: 'Ốm dài ngày',
  other: 'Khác',
};

export const UNIT_KIND_LABELS: Readonly<Record<UnitKind, string>> = {
  xa: 'Xã',
  phuong: 'Phường',
  huyen: 'Huyện',
  chi_doan: 'Chi đoàn',
  co_so: 'Cơ sở',
  truc_thuoc: 'Trực thuộc',
  khac: 'Khác',
};

const PREVIEW_CHARS = 400;

/**
 * The start of a value's JSON, about `budget` characters: a list or an object is read only as
 * far as the budget goes (a 300,000-item list costs no more than a short one).
 */
function preview(value: unknown, budget: number): string {
  if (typeof value !== 'object' || value === null) {
    try {
      return JSON.stringify(value) ?? String(value);
    } catch {
      return String(value);
    }
  }
  const list = Array.isArray(value);
  let out = list ? '[' : '{';
  const entries: Array<[string, unknown]> = list ? [] : Object.entries(value as Record<string, unknown>).slice(0, budget);
  const count = list ? (value as unknown[]).length : entries.length;
  for (let i = 0; i < count && out.length < budget; i++) {
    if (i > 0) out += ',';
    const item = list ? (value as unknown[])[i] : entries[i][1];
    if (!list) out += `${JSON.stringify(entries[i][0])}:`;
    out += preview(item, budget - out.length).slice(0, budget);
  }
  return out + (list ? ']' : '}');
}

/** A value as quoted in a message: short, on one line. */
export function quoteValue(value: unknown): string {
  let text: string;
  if (value === undefined || value === null) text = '';
  else if (typeof value === 'string') text = value;
  else if (value instanceof Date) text = value.toISOString();
  else text = preview(value, PREVIEW_CHARS);
  // only the start is shown: cut before spreading, so a huge value costs little
  const points = [...text.slice(0, PREVIEW_CHARS).replace(/\s+/g, ' ')];
  // cut on code points, never inside a surrogate pair
  return `"${points.length > 60 ? `${points.slice(0, 57).join('')}…` : points.join('')}"`;
}

/** Optional details a message may use. */
export interface MessageDetail {
  /** The bad value as given. */
  value?: unknown;
  /** A limit or an expected form, for example `200 ký tự` or `dd/mm/yyyy`. */
  expected?: string;
  /** Another field the rule compares with. */
  other?: string;
  /** Other ids (trips, rows) involved: the first few. */
  related?: readonly string[];
  /** How many ids are involved in all, when more than `related` lists. */
  relatedCount?: number;
}

const isBlankValue = (value: unknown): boolean => value === undefined || value === null || value === '';

const ERROR_TEXT: Readonly<Record<ErrorCode, (f: string, d: MessageDetail) => string>> = {
  REQUIRED: (f) => `${f}: bắt buộc phải nhập.`,
  INVALID_FORMAT: (f, d) =>
    `${f}: giá trị ${quoteValue(d.value)} không hợp lệ${d.expected ? ` (cần ${d.expected})` : ''}.`,
  INVALID_DATE: (f, d) =>
    `${f}: ${quoteValue(d.value)} không phải ngày hợp lệ (nhập dd/mm/yyyy, ví dụ 05/03/2025).`,
  END_BEFORE_START: (f, d) =>
    `${f}: ${quoteValue(d.value)} ở trước ${d.other ? fieldLabel(d.other) : 'ngày bắt đầu'}.`,
  SPAN_TOO_LONG: (f, d) => `${f}: đợt đi kéo dài quá 366 ngày (${quoteValue(d.value)}).`,
  INVALID_DAYS: (f, d) =>
    `${f}: ${quoteValue(d.value)} không hợp lệ — số ngày phải là bội của 0,5, lớn hơn 0${
      d.expected ? ` và không quá ${d.expected} ngày được tính của đợt` : ''
    }.`,
  NO_CATEGORY: (f, d) =>
    `${f}: chưa chọn nội dung công tác nào${isBlankValue(d.value) ? '' : ` (đã nhập ${quoteValue(d.value)})`}.`,
  UNKNOWN_CATEGORY: (f, d) =>
    `${f}: nội dung ${quoteValue(d.value)} không có trong danh mục của đơn vị.`,
  REPORT_BEFORE_START: (f, d) => `${f}: ${quoteValue(d.value)} ở trước ngày đi.`,
  REPORT_IN_FUTURE: (f, d) => `${f}: ${quoteValue(d.value)} ở sau ngày hôm nay.`,
  NEGATIVE_COST: (f, d) => `${f}: ${quoteValue(d.value)} nhỏ hơn 0.`,
  UNKNOWN_CADRE: (f, d) =>
    `${f}: không có cán bộ mã ${quoteValue(d.value)} trong danh sách cán bộ của đơn vị.`,
  CADRE_HAS_TRIPS: (f, d) =>
    `${f}: không thể xoá cán bộ ${quoteValue(d.value)} vì vẫn còn đợt đi cơ sở${
      d.related?.length ? ` (${d.related.length} đợt)` : ''
    }.`,
  DUPLICATE_ID: (f, d) => `${f}: mã ${quoteValue(d.value)} bị lặp trong cùng một lần gửi.`,
  FORBIDDEN: (f, d) => `${f}: ${quoteValue(d.value)} — chỉ lãnh đạo (quyền leader trở lên) mới được thay đổi.`,
  INTERNAL: (f, d) =>
    `${f}: lỗi hệ thống khi xử lý dòng này (mã yêu cầu ${quoteValue(d.value)}); dòng chưa được lưu, các dòng khác không bị ảnh hưởng. Vui lòng gửi lại.`,
  YEAR_CLOSED: (f, d) =>
    `${f}: năm ${String(d.value)} đã khoá sổ, không thể thêm, sửa hoặc xoá dữ liệu của năm này (quản trị viên có thể mở lại sổ).`,
};

/** The Vietnamese message of an error on `field`, naming the field and the bad value. */
export function errorMessage(code: ErrorCode, field: string, detail: MessageDetail = {}): string {
  return ERROR_TEXT[code](`${fieldLabel(field)} (${field})`, detail);
}

const relatedText = (d: MessageDetail): string => {
  if (!d.related?.length) return '';
  const more = (d.relatedCount ?? d.related.length) - d.related.length;
  return ` Liên quan: ${d.related.join(', ')}${more > 0 ? ` và ${more} dòng khác` : ''}.`;
};

const WARNING_TEXT: Readonly<Record<WarningCode, (d: MessageDetail) => string>> = {
  OVERLAP: (d) =>
    `Trùng ngày với đợt đi khác của cùng cán bộ: những ngày trùng chỉ được tính một lần.${relatedText(d)}`,
  UNKNOWN_UNIT: (d) => `Đơn vị đến ${quoteValue(d.value)} không có trong danh sách đơn vị.`,
  UNIT_NOT_VALID: (d) =>
    `Đơn vị ${quoteValue(d.value)} không còn hiệu lực vào ngày đi (đã sáp nhập hoặc giải thể?).`,
  DURING_ABSENCE: (d) =>
    `Đợt đi rơi vào thời gian miễn giảm của cán bộ; ngày đi vẫn được tính.${relatedText(d)}`,
  OUTSIDE_SERVICE: () =>
    'Đợt đi nằm ngoài thời gian công tác của cán bộ; ngày đi vẫn được tính.',
  DUPLICATE_ORDER_NO: (d) =>
    `Số công lệnh ${quoteValue(d.value)} trùng với đợt đi khác của cùng cán bộ trong năm.${relatedText(d)}`,
  AFTER_AS_OF: (d) =>
    `Đợt đi kết thúc sau ngày tính${d.value ? ` ${quoteValue(d.value)}` : ''}: các ngày sau đó chưa được tính.`,
  NO_COUNTABLE_DATES: () => 'Đợt đi không có ngày nào được tính (ví dụ: chỉ gồm ngày nghỉ).',
  NOT_REPORTED: () => 'Đợt đi chưa nộp báo cáo nên chưa được tính ngày (theo cấu hình năm).',
  EVALUATION_STALE: (d) =>
    `Số liệu đã thay đổi sau khi đánh giá: ${d.value ?? ''}. Lãnh đạo nên xem lại đánh giá.`,
  DAYS_ABOVE_COUNTABLE: (d) =>
    `Số ngày kê khai ${quoteValue(d.value)} vượt số ngày được tính của đợt; chỉ tính ${d.expected ?? 'số ngày được tính'}.`,
};

/** The Vietnamese message of a warning. */
export function warningMessage(code: WarningCode, detail: MessageDetail = {}): string {
  return WARNING_TEXT[code](detail).replace(/\s+/g, ' ').trim();
}

/** Messages of whole-request errors (api.md "Errors of a whole request"). */
export const REQUEST_ERROR_MESSAGES = {
  BAD_JSON: 'Nội dung gửi lên không phải JSON hợp lệ.',
  BAD_BODY: 'Nội dung gửi lên không đúng dạng yêu cầu.',
  INVALID_PARAM: 'Tham số không hợp lệ.',
  INVALID_POLICY: 'Cấu hình năm không hợp lệ.',
  UNAUTHENTICATED: 'Thiếu khoá API (tiêu đề x-api-key) hoặc phiên đăng nhập Microsoft 365, hoặc chúng không đúng.',
  FORBIDDEN: 'Khoá API hoặc tài khoản này không có quyền thực hiện thao tác này cho đơn vị này.',
  NOT_FOUND: 'Không tìm thấy địa chỉ yêu cầu.',
  METHOD_NOT_ALLOWED: 'Phương thức không được hỗ trợ cho địa chỉ này.',
  TOO_LARGE: 'Yêu cầu quá lớn (tối đa 5.000 dòng và 4 MiB mỗi lần gửi).',
  STORAGE_UNAVAILABLE: 'Không kết nối được kho dữ liệu. Vui lòng thử lại sau ít phút.',
  INTERNAL: 'Lỗi hệ thống. Vui lòng thử lại sau.',
  YEAR_CLOSED: 'Năm này đã khoá sổ: số liệu được giữ nguyên, không thể thay đổi.',
} as const;

export type RequestErrorCode = keyof typeof REQUEST_ERROR_MESSAGES;

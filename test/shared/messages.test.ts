import {
  ABSENCE_REASON_LABELS,
  errorMessage,
  FIELD_LABELS,
  fieldLabel,
  quoteValue,
  REPORT_STATUS_LABELS,
  REQUEST_ERROR_MESSAGES,
  STATUS_LABELS,
  UNIT_KIND_LABELS,
  warningMessage,
} from '../../shared/messages';
import type { ErrorCode, WarningCode } from '../../shared/models';

const ERROR_CODES: ErrorCode[] = [
  'REQUIRED',
  'INVALID_FORMAT',
  'INVALID_DATE',
  'END_BEFORE_START',
  'SPAN_TOO_LONG',
  'INVALID_DAYS',
  'NO_CATEGORY',
  'UNKNOWN_CATEGORY',
  'REPORT_BEFORE_START',
  'REPORT_IN_FUTURE',
  'NEGATIVE_COST',
  'UNKNOWN_CADRE',
  'CADRE_HAS_TRIPS',
  'DUPLICATE_ID',
  'FORBIDDEN',
  'INTERNAL',
];

const WARNING_CODES: WarningCode[] = [
  'OVERLAP',
  'UNKNOWN_UNIT',
  'UNIT_NOT_VALID',
  'DURING_ABSENCE',
  'OUTSIDE_SERVICE',
  'DUPLICATE_ORDER_NO',
  'AFTER_AS_OF',
  'NO_COUNTABLE_DATES',
  'NOT_REPORTED',
  'DAYS_ABOVE_COUNTABLE',
];

/** Vietnamese text has at least one letter with a Vietnamese diacritic. */
const VIETNAMESE = /[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/i;

describe('errorMessage', () => {
  it.each(ERROR_CODES)('%s is Vietnamese and names the field (label and name)', (code) => {
    const message = errorMessage(code, 'startDate', { value: 'BAD-VALUE-1', related: ['t1'] });
    expect(message).toMatch(VIETNAMESE);
    expect(message).toContain('Ngày đi (startDate)');
  });

  it.each(ERROR_CODES.filter((c) => c !== 'REQUIRED'))(
    '%s quotes the bad value',
    (code) => {
      expect(errorMessage(code, 'cost', { value: 'BAD-VALUE-1' })).toContain('"BAD-VALUE-1"');
    },
  );

  it('adds the expected form or limit when given', () => {
    expect(errorMessage('INVALID_FORMAT', 'fullName', { value: 'x', expected: 'tối đa 200 ký tự' })).toBe(
      'Họ và tên (fullName): giá trị "x" không hợp lệ (cần tối đa 200 ký tự).',
    );
    expect(errorMessage('INVALID_DAYS', 'days', { value: 6, expected: '5' })).toContain('không quá 5 ngày');
    expect(errorMessage('END_BEFORE_START', 'endDate', { value: '01/03/2025', other: 'startDate' })).toBe(
      'Ngày về (endDate): "01/03/2025" ở trước Ngày đi.',
    );
  });

  it('uses the base field name for nested paths and the raw name for unknown fields', () => {
    expect(fieldLabel('categories[2].code')).toBe('Danh mục nội dung');
    expect(fieldLabel('contents.1')).toBe('Nội dung');
    expect(fieldLabel('row')).toBe('Dòng');
    expect(fieldLabel('somethingElse')).toBe('somethingElse');
  });
});

describe('quoteValue', () => {
  it('quotes strings, numbers, objects and nothing', () => {
    expect(quoteValue('abc')).toBe('"abc"');
    expect(quoteValue(1.5)).toBe('"1.5"');
    expect(quoteValue(['a', 1])).toBe('"["a",1]"');
    expect(quoteValue(null)).toBe('""');
    expect(quoteValue(undefined)).toBe('""');
  });

  it('keeps one line', () => {
    expect(quoteValue('a\nb\t c')).toBe('"a b c"');
  });

  it('shortens long values to 60 code points without splitting a character', () => {
    const long = '😀'.repeat(100);
    const quoted = quoteValue(long);
    expect(quoted.endsWith('…"')).toBe(true);
    expect([...quoted.slice(1, -1)].length).toBe(58);
    expect(quoted).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(quoteValue('x'.repeat(60))).toBe(`"${'x'.repeat(60)}"`);
  });
});

describe('warningMessage', () => {
  it.each(WARNING_CODES)('%s is Vietnamese, one line, without stray spaces', (code) => {
    const message = warningMessage(code, { value: 'V1', related: ['t1', 't2'], expected: '3' });
    expect(message).toMatch(VIETNAMESE);
    expect(message).not.toMatch(/\s{2}|\s[.:,]/);
  });

  it('AFTER_AS_OF reads well with and without a date', () => {
    expect(warningMessage('AFTER_AS_OF', { value: '31/03/2025' })).toBe(
      'Đợt đi kết thúc sau ngày tính "31/03/2025": các ngày sau đó chưa được tính.',
    );
    expect(warningMessage('AFTER_AS_OF')).toBe('Đợt đi kết thúc sau ngày tính: các ngày sau đó chưa được tính.');
  });

  it('lists related trips', () => {
    expect(warningMessage('OVERLAP', { related: ['t1', 't2'] })).toContain('Liên quan: t1, t2.');
  });
});

describe('labels', () => {
  it('has a Vietnamese label for every field of rules.md', () => {
    const fields = [
      'cadreId', 'fullName', 'department', 'position', 'subject', 'serviceStart', 'serviceEnd',
      'id', 'from', 'to', 'reason', 'note', 'unitCode', 'name', 'kind', 'parentCode', 'validFrom',
      'validTo', 'mergedInto', 'unit', 'startDate', 'endDate', 'days', 'contents', 'description',
      'orderNo', 'reportDate', 'cost', 'year', 'q1Days', 'q2Days', 'q3Days', 'q4Days', 'units',
      'approved', 'approvedBy', 'requiredDays', 'windowStart', 'windowEnd', 'dayMode', 'holidays',
      'makeupWorkdays', 'proration', 'reportDeadlineDays', 'countUnreportedTrips', 'categories',
    ];
    for (const f of fields) expect(FIELD_LABELS[f]).toBeTruthy();
  });

  it('labels statuses, report statuses, reasons and kinds as rules.md names them', () => {
    expect(STATUS_LABELS).toEqual({
      exempt: 'Miễn',
      met: 'Đạt',
      not_met: 'Chưa đạt',
      not_started: 'Chưa đến kỳ',
      on_track: 'Đúng tiến độ',
      behind: 'Chậm tiến độ',
    });
    expect(REPORT_STATUS_LABELS).toEqual({ on_time: 'Đúng hạn', late: 'Trễ hạn', pending: 'Chờ báo cáo', overdue: 'Quá hạn' });
    expect(Object.keys(ABSENCE_REASON_LABELS)).toEqual(['study', 'maternity', 'sick', 'other']);
    expect(Object.keys(UNIT_KIND_LABELS)).toEqual(['xa', 'phuong', 'huyen', 'chi_doan', 'co_so', 'truc_thuoc', 'khac']);
  });

  it('has a Vietnamese message for every whole-request error code', () => {
    for (const message of Object.values(REQUEST_ERROR_MESSAGES)) expect(message).toMatch(VIETNAMESE);
  });
});

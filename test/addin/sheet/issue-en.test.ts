import { errorMessage, FIELD_LABELS, warningMessage, type MessageDetail } from '../../../shared/messages';
import type { ErrorCode, WarningCode } from '../../../shared/models';
import { errorMessageEn, FIELD_LABELS_EN, quotedValue, warningMessageEn } from '../../../addin/sheet/issue-en';

/** Letters only Vietnamese uses (an English text has none outside the quoted value). */
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

// Every code (a new one fails to compile here until it is listed), with the details the server gives.
const ERRORS: Record<ErrorCode, MessageDetail> = {
  REQUIRED: {},
  INVALID_FORMAT: { value: 'x1', expected: '200 ký tự' },
  INVALID_DATE: { value: '31/02/2025' },
  END_BEFORE_START: { value: '05/03/2025', other: 'startDate' },
  SPAN_TOO_LONG: { value: '01/01/2025–05/01/2026' },
  INVALID_DAYS: { value: 0.3, expected: '5' },
  NO_CATEGORY: { value: 'abc' },
  UNKNOWN_CATEGORY: { value: 'du_lich' },
  REPORT_BEFORE_START: { value: '01/03/2025' },
  REPORT_IN_FUTURE: { value: '01/03/2099' },
  NEGATIVE_COST: { value: -5 },
  UNKNOWN_CADRE: { value: 'CB99' },
  CADRE_HAS_TRIPS: { value: 'CB01', related: ['t1'] },
  DUPLICATE_ID: { value: 't1' },
  FORBIDDEN: { value: true },
  INTERNAL: { value: 'req-1' },
  YEAR_CLOSED: { value: 2024 },
};
const WARNINGS: Record<WarningCode, MessageDetail> = {
  OVERLAP: { related: ['t1', 't2'], relatedCount: 5 },
  UNKNOWN_UNIT: { value: 'Xã Mới' },
  UNIT_NOT_VALID: { value: 'X01' },
  DURING_ABSENCE: { related: ['a1'] },
  OUTSIDE_SERVICE: {},
  DUPLICATE_ORDER_NO: { value: '12/QĐ', related: ['t3'] },
  AFTER_AS_OF: { value: '31/03/2025' },
  NO_COUNTABLE_DATES: {},
  NOT_REPORTED: {},
  DAYS_ABOVE_COUNTABLE: { value: 9, expected: '5' },
  EVALUATION_STALE: { value: 'số ngày 30 → 32' },
};

const outsideQuotes = (s: string): string => s.replace(/"(.*)"/s, '');

describe('errorMessageEn', () => {
  it.each(Object.entries(ERRORS) as [ErrorCode, MessageDetail][])('%s: English, naming the field in English and quoting the value the Vietnamese quotes', (code, detail) => {
    const vi = errorMessage(code, 'endDate', detail);
    const en = errorMessageEn(code, 'endDate', vi);
    expect(en.startsWith('End date (endDate): ')).toBe(true);
    expect(outsideQuotes(en)).not.toMatch(VIETNAMESE);
    expect(quotedValue(en)).toBe(quotedValue(vi));
  });

  it('names an unknown code instead of inventing a text', () => {
    expect(errorMessageEn('NEW_RULE', 'contents[1]', 'Nội dung: …')).toBe('Contents (contents[1]): rejected by the server (NEW_RULE).');
  });

  it('has an English label for every field the Vietnamese names', () => {
    expect(Object.keys(FIELD_LABELS_EN).sort()).toEqual(Object.keys(FIELD_LABELS).sort());
    for (const label of Object.values(FIELD_LABELS_EN)) expect(label).not.toMatch(VIETNAMESE);
  });
});

describe('warningMessageEn', () => {
  it.each(Object.entries(WARNINGS) as [WarningCode, MessageDetail][])('%s: English, with the related rows and how many more', (code, detail) => {
    const vi = warningMessage(code, detail);
    const en = warningMessageEn(code, vi, detail.related as string[] | undefined, detail.relatedCount);
    expect(outsideQuotes(en)).not.toMatch(VIETNAMESE);
    expect(quotedValue(en)).toBe(quotedValue(vi));
    if (detail.related) expect(en).toContain(`Related: ${detail.related.join(', ')}`);
  });

  it('says how many more rows relate than are listed', () => {
    expect(warningMessageEn('OVERLAP', '…', ['t1'], 3)).toBe('Overlaps another trip of the same cadre: the shared days count once. Related: t1 and 2 more rows.');
  });
});

describe('quotedValue', () => {
  it('takes the quoted value from its first quote to its last (a value may hold quotes)', () => {
    expect(quotedValue('Ngày về (endDate): "05/03/2025" ở trước Ngày đi.')).toBe('"05/03/2025"');
    expect(quotedValue('Mô tả: giá trị "a "b" c" không hợp lệ.')).toBe('"a "b" c"');
    expect(quotedValue('bắt buộc phải nhập.')).toBe('');
  });
});

import { codesOf, errorsOf, makeContext, recordOf } from './helpers';

const base = {
  id: 't-001',
  cadreId: 'CB01',
  unit: 'XA01',
  startDate: '03/03/2025',
  endDate: '07/03/2025',
  contents: ['kiem_tra'],
};

describe('trip rows: normalisation', () => {
  it('normalises a minimal row, leaving optional fields absent', () => {
    expect(recordOf('trips', base)).toEqual({
      id: 't-001',
      cadreId: 'CB01',
      unit: 'XA01',
      startDate: '2025-03-03',
      endDate: '2025-03-07',
      contents: ['kiem_tra'],
    });
  });

  it.each<[string, unknown, string]>([
    ['dd/mm/yyyy', '05/03/2025', '2025-03-05'],
    ['d/m/yyyy', '5/3/2025', '2025-03-05'],
    ['yyyy-mm-dd', '2025-03-05', '2025-03-05'],
    ['an Excel serial number', 45658, '2025-01-01'],
    ['an Excel serial with a time of day', 45658.75, '2025-01-01'],
    ['an Excel serial as text', '45658', '2025-01-01'],
    ['a date with surrounding spaces', '  05/03/2025 ', '2025-03-05'],
  ])('accepts startDate as %s', (_name, value, iso) => {
    const record = recordOf('trips', { ...base, startDate: value, endDate: '2025-03-07' });
    expect(record.startDate).toBe(iso);
  });

  it('parses days and cost in sheet number forms', () => {
    const record = recordOf('trips', { ...base, days: '1,5', cost: '1.500.000', orderNo: ' 12/CL ', description: ' Kiểm tra ' });
    expect(record.days).toBe(1.5);
    expect(record.cost).toBe(1_500_000);
    expect(record.orderNo).toBe('12/CL');
    expect(record.description).toBe('Kiểm tra');
    expect(recordOf('trips', { ...base, days: 2, cost: '1 500 000' }).cost).toBe(1_500_000);
    expect(recordOf('trips', { ...base, days: '2.5', cost: 0 }).days).toBe(2.5);
  });

  it('keeps the trip report texts (findings, difficulties, proposals) trimmed, line breaks inside kept', () => {
    const record = recordOf('trips', {
      ...base,
      findings: '  Chi đoàn sinh hoạt đều\nđoàn viên tích cực ',
      difficulties: 'Thiếu kinh phí',
      proposals: '=HYPERLINK("x")',
    });
    expect(record.findings).toBe('Chi đoàn sinh hoạt đều\nđoàn viên tích cực');
    expect(record.difficulties).toBe('Thiếu kinh phí');
    expect(record.proposals).toBe('=HYPERLINK("x")');
    expect(recordOf('trips', { ...base, findings: '', proposals: '  ' })).not.toHaveProperty('findings');
  });

  it.each<[string, unknown, string[]]>([
    ['a list of codes', ['kiem_tra', 'khao_sat'], ['kiem_tra', 'khao_sat']],
    ['a ;-separated string', 'kiem_tra; khao_sat', ['kiem_tra', 'khao_sat']],
    ['a line-break separated string', 'kiem_tra\nkhao_sat\r\nkhac', ['kiem_tra', 'khao_sat', 'khac']],
    ['labels (with commas)', 'Kiểm tra, giám sát; Khảo sát, nắm tình hình', ['kiem_tra', 'khao_sat']],
    ['an unaccented label', 'Kiem tra, giam sat', ['kiem_tra']],
    ['a code written as words', 'kiem tra', ['kiem_tra']],
    ['upper case', 'KIỂM TRA, GIÁM SÁT', ['kiem_tra']],
    ['a label with đ', 'Chỉ đạo, hướng dẫn đại hội', ['dai_hoi']],
    ['repeats (code and label)', ['kiem_tra', 'Kiểm tra, giám sát', 'kiem tra'], ['kiem_tra']],
    ['a list whose items hold several', ['kiem_tra;khac'], ['kiem_tra', 'khac']],
  ])('accepts contents as %s', (_name, contents, codes) => {
    expect(recordOf('trips', { ...base, contents }).contents).toEqual(codes);
  });

  it.each<[string, string, string]>([
    ['the code', 'XA01', 'XA01'],
    ['the code in another case (no match: codes are exact)', 'xa01', 'xa01'],
    ['the name', 'Xã Tân Lập', 'XA01'],
    ['the name without diacritics and case', ' xa tan lap ', 'XA01'],
    ['the name of a merged unit', 'phuong dong da', 'PH02'],
    ['unknown text (kept, trimmed)', '  Trường THPT Lê Lợi ', 'Trường THPT Lê Lợi'],
  ])('resolves unit given as %s', (_name, unit, expected) => {
    expect(recordOf('trips', { ...base, unit }).unit).toBe(expected);
  });

  it('accepts a half-day trip and a trip of exactly 366 dates', () => {
    expect(recordOf('trips', { ...base, startDate: '10/04/2025', endDate: '10/04/2025', days: 0.5 }).days).toBe(0.5);
    expect(codesOf('trips', { ...base, startDate: '2025-01-01', endDate: '2026-01-01' })).toEqual([]);
  });

  it('accepts a report today and on the start date', () => {
    expect(codesOf('trips', { ...base, reportDate: '15/06/2025' })).toEqual([]);
    expect(codesOf('trips', { ...base, reportDate: '03/03/2025' })).toEqual([]);
  });
});

describe('trip rows: errors', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['id missing', { ...base, id: undefined }, ['id: REQUIRED']],
    ['cadreId empty', { ...base, cadreId: '' }, ['cadreId: REQUIRED']],
    ['unit null', { ...base, unit: null }, ['unit: REQUIRED']],
    ['startDate blank', { ...base, startDate: '  ' }, ['startDate: REQUIRED']],
    ['endDate missing', { ...base, endDate: undefined }, ['endDate: REQUIRED']],
    ['id with a slash', { ...base, id: 't/1' }, ['id: INVALID_FORMAT']],
    ['id over 64', { ...base, id: 'a'.repeat(65) }, ['id: INVALID_FORMAT']],
    ['cadreId with a dot', { ...base, cadreId: 'CB.01' }, ['cadreId: INVALID_FORMAT']],
    ['unit over 200', { ...base, unit: 'u'.repeat(201) }, ['unit: INVALID_FORMAT']],
    ['orderNo over 64', { ...base, orderNo: 'o'.repeat(65) }, ['orderNo: INVALID_FORMAT']],
    ['description over 2000', { ...base, description: 'd'.repeat(2001) }, ['description: INVALID_FORMAT']],
    ['findings over 4000', { ...base, findings: 'f'.repeat(4001) }, ['findings: INVALID_FORMAT']],
    ['difficulties over 4000', { ...base, difficulties: 'ậ'.repeat(4001) }, ['difficulties: INVALID_FORMAT']],
    ['proposals not text', { ...base, proposals: { a: 1 } }, ['proposals: INVALID_FORMAT']],
    ['days not a number', { ...base, days: 'hai' }, ['days: INVALID_FORMAT']],
    ['cost not a number', { ...base, cost: '1,500,000' }, ['cost: INVALID_FORMAT']],
    ['contents a number', { ...base, contents: 5 }, ['contents: INVALID_FORMAT']],
    ['startDate 31/02/2025', { ...base, startDate: '31/02/2025' }, ['startDate: INVALID_DATE']],
    ['startDate month 13', { ...base, startDate: '2025-13-01' }, ['startDate: INVALID_DATE']],
    ['startDate before 1900', { ...base, startDate: '31/12/1899' }, ['startDate: INVALID_DATE']],
    ['startDate month first', { ...base, startDate: '03/31/2025' }, ['startDate: INVALID_DATE']],
    ['endDate text', { ...base, endDate: 'hôm qua' }, ['endDate: INVALID_DATE']],
    ['reportDate impossible', { ...base, reportDate: '29/02/2025' }, ['reportDate: INVALID_DATE']],
    ['endDate before startDate', { ...base, endDate: '02/03/2025' }, ['endDate: END_BEFORE_START']],
    ['367 dates', { ...base, startDate: '2025-01-01', endDate: '2026-01-02' }, ['endDate: SPAN_TOO_LONG']],
    ['days 0', { ...base, days: 0 }, ['days: INVALID_DAYS']],
    ['days negative', { ...base, days: '-1' }, ['days: INVALID_DAYS']],
    ['days not a multiple of 0.5', { ...base, days: '1,3' }, ['days: INVALID_DAYS']],
    ['days above the countable dates', { ...base, days: 5.5 }, ['days: INVALID_DAYS']],
    ['contents missing', { ...base, contents: undefined }, ['contents: NO_CATEGORY']],
    ['contents an empty list', { ...base, contents: [] }, ['contents: NO_CATEGORY']],
    ['contents only separators', { ...base, contents: ' ; \n ' }, ['contents: NO_CATEGORY']],
    ['contents unknown', { ...base, contents: 'kiem_tra; tuyên truyền' }, ['contents: UNKNOWN_CATEGORY']],
    ['contents split by comma', { ...base, contents: 'kiem_tra, khac' }, ['contents: UNKNOWN_CATEGORY']],
    ['report before the start', { ...base, reportDate: '02/03/2025' }, ['reportDate: REPORT_BEFORE_START']],
    ['report after today', { ...base, reportDate: '16/06/2025' }, ['reportDate: REPORT_IN_FUTURE']],
    ['negative cost', { ...base, cost: '-500.000' }, ['cost: NEGATIVE_COST']],
    ['unknown cadre', { ...base, cadreId: 'CB99' }, ['cadreId: UNKNOWN_CADRE']],
  ])('%s', (_name, row, expected) => {
    expect(codesOf('trips', row)).toEqual(expected);
  });

  it('collects field errors first, then cross-field errors, one per field', () => {
    expect(
      codesOf('trips', { id: 'x y', cadreId: 'CB99', unit: 'XA01', startDate: '10/03/2025', endDate: '01/03/2025', cost: -1, reportDate: '01/01/2025' }),
    ).toEqual([
      'id: INVALID_FORMAT',
      'cadreId: UNKNOWN_CADRE',
      'contents: NO_CATEGORY',
      'cost: NEGATIVE_COST',
      'endDate: END_BEFORE_START',
      'reportDate: REPORT_BEFORE_START',
    ]);
  });

  it('skips cross-field rules on fields that already failed', () => {
    expect(codesOf('trips', { ...base, days: 0, startDate: '2025-03-10', endDate: '2025-03-01' })).toEqual([
      'days: INVALID_DAYS',
      'endDate: END_BEFORE_START',
    ]);
    // with an invalid startDate there is nothing to compare endDate or reportDate with
    expect(codesOf('trips', { ...base, startDate: 'x', reportDate: '2025-01-01' })).toEqual(['startDate: INVALID_DATE']);
  });

  it('counts countable dates under each year\'s day mode for days (working mode)', () => {
    const ctx = makeContext({}, { 2025: { dayMode: 'working' } });
    // Fri 07/03/2025 – Mon 10/03/2025: 2 working days
    const trip = { ...base, startDate: '07/03/2025', endDate: '10/03/2025' };
    expect(codesOf('trips', { ...trip, days: 2 }, ctx)).toEqual([]);
    expect(codesOf('trips', { ...trip, days: 2.5 }, ctx)).toEqual(['days: INVALID_DAYS']);
    // a weekend only: no countable date, so any days is too many
    expect(codesOf('trips', { ...base, startDate: '08/03/2025', endDate: '09/03/2025', days: 0.5 }, ctx)).toEqual(['days: INVALID_DAYS']);
    expect(codesOf('trips', { ...base, startDate: '08/03/2025', endDate: '09/03/2025' }, ctx)).toEqual([]);
  });

  it('counts countable dates across New Year with both years\' policies', () => {
    // 2025 calendar (29–31/12: 3 dates), 2026 working: Thu 01/01 holiday, Fri 02/01 working → 4
    const ctx = makeContext({}, { 2026: { dayMode: 'working' } });
    const trip = { ...base, startDate: '29/12/2025', endDate: '02/01/2026' };
    expect(codesOf('trips', { ...trip, days: 4 }, ctx)).toEqual([]);
    expect(codesOf('trips', { ...trip, days: 4.5 }, ctx)).toEqual(['days: INVALID_DAYS']);
  });

  it('checks contents against the categories of the policy of the startDate year', () => {
    const ctx = makeContext({}, { 2026: { categories: [{ code: 'tuyen_truyen', label: 'Tuyên truyền' }] } });
    const trip2026 = { ...base, startDate: '05/01/2026', endDate: '06/01/2026', contents: 'tuyen truyen' };
    expect(recordOf('trips', trip2026, ctx).contents).toEqual(['tuyen_truyen']);
    expect(codesOf('trips', { ...trip2026, contents: 'kiem_tra' }, ctx)).toEqual(['contents: UNKNOWN_CATEGORY']);
    // a trip starting in 2025 uses 2025's (default) categories even when it ends in 2026
    expect(codesOf('trips', { ...trip2026, startDate: '30/12/2025' }, ctx)).toEqual(['contents: UNKNOWN_CATEGORY']);
  });

  it('names the field and the bad value in Vietnamese messages', () => {
    const messages = Object.fromEntries(
      errorsOf('trips', {
        ...base,
        startDate: '31/02/2025',
        days: '0,3',
        contents: 'kiem_tra; du lich',
        cost: '-5',
        cadreId: 'CB77',
      }).map((e) => [e.field, e.message]),
    );
    expect(messages.startDate).toBe('Ngày đi (startDate): "31/02/2025" không phải ngày hợp lệ (nhập dd/mm/yyyy, ví dụ 05/03/2025).');
    expect(messages.days).toContain('Số ngày kê khai (days): "0,3"');
    expect(messages.contents).toContain('"du lich"');
    expect(messages.contents).toContain('danh mục');
    expect(messages.cost).toContain('Kinh phí');
    expect(messages.cost).toContain('"-5"');
    expect(messages.cadreId).toContain('"CB77"');
    const [above] = errorsOf('trips', { ...base, days: 6 });
    expect(above.message).toContain('không quá 5 ngày');
    const [future] = errorsOf('trips', { ...base, reportDate: '2025-07-01' });
    expect(future.message).toBe('Ngày nộp báo cáo (reportDate): "01/07/2025" ở sau ngày hôm nay.');
  });
});

import { codesOf, errorsOf, recordOf } from './helpers';

const base = { id: 'a1', cadreId: 'CB01', from: '01/03/2025', reason: 'study' };

describe('absence rows', () => {
  it('normalises a row without `to` (until further notice) and with every field', () => {
    expect(recordOf('absences', base)).toEqual({ id: 'a1', cadreId: 'CB01', from: '2025-03-01', reason: 'study' });
    expect(recordOf('absences', { ...base, to: 45747, note: ' Học cao học ', ref: 4 })).toEqual({
      id: 'a1',
      cadreId: 'CB01',
      from: '2025-03-01',
      to: '2025-03-31',
      reason: 'study',
      note: 'Học cao học',
    });
  });

  it.each<[unknown, string]>([
    ['maternity', 'maternity'],
    ['Thai sản', 'maternity'],
    ['thai san', 'maternity'],
    ['Học tập dài hạn', 'study'],
    ['ỐM DÀI NGÀY', 'sick'],
    ['Khác', 'other'],
    [' other ', 'other'],
  ])('accepts reason %j', (reason, code) => {
    expect(recordOf('absences', { ...base, reason }).reason).toBe(code);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['id missing', { ...base, id: '' }, ['id: REQUIRED']],
    ['cadreId missing', { ...base, cadreId: null }, ['cadreId: REQUIRED']],
    ['from missing', { ...base, from: undefined }, ['from: REQUIRED']],
    ['reason missing', { ...base, reason: ' ' }, ['reason: REQUIRED']],
    ['id with spaces', { ...base, id: 'a 1' }, ['id: INVALID_FORMAT']],
    ['reason unknown', { ...base, reason: 'nghỉ phép' }, ['reason: INVALID_FORMAT']],
    ['note over 2000', { ...base, note: 'n'.repeat(2001) }, ['note: INVALID_FORMAT']],
    ['from impossible', { ...base, from: '30/02/2025' }, ['from: INVALID_DATE']],
    ['to before 1900', { ...base, to: '1899-12-31' }, ['to: INVALID_DATE']],
    ['to before from', { ...base, to: '28/02/2025' }, ['to: END_BEFORE_START']],
    ['unknown cadre', { ...base, cadreId: 'CB03' }, ['cadreId: UNKNOWN_CADRE']],
  ])('%s', (_name, row, expected) => {
    expect(codesOf('absences', row)).toEqual(expected);
  });

  it('accepts to equal to from (one day)', () => {
    expect(codesOf('absences', { ...base, to: '1/3/2025' })).toEqual([]);
  });

  it('lists the accepted reasons in the message of a bad one', () => {
    const [error] = errorsOf('absences', { ...base, reason: 'nghỉ phép' });
    expect(error.message).toContain('Lý do (reason)');
    expect(error.message).toContain('"nghỉ phép"');
    expect(error.message).toContain('maternity (Thai sản)');
  });
});

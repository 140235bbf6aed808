import { codesOf, errorsOf, recordOf } from './helpers';

const base = { cadreId: 'CB01', fullName: 'Nguyễn Văn An' };

describe('cadre rows', () => {
  it('normalises a minimal row with the defaults and no absent optional fields', () => {
    expect(recordOf('cadres', base)).toEqual({
      cadreId: 'CB01',
      fullName: 'Nguyễn Văn An',
      department: '',
      position: '',
      subject: true,
    });
  });

  it('normalises every field from sheet forms and ignores ref, version, deleted and unknown fields', () => {
    const record = recordOf('cadres', {
      cadreId: ' CB01 ',
      fullName: '  Nguyễn Văn An ',
      department: 'Ban Tổ chức',
      position: 'Phó Ban',
      subject: 'Không',
      serviceStart: '1/7/2025',
      serviceEnd: 46022,
      ref: 12,
      version: 'v1',
      deleted: false,
      colour: 'red',
    });
    expect(record).toEqual({
      cadreId: 'CB01',
      fullName: 'Nguyễn Văn An',
      department: 'Ban Tổ chức',
      position: 'Phó Ban',
      subject: false,
      serviceStart: '2025-07-01',
      serviceEnd: '2025-12-31',
    });
  });

  it('treats empty cells, empty strings and null as not given', () => {
    const record = recordOf('cadres', { ...base, department: null, position: '   ', subject: '', serviceStart: '', serviceEnd: null });
    expect(record).toEqual({ ...base, department: '', position: '', subject: true });
    expect('serviceStart' in record).toBe(false);
  });

  it('composes fullName NFC (decomposed input is stored composed)', () => {
    const decomposed = 'Nguyễn'.normalize('NFD');
    expect(recordOf('cadres', { ...base, fullName: decomposed }).fullName).toBe('Nguyễn');
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['missing cadreId', { fullName: 'A' }, ['cadreId: REQUIRED']],
    ['empty fullName', { cadreId: 'CB01', fullName: '  ' }, ['fullName: REQUIRED']],
    ['cadreId with a space', { ...base, cadreId: 'CB 01' }, ['cadreId: INVALID_FORMAT']],
    ['cadreId with diacritics', { ...base, cadreId: 'CBĐ1' }, ['cadreId: INVALID_FORMAT']],
    ['cadreId over 32 characters', { ...base, cadreId: 'A'.repeat(33) }, ['cadreId: INVALID_FORMAT']],
    ['fullName over 200 code points', { ...base, fullName: 'ễ'.repeat(201) }, ['fullName: INVALID_FORMAT']],
    ['department over 200', { ...base, department: 'x'.repeat(201) }, ['department: INVALID_FORMAT']],
    ['position over 200', { ...base, position: 'x'.repeat(201) }, ['position: INVALID_FORMAT']],
    ['subject not a boolean', { ...base, subject: 'maybe' }, ['subject: INVALID_FORMAT']],
    ['serviceStart impossible', { ...base, serviceStart: '31/02/2025' }, ['serviceStart: INVALID_DATE']],
    ['serviceEnd before 1900', { ...base, serviceEnd: '01/01/1899' }, ['serviceEnd: INVALID_DATE']],
    ['serviceEnd before serviceStart', { ...base, serviceStart: '2025-07-01', serviceEnd: '30/06/2025' }, ['serviceEnd: END_BEFORE_START']],
  ])('%s', (_name, row, expected) => {
    expect(codesOf('cadres', row)).toEqual(expected);
  });

  it('accepts exactly 200 code points (counted after NFC, not UTF-16 units)', () => {
    expect(codesOf('cadres', { ...base, fullName: '𝒜'.repeat(200) })).toEqual([]);
    expect(codesOf('cadres', { ...base, fullName: 'ễ'.normalize('NFD').repeat(200) })).toEqual([]);
  });

  it('returns every field error of the row at once, one per field', () => {
    expect(codesOf('cadres', { cadreId: 'bad id', subject: 'hmm', serviceStart: 'x' })).toEqual([
      'cadreId: INVALID_FORMAT',
      'fullName: REQUIRED',
      'subject: INVALID_FORMAT',
      'serviceStart: INVALID_DATE',
    ]);
  });

  it('gives Vietnamese messages naming the field and the bad value', () => {
    const [error] = errorsOf('cadres', { ...base, subject: 'maybe' });
    expect(error.message).toContain('Thuộc đối tượng 1+2');
    expect(error.message).toContain('"maybe"');
    expect(error.message).toContain('không hợp lệ');
    const [end] = errorsOf('cadres', { ...base, serviceStart: '2025-07-01', serviceEnd: '2025-06-30' });
    expect(end.message).toContain('Ngày kết thúc công tác');
    expect(end.message).toContain('30/06/2025');
  });

  it('rejects a row that is not an object', () => {
    expect(codesOf('cadres', 'CB01')).toEqual(['row: INVALID_FORMAT']);
    expect(codesOf('cadres', null)).toEqual(['row: INVALID_FORMAT']);
    expect(codesOf('cadres', [base])).toEqual(['row: INVALID_FORMAT']);
  });
});

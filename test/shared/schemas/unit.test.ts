import { codesOf, errorsOf, recordOf } from './helpers';

const base = { unitCode: 'XA01', name: 'Xã Tân Lập' };

describe('unit rows', () => {
  it('defaults kind to khac and normalises every field', () => {
    expect(recordOf('units', base)).toEqual({ unitCode: 'XA01', name: 'Xã Tân Lập', kind: 'khac' });
    expect(
      recordOf('units', { ...base, kind: 'Xã', parentCode: 'H01', validFrom: '1/1/2020', validTo: '30/06/2025', mergedInto: 'XA09' }),
    ).toEqual({
      unitCode: 'XA01',
      name: 'Xã Tân Lập',
      kind: 'xa',
      parentCode: 'H01',
      validFrom: '2020-01-01',
      validTo: '2025-06-30',
      mergedInto: 'XA09',
    });
  });

  it.each<[string, string]>([
    ['xa', 'xa'],
    ['Phường', 'phuong'],
    ['huyen', 'huyen'],
    ['Chi đoàn', 'chi_doan'],
    ['chi doan', 'chi_doan'],
    ['Cơ sở', 'co_so'],
    ['TRỰC THUỘC', 'truc_thuoc'],
    ['khac', 'khac'],
  ])('accepts kind %j', (kind, code) => {
    expect(recordOf('units', { ...base, kind }).kind).toBe(code);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['unitCode missing', { name: 'X' }, ['unitCode: REQUIRED']],
    ['name empty', { unitCode: 'XA01', name: '' }, ['name: REQUIRED']],
    ['unitCode over 32', { ...base, unitCode: 'U'.repeat(33) }, ['unitCode: INVALID_FORMAT']],
    ['parentCode with spaces', { ...base, parentCode: 'H 01' }, ['parentCode: INVALID_FORMAT']],
    ['mergedInto with diacritics', { ...base, mergedInto: 'Xã01' }, ['mergedInto: INVALID_FORMAT']],
    ['name over 200', { ...base, name: 'n'.repeat(201) }, ['name: INVALID_FORMAT']],
    ['kind unknown', { ...base, kind: 'thôn' }, ['kind: INVALID_FORMAT']],
    ['validFrom impossible', { ...base, validFrom: '2025-02-30' }, ['validFrom: INVALID_DATE']],
    ['validTo before validFrom', { ...base, validFrom: '2025-07-01', validTo: '2025-06-30' }, ['validTo: END_BEFORE_START']],
  ])('%s', (_name, row, expected) => {
    expect(codesOf('units', row)).toEqual(expected);
  });

  it('accepts a numeric unit code as its digits', () => {
    expect(recordOf('units', { unitCode: 1024, name: 'Chi đoàn 1024' }).unitCode).toBe('1024');
  });

  it('names the field and the value', () => {
    const [error] = errorsOf('units', { ...base, kind: 'thôn' });
    expect(error.message).toContain('Loại đơn vị (kind)');
    expect(error.message).toContain('"thôn"');
  });
});

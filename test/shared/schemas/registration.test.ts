import { codesOf, errorsOf, recordOf } from './helpers';

const base = { cadreId: 'CB01', year: 2025 };

describe('registration rows', () => {
  it('defaults quarters to 0 and approved to false', () => {
    expect(recordOf('registrations', base)).toEqual({
      cadreId: 'CB01',
      year: 2025,
      q1Days: 0,
      q2Days: 0,
      q3Days: 0,
      q4Days: 0,
      approved: false,
    });
  });

  it('normalises sheet forms of every field', () => {
    expect(
      recordOf('registrations', {
        cadreId: 'CB02',
        year: '2025',
        q1Days: '10',
        q2Days: '15,5',
        q3Days: 20,
        q4Days: '14.5',
        units: ' Xã Tân Lập; Phường 1 ',
        approved: 'x',
        approvedBy: ' Bí thư ',
      }),
    ).toEqual({
      cadreId: 'CB02',
      year: 2025,
      q1Days: 10,
      q2Days: 15.5,
      q3Days: 20,
      q4Days: 14.5,
      units: 'Xã Tân Lập; Phường 1',
      approved: true,
      approvedBy: 'Bí thư',
    });
  });

  it.each<[unknown, boolean]>([
    [true, true],
    ['TRUE', true],
    ['Có', true],
    ['co', true],
    ['X', true],
    [1, true],
    ['1', true],
    [false, false],
    ['FALSE', false],
    ['Không', false],
    ['KHONG', false],
    [0, false],
    ['0', false],
  ])('accepts approved %j', (approved, expected) => {
    expect(recordOf('registrations', { ...base, approved }).approved).toBe(expected);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['cadreId missing', { year: 2025 }, ['cadreId: REQUIRED']],
    ['year missing', { cadreId: 'CB01' }, ['year: REQUIRED']],
    ['year not whole', { ...base, year: 2025.5 }, ['year: INVALID_FORMAT']],
    ['year before 1900', { ...base, year: 1899 }, ['year: INVALID_FORMAT']],
    ['year above 9999', { ...base, year: '10000' }, ['year: INVALID_FORMAT']],
    ['quarter negative', { ...base, q1Days: -1 }, ['q1Days: INVALID_FORMAT']],
    ['quarter not a multiple of 0.5', { ...base, q2Days: '1,2' }, ['q2Days: INVALID_FORMAT']],
    ['quarter text', { ...base, q3Days: 'mười' }, ['q3Days: INVALID_FORMAT']],
    ['approved text', { ...base, approved: 'rồi' }, ['approved: INVALID_FORMAT']],
    ['approved 2', { ...base, approved: 2 }, ['approved: INVALID_FORMAT']],
    ['units over 2000', { ...base, units: 'u'.repeat(2001) }, ['units: INVALID_FORMAT']],
    ['unknown cadre', { ...base, cadreId: 'CB05' }, ['cadreId: UNKNOWN_CADRE']],
  ])('%s', (_name, row, expected) => {
    expect(codesOf('registrations', row)).toEqual(expected);
  });

  it('names the field and the value', () => {
    const [error] = errorsOf('registrations', { ...base, q4Days: '-3' });
    expect(error.message).toBe('Số ngày quý IV (q4Days): giá trị "-3" không hợp lệ (cần số ngày không âm, là bội của 0,5, tối đa 92).');
  });
});

import { UnitResolver } from '../../../shared/engine/units';

describe('UnitResolver', () => {
  const r = new UnitResolver([
    { unitCode: 'XA02', name: 'Xã Yên Bình', kind: 'xa' },
    { unitCode: 'XA01', name: 'Xa Yen Binh', kind: 'xa' },
    { unitCode: 'PH01', name: 'Phường Đông Hải', kind: 'phuong' },
  ]);
  test('by code, then by name normalised like categories, else the text', () => {
    expect(r.resolve('PH01').key).toBe('PH01');
    expect(r.resolve('phuong dong hai').key).toBe('PH01');
    expect(r.resolve('PHƯỜNG  ĐÔNG HẢI').key).toBe('PH01');
    expect(r.resolve('Trường THPT A').key).toBe('Trường THPT A');
    expect(r.resolve('Trường THPT A').unit).toBeUndefined();
  });
  test('a name shared by two units resolves to the lower code', () => {
    expect(r.resolve('xã yên bình').key).toBe('XA01');
  });
  test('ids are dense per key', () => {
    expect(r.resolve('PH01').id).toBe(r.resolve('Phường Đông Hải').id);
    expect(r.keys()[r.resolve('PH01').id]).toBe('PH01');
  });
});

describe('UnitResolver ids', () => {
  test('codes get the first ids in code order; other texts follow as resolved; idOf agrees with resolve', () => {
    const r = new UnitResolver([
      { unitCode: 'B', name: 'Bê', kind: 'xa' },
      { unitCode: 'A', name: 'A', kind: 'xa' },
    ]);
    expect(r.keyCount).toBe(2);
    expect([r.idOf('A'), r.idOf('B')]).toEqual([0, 1]);
    expect(r.idOf('Trường')).toBe(2);
    expect(r.idOf('be')).toBe(1);
    expect(r.idOf('Trường')).toBe(2);
    for (const text of ['A', 'B', 'be', 'BÊ', 'Trường', 'x']) expect(r.resolve(text).id).toBe(r.idOf(text));
    expect(r.keys()).toEqual(['A', 'B', 'Trường', 'x']);
    expect(r.codeId('B')).toBe(1);
    expect(r.codeId('be')).toBeUndefined();
  });
});

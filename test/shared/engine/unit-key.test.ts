import fc from 'fast-check';
import { unitKey } from '../../../shared/engine/unit-key';
import { matchKey } from '../../../shared/normalize';

describe('unitKey: matchKey, fast for Latin and Vietnamese text', () => {
  test('examples', () => {
    expect(unitKey('PHƯỜNG  ĐÔNG HẢI')).toBe('phuongdonghai');
    expect(unitKey('Xã Yên_Bình')).toBe('xayenbinh');
    expect(unitKey('Trường THPT số 5')).toBe(matchKey('Trường THPT số 5'));
    expect(unitKey('')).toBe('');
  });

  test('every character of U+0000–U+24FF on its own', () => {
    for (let c = 0; c < 0x2500; c++) {
      const s = String.fromCharCode(c);
      if (unitKey(s) !== matchKey(s)) throw new Error(`U+${c.toString(16)}`);
    }
  });

  const latin = fc.oneof(
    fc.integer({ min: 0x20, max: 0x24f }),
    fc.integer({ min: 0x300, max: 0x36f }),
    fc.integer({ min: 0x1e00, max: 0x1eff }),
  );
  const any = fc.oneof(latin, fc.integer({ min: 0, max: 0xffff }), fc.constantFrom(0x3a3, 0x130, 0x1e9e, 0xd83d));

  test('equals matchKey on text of Latin letters and combining marks in any order', () => {
    fc.assert(
      fc.property(fc.array(latin, { maxLength: 24 }), (codes) => {
        const s = String.fromCharCode(...codes);
        expect(unitKey(s)).toBe(matchKey(s));
      }),
      { numRuns: 1000 },
    );
  });

  test('equals matchKey on any text (other characters take matchKey itself)', () => {
    fc.assert(
      fc.property(fc.array(any, { maxLength: 24 }), (codes) => {
        const s = String.fromCharCode(...codes);
        expect(unitKey(s)).toBe(matchKey(s));
      }),
      { numRuns: 1000 },
    );
  });
});

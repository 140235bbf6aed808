import fc from 'fast-check';
import { asCellText, fitsLimit, isBlank, isHalfStep, looksLikeFormula, parseBoolean, parseNumber, parseText } from '../../shared/cells';

describe('isBlank', () => {
  it.each([undefined, null, '', '   ', '\t\n'])('%j is blank', (v) => expect(isBlank(v)).toBe(true));
  it.each([0, false, 'x', [], {}])('%j is not blank', (v) => expect(isBlank(v)).toBe(false));
});

describe('parseNumber', () => {
  it.each<[unknown, number]>([
    [42, 42],
    [1.5, 1.5],
    [-3, -3],
    ['1,5', 1.5],
    ['1.5', 1.5],
    ['0,5', 0.5],
    [',5', 0.5],
    ['1.500.000', 1_500_000],
    ['1.500', 1500],
    ['1 500 000', 1_500_000],
    ['1\u00A0500\u00A0000', 1_500_000],
    ['1.500.000,5', 1_500_000.5],
    ['1 500,25', 1500.25],
    ['1.5000', 1.5],
    ['12345.678', 12345.678],
    ['1,500', 1.5],
    ['  7  ', 7],
    ['-500.000', -500_000],
    ['+2', 2],
    ['\u22122,5', -2.5],
  ])('%j → %p', (input, expected) => {
    expect(parseNumber(input)).toBe(expected);
  });

  it.each<unknown>(['', 'abc', '1,500,000', '1.500.00', '1..5', '1 5', '-', '1e3', NaN, Infinity, true, null, {}, ['1']])(
    '%j does not parse',
    (input) => expect(parseNumber(input)).toBeNull(),
  );

  it('reads any whole number written with dot or space thousands groups', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.constantFrom('.', ' '), (n, sep) => {
        const grouped = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
        expect(parseNumber(grouped)).toBe(n);
      }),
    );
  });

  it('reads any number with a comma decimal mark', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const text = `${whole},${String(cents).padStart(2, '0')}`;
        expect(parseNumber(text)).toBeCloseTo(whole + cents / 100, 10);
      }),
    );
  });
});

describe('parseBoolean', () => {
  it.each<[unknown, boolean]>([
    [true, true],
    [false, false],
    ['true', true],
    ['TRUE', true],
    ['False', false],
    ['Có', true],
    ['CÓ', true],
    ['co', true],
    ['Không', false],
    ['khong', false],
    ['KHÔNG', false],
    ['x', true],
    ['X', true],
    [' x ', true],
    ['1', true],
    ['0', false],
    [1, true],
    [0, false],
  ])('%j → %p', (input, expected) => expect(parseBoolean(input)).toBe(expected));

  it.each<unknown>(['', 'yes', 'có lẽ', '2', 2, -1, null, undefined, {}])('%j does not parse', (input) => {
    expect(parseBoolean(input)).toBeNull();
  });
});

describe('parseText and limits', () => {
  it('trims and composes to NFC', () => {
    expect(parseText('  Nguye\u0302\u0303n  ')).toBe('Nguyễn');
    expect(parseText('Nguye\u0302\u0303n')?.length).toBe(6);
  });
  it('writes finite numbers as their digits and refuses other values', () => {
    expect(parseText(1024)).toBe('1024');
    expect(parseText(NaN)).toBeNull();
    expect(parseText(true)).toBeNull();
    expect(parseText({})).toBeNull();
  });
  it('counts code points after NFC', () => {
    expect(fitsLimit('ễ'.normalize('NFD').repeat(3), 3)).toBe(true);
    expect(fitsLimit('😀😀', 2)).toBe(true);
    expect(fitsLimit('😀😀😀', 2)).toBe(false);
  });
  it('knows multiples of 0.5', () => {
    expect([0, 0.5, 1, 2.5, -1.5].every(isHalfStep)).toBe(true);
    expect([0.3, 1.25, NaN, Infinity].some(isHalfStep)).toBe(false);
  });
});

describe('cell text safety', () => {
  it.each(['=SUM(A1)', '+84 912', '-5', '@user'])('%j looks like a formula and gets a quote', (t) => {
    expect(looksLikeFormula(t)).toBe(true);
    expect(asCellText(t)).toBe(`'${t}`);
  });
  it('leaves ordinary text alone', () => {
    expect(asCellText('Nguyễn Văn An')).toBe('Nguyễn Văn An');
    expect(looksLikeFormula('a=b')).toBe(false);
  });
});

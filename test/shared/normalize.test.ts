import { cleanText, codePointLength, matchKey } from '../../shared/normalize';

describe('matchKey', () => {
  it.each<[string, string]>([
    ['Kiểm tra, giám sát', 'Kiem tra, giam sat'],
    ['kiem_tra', 'Kiem tra'],
    ['Đống Đa', 'dong da'],
    ['ĐỐNG ĐA', 'đống đa'],
    ['Chi\u00A0đoàn', 'chi_doan'],
    ['Kie\u0302\u0309m tra', 'Kiểm tra'],
    ['  Xã   Tân Lập\t', 'xatanlap'],
  ])('%j and %j share a key', (a, b) => expect(matchKey(a)).toBe(matchKey(b)));

  it('produces the documented keys', () => {
    expect(matchKey('Kiểm tra, giám sát')).toBe('kiemtra,giamsat');
    expect(matchKey('Đ_đ d')).toBe('ddd');
  });

  it('keeps punctuation and letters apart', () => {
    expect(matchKey('Kiểm tra, giám sát')).not.toBe(matchKey('Kiểm tra giám sát'));
  });

  it('leaves no combining mark, whatever the case mapping adds', () => {
    // U+0130 (İ) lower-cases to i + U+0307 (combining dot above)
    expect(matchKey('\u0130')).toBe('i');
    expect(/\p{M}/u.test(matchKey('ỄỆ\u0130ǅ'))).toBe(false);
  });
});

describe('cleanText and codePointLength', () => {
  it('trims and composes to NFC', () => {
    expect(cleanText('  Nguye\u0302\u0303n Va\u0306n An \n')).toBe('Nguyễn Văn An');
  });
  it('counts code points, not UTF-16 units', () => {
    expect(codePointLength('😀a')).toBe(2);
    expect(codePointLength('')).toBe(0);
    expect(codePointLength(cleanText('e\u0302\u0303'))).toBe(1);
  });
});

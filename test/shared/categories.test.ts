import {
  parseAbsenceReason,
  parseContents,
  parseUnitKind,
  resolveCategory,
  resolveContents,
  resolveUnitCode,
} from '../../shared/categories';
import { DEFAULT_CATEGORIES } from '../../shared/defaults';
import type { Unit } from '../../shared/models';

describe('resolveCategory', () => {
  it.each<[string, string]>([
    ['kiem_tra', 'kiem_tra'],
    ['Kiểm tra, giám sát', 'kiem_tra'],
    ['Kiem tra, giam sat', 'kiem_tra'],
    ['kiem tra', 'kiem_tra'],
    ['KIEM_TRA', 'kiem_tra'],
    ['  khảo   sát, nắm tình hình ', 'khao_sat'],
    ['Chỉ đạo, hướng dẫn đại hội', 'dai_hoi'],
    ['CHI DAO, HUONG DAN DAI HOI', 'dai_hoi'],
    ['Khác', 'khac'],
    ['Kie\u0302\u0309m tra, gia\u0301m sa\u0301t', 'kiem_tra'],
  ])('%j → %s', (text, code) => expect(resolveCategory(text, DEFAULT_CATEGORIES)).toBe(code));

  it.each(['', '  ', 'kiểm', 'Kiểm tra giám sát', 'tuyên truyền'])('%j matches nothing', (text) => {
    expect(resolveCategory(text, DEFAULT_CATEGORIES)).toBeNull();
  });
});

describe('parseContents', () => {
  it('splits strings on ; and line breaks only', () => {
    expect(parseContents('a; b ;;c\r\nd\ne')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(parseContents('Kiểm tra, giám sát')).toEqual(['Kiểm tra, giám sát']);
  });
  it('takes lists, flattening items that hold several and skipping blanks', () => {
    expect(parseContents(['a', ' b;c ', '', null])).toEqual(['a', 'b', 'c']);
    expect(parseContents([])).toEqual([]);
  });
  it('refuses values that are not text', () => {
    expect(parseContents(5)).toBeNull();
    expect(parseContents(['a', 5])).toBeNull();
    expect(parseContents({ a: 1 })).toBeNull();
  });
});

describe('resolveContents', () => {
  it('keeps the order of first appearance without repeats and lists misses once', () => {
    expect(resolveContents(['khac', 'Kiểm tra, giám sát', 'x', 'kiem tra', 'x', 'khac'], DEFAULT_CATEGORIES)).toEqual({
      codes: ['khac', 'kiem_tra'],
      unknown: ['x'],
    });
  });
});

describe('absence reasons and unit kinds', () => {
  it.each<[string, string]>([
    ['study', 'study'],
    ['Học tập dài hạn', 'study'],
    ['hoc tap dai han', 'study'],
    ['Thai sản', 'maternity'],
    ['Ốm dài ngày', 'sick'],
    ['other', 'other'],
    ['khac', 'other'],
  ])('reason %j → %s', (text, code) => expect(parseAbsenceReason(text)).toBe(code));

  it.each<[string, string]>([
    ['Xã', 'xa'],
    ['phuong', 'phuong'],
    ['Huyện', 'huyen'],
    ['Chi đoàn', 'chi_doan'],
    ['chi_doan', 'chi_doan'],
    ['co so', 'co_so'],
    ['Trực thuộc', 'truc_thuoc'],
    ['Khác', 'khac'],
  ])('unit kind %j → %s', (text, code) => expect(parseUnitKind(text)).toBe(code));

  it('refuses unknown or non-text values', () => {
    expect(parseAbsenceReason('nghỉ phép')).toBeNull();
    expect(parseAbsenceReason(1)).toBeNull();
    expect(parseUnitKind('thôn')).toBeNull();
    expect(parseUnitKind('')).toBeNull();
  });
});

describe('resolveUnitCode', () => {
  const units: Unit[] = [
    { unitCode: 'X1', name: 'Xã Tân Lập', kind: 'xa' },
    { unitCode: 'x1b', name: 'X1', kind: 'khac' },
    { unitCode: 'P2', name: 'Phường Đống Đa', kind: 'phuong' },
  ];
  it.each<[string, string | null]>([
    ['X1', 'X1'],
    ['x1b', 'x1b'],
    ['X1B', null],
    ['x1', 'x1b'],
    ['xa tan lap', 'X1'],
    ['Phường  Đống Đa', 'P2'],
    ['phuong dong da', 'P2'],
    ['Xã Tân Lập mới', null],
    ['', null],
  ])('%j → %p', (text, code) => expect(resolveUnitCode(text, units)).toBe(code));

  it('resolves a name shared by several units to the lowest code (code-point order)', () => {
    const twins: Unit[] = [
      { unitCode: 'b2', name: 'Xã Hoà Bình', kind: 'xa' },
      { unitCode: 'B1', name: 'xa hoa binh', kind: 'xa', validTo: '2025-06-30' },
    ];
    expect(resolveUnitCode('Xã Hoà Bình', twins)).toBe('B1');
  });

  it('prefers a code match over a name match', () => {
    // "X1" is both the code of the first unit and the name of the second
    expect(resolveUnitCode('X1', units)).toBe('X1');
  });
});

import { blockAddress, cellAddress, columnLetters, sheetRef } from '../../../addin/sheet/address';

describe('addresses', () => {
  it('names columns and cells', () => {
    expect([0, 25, 26, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(cellAddress(3, 3)).toBe('D4');
    expect(blockAddress(0, 7, 3, 2)).toBe('H1:I3');
    expect(sheetRef("Danh mục's")).toBe("'Danh mục''s'");
  });
});

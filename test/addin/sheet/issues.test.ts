import { baseField, locateIssues, type Issue } from '../../../addin/sheet/issues';

const issue = (row: number, col?: number): Issue => ({ severity: 'error', kind: 'trips', sheet: 'Đi cơ sở', table: 'DiCoSo', row, col, message: 'x' });

describe('locateIssues', () => {
  it('names the sheet as it is now and the cell as Excel shows it (header row above the body)', () => {
    const table = { sheet: 'Chuyến đi', top: 4, left: 2 };
    expect(locateIssues([issue(0, 0), issue(9, 3), issue(2)], table).map((i) => [i.sheet, i.cell])).toEqual([
      ['Chuyến đi', 'C6'],
      ['Chuyến đi', 'F15'],
      ['Chuyến đi', 'C8'],
    ]);
  });
});

describe('baseField', () => {
  it('drops list indexes and sub-fields', () => {
    expect(baseField('contents[1]')).toBe('contents');
    expect(baseField('policy.requiredDays')).toBe('policy');
    expect(baseField('unit')).toBe('unit');
  });
});

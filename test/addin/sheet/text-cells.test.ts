import { textCheckColumns, unescapeTextCells } from '../../../addin/sheet/text-cells';
import type { TableWrite } from '../../../addin/sheet/table-edit';

const write = (over: Partial<TableWrite>): TableWrite => ({ table: 'T', deleteRows: [], appendCount: 0, runs: [], finalRowCount: 0, ...over });

describe('textCheckColumns', () => {
  it('lists the columns with an escaped string and no format of the write’s own', () => {
    const w = write({
      runs: [
        { row: 0, col: 3, values: [['An'], ["'12"]] },
        { row: 0, col: 1, values: [['plain']] },
        { row: 0, col: 2, values: [['0123']], numberFormat: '@' },
        { row: 4, col: 0, values: [["'=x"]] },
        { row: 5, col: 3, values: [["'1"]] },
      ],
    });
    expect(textCheckColumns(w)).toEqual([0, 3]);
  });
});

describe('unescapeTextCells', () => {
  it('unescapes only where the cell is Text now, mapping final rows past deletions and appended rows to the last row kept', () => {
    const w = write({
      deleteRows: [1],
      appendCount: 1,
      finalRowCount: 4,
      runs: [{ row: 0, col: 0, values: [["'a1"], ["'b2"], ["'c3"], ["'d4"]] }],
    });
    // Rows now: 0 Text, 1 General (deleted), 2 General, 3 Text; final 0→0, 1→2, 2→3, 3 (appended)→3.
    const out = unescapeTextCells(w, new Map([[0, ['@', 'General', 'General', '@']]]));
    expect(out.runs[0].values).toEqual([['a1'], ["'b2"], ['c3'], ['d4']]);
    expect(out.deleteRows).toEqual([1]);
  });

  it('leaves runs with a format of their own, unescaped strings and unchecked columns as they are', () => {
    const runs = [
      { row: 0, col: 0, values: [["'7"]], numberFormat: '0.0' },
      { row: 0, col: 1, values: [['x'], [5]] },
      { row: 0, col: 2, values: [["'9"]] },
    ];
    const w = write({ runs, finalRowCount: 2 });
    const out = unescapeTextCells(w, new Map([[0, ['@', '@']], [1, ['@', '@']]]));
    expect(out.runs).toEqual(runs);
    expect(unescapeTextCells(w, new Map())).toBe(w);
  });
});

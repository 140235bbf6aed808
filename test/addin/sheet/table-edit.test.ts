import { TableEdit } from '../../../addin/sheet/table-edit';

const body = [
  ['a', 1, ''],
  ['b', 2, ''],
  ['c', 3, ''],
  ['d', 4, ''],
];

describe('TableEdit', () => {
  it('never deletes every row (an Excel table keeps one): the first row takes the first new row, or blanks', () => {
    const replaced = new TableEdit('T', 3, body);
    for (let r = 0; r < 4; r++) replaced.remove(r);
    const a = replaced.append();
    replaced.set(a, 0, 'n1');
    const b = replaced.append();
    replaced.set(b, 1, 7);
    const w = replaced.toWrite();
    expect(w).toMatchObject({ deleteRows: [1, 2, 3], appendCount: 1, finalRowCount: 2 });
    expect(w.runs).toEqual([
      { row: 0, col: 0, values: [["'n1"]] },
      { row: 0, col: 1, values: [[''], [7]] },
      { row: 0, col: 2, values: [['']] },
    ]);
    expect(replaced.finalIndex(a)).toBe(0);
    expect(replaced.finalIndex(b)).toBe(1);
    const emptied = new TableEdit('T', 3, body);
    for (let r = 0; r < 4; r++) emptied.remove(r);
    expect(emptied.toWrite()).toMatchObject({ deleteRows: [1, 2, 3], appendCount: 0, finalRowCount: 1 });
    // Only the add-in's columns of the kept row are blanked: column 2 is the user's (a formula).
    const owned = new TableEdit('T', 3, body, new Map(), undefined, new Set([0, 1]));
    for (let r = 0; r < 4; r++) owned.remove(r);
    expect(owned.toWrite().runs.map((r) => r.col)).toEqual([0, 1]);
  });

  it('writes strings verbatim with the text format into a text-formatted column', () => {
    const e = new TableEdit('T', 3, body, new Map([[0, '@']]));
    e.set(0, 0, '007');
    e.set(1, 0, '=x');
    e.set(2, 1, '007');
    expect(e.toWrite().runs).toEqual([
      { row: 0, col: 0, values: [['007'], ['=x']], numberFormat: '@' },
      { row: 2, col: 1, values: [["'007"]] },
    ]);
  });

  it('writes only changed cells, as runs of consecutive rows per column, escaped', () => {
    const e = new TableEdit('T', 3, body, new Map([[1, '0.0']]));
    e.set(0, 2, 'x');
    e.set(1, 2, '=y');
    e.set(3, 2, 'z');
    e.set(2, 0, 'c'); // same value: not a change
    e.set(2, 1, 30);
    const w = e.toWrite();
    expect(w.deleteRows).toEqual([]);
    expect(w.appendCount).toBe(0);
    expect(w.runs).toEqual([
      { row: 2, col: 1, values: [[30]], numberFormat: '0.0' },
      { row: 0, col: 2, values: [['x'], ["'=y"]] },
      { row: 3, col: 2, values: [['z']] },
    ]);
  });

  it('indexes runs in the final body after removals and appends', () => {
    const e = new TableEdit('T', 3, body);
    e.remove(1);
    const added = e.append();
    e.set(added, 0, 'e');
    e.set(3, 0, 'D');
    expect(e.finalIndex(3)).toBe(2);
    expect(e.finalIndex(1)).toBe(-1);
    const w = e.toWrite();
    expect(w.deleteRows).toEqual([1]);
    expect(w.appendCount).toBe(1);
    expect(w.finalRowCount).toBe(4);
    expect(w.runs).toEqual([{ row: 2, col: 0, values: [['D'], ['e']] }]);
    expect(e.finalRows().map((r) => r[0])).toEqual(['a', 'c', 'D', 'e']);
  });

  it('reuses the blank row of a new table before appending', () => {
    const e = new TableEdit('T', 2, [['', '']]);
    const first = e.append();
    const second = e.append();
    expect(first).toBe(0);
    expect(second).toBe(1);
    e.set(first, 0, 'x');
    e.set(second, 0, 'y');
    const w = e.toWrite();
    expect(w.appendCount).toBe(1);
    expect(w.runs).toEqual([{ row: 0, col: 0, values: [['x'], ['y']] }]);
  });

  it('does not write a cell set back to the value it was read with', () => {
    const e = new TableEdit('T', 3, body);
    e.set(1, 2, 'tạm');
    e.set(1, 2, '');
    e.set(2, 0, 'x');
    e.set(2, 0, 'c');
    expect(e.changed).toBe(false);
    expect(e.toWrite().runs).toEqual([]);
    expect(e.cell(1, 2)).toBe('');
  });

  it('reports no change when nothing was touched', () => {
    expect(new TableEdit('T', 3, body).changed).toBe(false);
    expect(new TableEdit('T', 3, body).toWrite().runs).toEqual([]);
  });
});

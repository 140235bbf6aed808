import { relocate } from '../../../addin/sheet/relocate';
import { TableEdit } from '../../../addin/sheet/table-edit';

/** Rows [id, value]; the id column is 0. */
const body = (ids: string[]): unknown[][] => ids.map((id) => [id, `v-${id}`]);

describe('relocate', () => {
  it('leaves the write as planned when the id column did not change (rows without ids included)', () => {
    const edit = new TableEdit('T', 2, body(['a', '', 'c']), new Map(), 0);
    edit.set(1, 1, 'new');
    const w = edit.toWrite();
    expect(relocate(w, w.keys!, ['a', '', 'c'])).toEqual({ write: w, lost: 0 });
  });

  it('follows each row by its id through a sort, an insert and a delete; appended rows go at the end', () => {
    const edit = new TableEdit('T', 2, body(['a', 'b', 'c', 'd']), new Map(), 0);
    edit.set(0, 1, 'A');
    edit.set(2, 1, 'C');
    edit.remove(1);
    edit.set(edit.append(), 0, 'e');
    const w = edit.toWrite();
    // Meanwhile: sorted descending, a blank row inserted on top, 'd' deleted.
    const { write, lost } = relocate(w, w.keys!, ['', 'c', 'b', 'a']);
    expect(lost).toBe(0);
    expect(write.deleteRows).toEqual([2]);
    expect(write.appendCount).toBe(1);
    // After deleting 'b' (row 2): ['', 'c', 'a'] then the new row at 3.
    expect(write.runs).toEqual([
      { row: 3, col: 0, values: [['e']] },
      { row: 1, col: 1, values: [['C'], ['A']] },
    ]);
    expect(write.finalRowCount).toBe(4);
  });

  it('drops the writes of rows whose id is gone, and of rows without an id once ids moved', () => {
    const edit = new TableEdit('T', 2, body(['a', '', 'c']), new Map(), 0);
    edit.set(0, 1, 'A');
    edit.set(1, 1, 'B');
    edit.set(2, 1, 'C');
    const w = edit.toWrite();
    const { write, lost } = relocate(w, w.keys!, ['c', '']);
    expect(lost).toBe(2);
    expect(write.runs).toEqual([{ row: 0, col: 1, values: [['C']] }]);
  });

  it('finds rows by ids written after the read (assumed, not written again)', () => {
    const edit = new TableEdit('T', 2, body(['', '']), new Map(), 0);
    edit.assume(0, 0, 'n1');
    edit.assume(1, 0, 'n2');
    edit.set(0, 1, 'one');
    const w = edit.toWrite();
    expect(w.runs).toEqual([{ row: 0, col: 1, values: [['one']] }]);
    expect(relocate(w, w.keys!, ['n2', 'x', 'n1']).write.runs).toEqual([{ row: 2, col: 1, values: [['one']] }]);
  });
});

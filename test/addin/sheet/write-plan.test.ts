import { batchOps, opBytes, writeOps } from '../../../addin/sheet/write-plan';
import type { TableWrite } from '../../../addin/sheet/table-edit';

const write = (w: Partial<TableWrite>): TableWrite => ({ table: 'T', deleteRows: [], appendCount: 0, runs: [], finalRowCount: 0, ...w });

describe('writeOps', () => {
  it('deletes bottom-up in contiguous runs, then appends, then writes runs', () => {
    const ops = writeOps(write({ deleteRows: [1, 2, 5, 3, 9], appendCount: 2, runs: [{ row: 0, col: 1, values: [['a']] }] }), 4);
    expect(ops).toEqual([
      { kind: 'delete', table: 'T', top: 9, count: 1, width: 4 },
      { kind: 'delete', table: 'T', top: 5, count: 1, width: 4 },
      { kind: 'delete', table: 'T', top: 1, count: 3, width: 4 },
      { kind: 'append', table: 'T', count: 2, width: 4 },
      { kind: 'run', table: 'T', row: 0, col: 1, values: [['a']] },
    ]);
  });

  it('cuts a run and an append that are over the limit into pieces within it, covering every row once', () => {
    const values = Array.from({ length: 1000 }, (_, i) => [`giá trị ${i}`]);
    const ops = writeOps(write({ appendCount: 5000, runs: [{ row: 10, col: 2, values, numberFormat: '@' }] }), 20, 10_000);
    for (const op of ops) expect(opBytes(op)).toBeLessThanOrEqual(10_000);
    const appends = ops.filter((o) => o.kind === 'append');
    expect(appends.reduce((n, o) => n + (o.kind === 'append' ? o.count : 0), 0)).toBe(5000);
    const runs = ops.filter((o) => o.kind === 'run');
    expect(runs.length).toBeGreaterThan(1);
    expect(runs.flatMap((o) => (o.kind === 'run' ? o.values : []))).toEqual(values);
    let row = 10;
    for (const o of runs) {
      if (o.kind !== 'run') continue;
      expect(o).toMatchObject({ row, col: 2, numberFormat: '@' });
      row += o.values.length;
    }
  });
});

describe('batchOps', () => {
  it('groups operations in order into batches within the limit', () => {
    const ops = writeOps(write({ runs: Array.from({ length: 10 }, (_, c) => ({ row: 0, col: c, values: Array.from({ length: 50 }, () => ['xxxxxxxxxx']) })) }), 10);
    const batches = batchOps(ops, 2000);
    expect(batches.flat()).toEqual(ops);
    for (const b of batches) expect(b.reduce((n, o) => n + opBytes(o), 0)).toBeLessThanOrEqual(2000);
    expect(batchOps(ops)).toHaveLength(1);
  });
});

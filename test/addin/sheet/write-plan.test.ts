import { writeTables } from '../../../addin/excel/adapter';
import type { TableWrite } from '../../../addin/sheet/table-edit';
import { batchOps, opBytes, REQUEST_BYTES, writeOps, type WriteOp } from '../../../addin/sheet/write-plan';
import { ExcelHost } from '../../office-host/host';

const write = (w: Partial<TableWrite>): TableWrite => ({ table: 'T', deleteRows: [], appendCount: 0, runs: [], finalRowCount: 0, ...w });
const blocks = (ops: WriteOp[]) => ops.filter((o): o is Extract<WriteOp, { kind: 'block' }> => o.kind === 'block');

describe('writeOps', () => {
  it('deletes bottom-up in contiguous runs, then appends, then writes blocks', () => {
    const ops = writeOps(write({ deleteRows: [1, 2, 5, 3, 9], appendCount: 2, runs: [{ row: 0, col: 1, values: [['a']] }] }), 4);
    expect(ops).toEqual([
      { kind: 'delete', table: 'T', top: 9, count: 1, width: 4 },
      { kind: 'delete', table: 'T', top: 5, count: 1, width: 4 },
      { kind: 'delete', table: 'T', top: 1, count: 3, width: 4 },
      { kind: 'append', table: 'T', count: 2, width: 4 },
      { kind: 'block', table: 'T', row: 0, col: 1, values: [['a']] },
    ]);
  });

  it('writes scattered changed rows as one block, null where a cell stays as it is, formats alongside', () => {
    const runs = [
      { row: 0, col: 1, values: [['a0']] },
      { row: 0, col: 3, values: [['b0'], ['b1']], numberFormat: '@' },
      { row: 4, col: 1, values: [['a4']] },
    ];
    const ops = writeOps(write({ runs }), 6);
    expect(ops).toEqual([
      {
        kind: 'block',
        table: 'T',
        row: 0,
        col: 1,
        values: [['a0', null, 'b0'], [null, null, 'b1'], [null, null, null], [null, null, null], ['a4', null, null]],
        numberFormat: [[null, null, '@'], [null, null, '@'], [null, null, null], [null, null, null], [null, null, null]],
      },
    ]);
  });

  it('starts a new block when the unchanged rows between cost more than a new range', () => {
    const ops = writeOps(write({ runs: [{ row: 0, col: 0, values: [['a']] }, { row: 500, col: 0, values: [['b']] }] }), 20);
    expect(blocks(ops).map((b) => [b.row, b.values.length])).toEqual([[0, 1], [500, 1]]);
  });

  it('cuts blocks and appends that are over the limit into pieces within it, covering every row once', () => {
    const values = Array.from({ length: 1000 }, (_, i) => [`giá trị ${i}`]);
    const ops = writeOps(write({ appendCount: 5000, runs: [{ row: 10, col: 2, values, numberFormat: '@' }] }), 20, 10_000);
    for (const op of ops) expect(opBytes(op) + REQUEST_BYTES.base).toBeLessThanOrEqual(10_000);
    const appends = ops.filter((o) => o.kind === 'append');
    expect(appends.reduce((n, o) => n + (o.kind === 'append' ? o.count : 0), 0)).toBe(5000);
    const parts = blocks(ops);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.flatMap((o) => o.values)).toEqual(values);
    let row = 10;
    for (const o of parts) {
      expect(o).toMatchObject({ row, col: 2 });
      expect(o.numberFormat).toEqual(o.values.map(() => ['@']));
      row += o.values.length;
    }
  });
});

describe('batchOps', () => {
  it('groups operations in order into batches within the limit', () => {
    const ops = writeOps(write({ runs: Array.from({ length: 10 }, (_, c) => ({ row: c * 100, col: c, values: Array.from({ length: 50 }, () => ['xxxxxxxxxx']) })) }), 10);
    const batches = batchOps(ops, 6000);
    expect(batches.flat()).toEqual(ops);
    for (const b of batches) expect(b.reduce((n, o) => n + opBytes(o), REQUEST_BYTES.base)).toBeLessThanOrEqual(6000);
    expect(batchOps(ops)).toHaveLength(1);
  });
});

describe('the estimates against the requests office.js really sends (emulated host)', () => {
  const WIDTH = 18;
  async function hostWithTable(rows: number): Promise<ExcelHost> {
    const excel = new ExcelHost();
    await excel.runExcel(async (ctx) => {
      const sheet = ctx.workbook.worksheets.add('Đi cơ sở');
      sheet.getRangeByIndexes(0, 0, 1, WIDTH).values = [Array.from({ length: WIDTH }, (_, j) => `Cột ${j}`)];
      sheet.tables.add(`'Đi cơ sở'!A1:R${rows + 1}`, true).name = 'T';
      await ctx.sync();
    });
    return excel;
  }

  /** Each sync's measured request against the planner's estimate for its batch. */
  async function compare(w: TableWrite, rows: number, maxBytes: number): Promise<{ measured: number; estimated: number }[]> {
    const excel = await hostWithTable(rows);
    const batches = batchOps(writeOps(w, WIDTH, maxBytes), maxBytes);
    const from = excel.syncCount;
    await writeTables(excel, [w], new Map([['T', WIDTH]]), maxBytes);
    // The first sync finds the rows again by their ids; then one per batch.
    const syncs = excel.syncsSince(from).slice(1);
    expect(syncs).toHaveLength(batches.length);
    return syncs.map((s, i) => ({ measured: s.bytes, estimated: batches[i].reduce((n, o) => n + opBytes(o), REQUEST_BYTES.base) }));
  }

  const text = (r: number, c: number): string => `Xã Phước Hưng ${r}-${c} — kiểm tra`;

  it.each([
    ['scattered one-cell changes, one every other row', write({ runs: Array.from({ length: 300 }, (_, i) => ({ row: i * 2, col: i % WIDTH, values: [[text(i, 0)]] })) }), 700, 4_000_000],
    ['scattered status columns with formats', write({ runs: [14, 15, 16].flatMap((c) => Array.from({ length: 200 }, (_, i) => ({ row: i * 2, col: c, values: [[text(i, c)]], numberFormat: '@' }))) }), 500, 4_000_000],
    ['far apart changes in many small batches', write({ runs: Array.from({ length: 60 }, (_, i) => ({ row: i * 40, col: 3, values: [[text(i, 3)]] })) }), 2500, 5_000],
    ['whole new rows, dense', write({ appendCount: 1200, runs: Array.from({ length: WIDTH }, (_, c) => ({ row: 10, col: c, values: Array.from({ length: 1200 }, (_, r) => [text(r, c)]) })) }), 10, 400_000],
    ['deletions', write({ deleteRows: Array.from({ length: 40 }, (_, i) => i * 3) }), 200, 4_000_000],
  ])('%s: each estimate bounds the measured request, within 60 %%', async (_name, w, rows, maxBytes) => {
    for (const { measured, estimated } of await compare(w, rows, maxBytes)) {
      expect(measured).toBeLessThanOrEqual(estimated);
      expect(estimated).toBeLessThanOrEqual(measured * 1.6 + 2000);
      expect(measured).toBeLessThanOrEqual(maxBytes);
    }
  });
});

import { chunkRows, jsonBytes } from '../../../addin/sheet/chunk';

describe('chunkRows', () => {
  const rows = Array.from({ length: 5000 }, (_, i) => ({ ref: i, id: `id-${i}`, description: 'x'.repeat(200) }));

  it('keeps order and splits on the row limit', () => {
    const chunks = chunkRows(rows, { maxRows: 2000, maxBytes: 10 * 1024 * 1024 });
    expect(chunks.map((c) => c.length)).toEqual([2000, 2000, 1000]);
    expect(chunks.flat()).toEqual(rows);
  });

  it('keeps every request body under the byte limit', () => {
    const limits = { maxRows: 5000, maxBytes: 100_000 };
    const chunks = chunkRows(rows, limits);
    expect(chunks.length).toBeGreaterThan(10);
    for (const c of chunks) expect(jsonBytes({ rows: c })).toBeLessThanOrEqual(limits.maxBytes);
    expect(chunks.flat()).toHaveLength(5000);
  });

  it('counts UTF-8 bytes, not characters', () => {
    const viet = Array.from({ length: 100 }, () => ({ t: 'Đường'.repeat(100) }));
    for (const c of chunkRows(viet, { maxRows: 1000, maxBytes: 20_000 })) expect(jsonBytes({ rows: c })).toBeLessThanOrEqual(20_000);
  });

  it('refuses a single row above the limit with a Vietnamese message', () => {
    expect(() => chunkRows([{ t: 'x'.repeat(2000) }], { maxRows: 10, maxBytes: 1000 })).toThrow(/quá lớn/);
  });

  it('has defaults under the API limits (5,000 rows, 4 MiB)', () => {
    const big = Array.from({ length: 3000 }, (_, i) => ({ ref: i, d: 'y'.repeat(1500) }));
    for (const c of chunkRows(big)) {
      expect(c.length).toBeLessThanOrEqual(5000);
      expect(jsonBytes({ rows: c })).toBeLessThan(4 * 1024 * 1024);
    }
  });
});

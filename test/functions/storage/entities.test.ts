import { auditEntity, auditEntityToRows, entityToStoredRow, getJson, putJson, rowEntity, CHUNK_CHARS } from '../../../functions/storage/entities';
import { auditRowKey, compactInstant, recordsPartition, rowKey } from '../../../functions/storage/keys';

describe('storage keys', () => {
  it('builds keys only from [A-Za-z0-9_-]', () => {
    expect(recordsPartition('demo-1', 'trips')).toBe('demo-1_trips');
    expect(rowKey('abc-1_2')).toBe('r_abc-1_2');
    expect(() => rowKey("a' or 1 eq 1")).toThrow();
    expect(() => recordsPartition('Demo', 'trips')).toThrow();
    expect(() => rowKey('a/b')).toThrow();
  });
  it('orders audit keys by time', () => {
    const at = new Date('2025-03-04T05:06:07.089Z');
    expect(compactInstant(at)).toBe('20250304050607089');
    expect(auditRowKey(at, 'ff01')).toBe('a_20250304050607089_ff01');
    expect(auditRowKey(new Date('2025-03-04T05:06:07.090Z'), '00') > auditRowKey(at, 'ff')).toBe(true);
  });
});

describe('entity converters', () => {
  it('round-trips a record and the deleted marker', () => {
    const record = { id: 't1', cadreId: 'CB01', contents: ['kiem_tra'], cost: 1_500_000_000_000, description: 'Mô tả "trích dẫn"' };
    const e = rowEntity('demo_trips', 't1', record, true);
    expect(e).toMatchObject({ partitionKey: 'demo_trips', rowKey: 'r_t1', deleted: true });
    expect(entityToStoredRow({ ...e, etag: 'W/"1"' })).toEqual({ id: 't1', record, version: 'W/"1"', deleted: true });
  });
  it('splits long JSON into property chunks under the 64 KiB limit', () => {
    const target: Record<string, unknown> = {};
    const value = { text: 'ạ'.repeat(CHUNK_CHARS * 2 + 5) };
    putJson(target, 'data', value);
    expect(target.dataParts).toBe(3);
    for (const k of ['data', 'data_1', 'data_2']) expect((target[k] as string).length).toBeLessThanOrEqual(CHUNK_CHARS);
    expect(getJson(target, 'data')).toEqual(value);
  });
  it('keeps audit changes (gzipped) with who and when, and reads them back as rows', () => {
    const at = new Date('2025-12-31T05:00:00Z');
    const changes = [
      { kind: 'trips' as const, id: 't1', outcome: 'created' as const, old: null, new: { id: 't1' } },
      { kind: 'trips' as const, id: 't2', outcome: 'updated' as const, old: { a: 1 }, new: { a: 2 } },
    ];
    const e = auditEntity('demo_trips', at, '0001', 'Nguyễn A', changes);
    expect(e.rowKey).toBe('a_20251231050000000_0001');
    expect(e.changes).toBeInstanceOf(Uint8Array);
    expect(auditEntityToRows(e)).toEqual(changes.map((c) => ({ at: at.toISOString(), who: 'Nguyễn A', ...c })));
  });
});

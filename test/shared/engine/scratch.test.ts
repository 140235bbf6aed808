import { scratchInt32, scratchUint8 } from '../../../shared/engine/scratch';

describe('scratch arrays', () => {
  test('one array per name, reused while big enough, grown when not', () => {
    const a = scratchInt32('test.a', 100);
    expect(a.length).toBeGreaterThanOrEqual(100);
    expect(scratchInt32('test.a', 50)).toBe(a);
    const b = scratchInt32('test.a', a.length + 1);
    expect(b).not.toBe(a);
    expect(b.length).toBeGreaterThan(a.length);
    expect(scratchInt32('test.other', 10)).not.toBe(b);
    const u = scratchUint8('test.a', 10);
    expect(u).toBeInstanceOf(Uint8Array);
    expect(scratchUint8('test.a', 10)).toBe(u);
  });
});

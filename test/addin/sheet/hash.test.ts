import { canonicalCell, fnv1a64, rowHash } from '../../../addin/sheet/hash';

describe('hash', () => {
  it('computes FNV-1a 64 (reference vectors)', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('is stable and sensitive to each field', () => {
    const a = rowHash(['CB01', 'Xã A', 45717, '']);
    expect(rowHash(['CB01', 'Xã A', 45717, ''])).toBe(a);
    expect(rowHash(['CB01', 'Xã B', 45717, ''])).not.toBe(a);
    expect(rowHash(['CB01', 'Xã A', 45718, ''])).not.toBe(a);
    // Field boundaries matter: moving text between fields changes the hash.
    expect(rowHash(['ab', 'c'])).not.toBe(rowHash(['a', 'bc']));
  });

  it('treats empty forms, surrounding spaces, NFC forms and number/text digits alike', () => {
    expect(canonicalCell(null)).toBe(canonicalCell(''));
    expect(canonicalCell('  x ')).toBe('x');
    expect(rowHash(['Xã'.normalize('NFD')])).toBe(rowHash(['Xã'.normalize('NFC')]));
    expect(rowHash([123])).toBe(rowHash(['123']));
  });
});

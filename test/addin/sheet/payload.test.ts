import { payloadBytes, SYNC_PAYLOAD_LIMIT } from '../../../addin/sheet/payload';

describe('payloadBytes', () => {
  it('is the JSON length with non-ASCII characters counted as \\uXXXX escapes', () => {
    expect(payloadBytes([['ab', 1]])).toBe('[["ab",1]]'.length);
    expect(payloadBytes('Đạt')).toBe('"Đạt"'.length + 2 * 5);
    expect(payloadBytes(undefined)).toBe(0);
  });

  it('keeps a margin under Excel on the web’s 5 MB', () => {
    expect(SYNC_PAYLOAD_LIMIT).toBeLessThan(5_000_000);
  });
});

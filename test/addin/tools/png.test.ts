import { inflateSync } from 'node:zlib';
import { drawIcon, ICON_SIZES } from '../../../addin/tools/make-icons';
import { crc32, encodePng } from '../../../addin/tools/png';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('icons', () => {
  it('computes the PNG CRC-32', () => {
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
  });

  it('encodes RGBA pixels that decode back', () => {
    const px = drawIcon(16);
    const png = encodePng(16, 16, px);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(16);
    const idatLen = png.readUInt32BE(33);
    expect(png.toString('ascii', 37, 41)).toBe('IDAT');
    const raw = inflateSync(png.subarray(41, 41 + idatLen));
    expect(raw.length).toBe(16 * (16 * 4 + 1));
    expect([...raw.subarray(1 + 8 * 4, 1 + 8 * 4 + 4)]).toEqual([...px.subarray(8 * 4, 8 * 4 + 4)]);
  });

  it('the committed icons have the sizes the manifest names', () => {
    for (const size of ICON_SIZES) {
      const png = readFileSync(join(__dirname, '..', '..', '..', 'addin', 'assets', `icon-${size}.png`));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
});

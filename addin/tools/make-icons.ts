/**
 * Writes the add-in's icons (addin/assets/icon-{16,20,24,32,40,48,64,80}.png): a Fluent-blue rounded
 * square with "1+2" in white. Node built-ins only (zlib for the PNG's deflate stream).
 * Run: `npx tsx addin/tools/make-icons.ts`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePng, type Rgba } from './png';

const BLUE: Rgba = [15, 108, 189, 255]; // Fluent brand #0F6CBD
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** 3×5 glyphs of "1", "+", "2". */
const GLYPHS: readonly string[][] = [
  ['010', '110', '010', '010', '111'],
  ['000', '010', '111', '010', '000'],
  ['110', '001', '010', '100', '111'],
];

export function drawIcon(size: number): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const radius = Math.max(2, Math.round(size / 6));
  const set = (x: number, y: number, c: Rgba): void => px.set(c, (y * size + x) * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const cx = Math.min(x, size - 1 - x);
      const cy = Math.min(y, size - 1 - y);
      const inCorner = cx < radius && cy < radius;
      const d = Math.hypot(radius - cx - 0.5, radius - cy - 0.5);
      set(x, y, inCorner && d > radius ? CLEAR : BLUE);
    }
  }
  // 3 glyphs of 3 columns with 1 column gaps = 11 columns, 5 rows; scale to fit ~80% width.
  const scale = Math.max(1, Math.floor((size * 0.84) / 11));
  const width = 11 * scale;
  const height = 5 * scale;
  const ox = Math.floor((size - width) / 2);
  const oy = Math.floor((size - height) / 2);
  GLYPHS.forEach((glyph, g) => {
    glyph.forEach((row, ry) => {
      [...row].forEach((bit, rx) => {
        if (bit !== '1') return;
        for (let dy = 0; dy < scale; dy++)
          for (let dx = 0; dx < scale; dx++) set(ox + (g * 4 + rx) * scale + dx, oy + ry * scale + dy, WHITE);
      });
    });
  });
  return px;
}

/** The ribbon's sizes (16, 32, 80 required; 20, 24, 40, 48, 64 for high-DPI screens); 32 and 64 also the add-in's icons. */
export const ICON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80] as const;

if (require.main === module) {
  for (const size of ICON_SIZES) {
    const file = join(__dirname, '..', 'assets', `icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, drawIcon(size)));
    console.log(`wrote ${file}`);
  }
}

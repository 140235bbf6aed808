/** A1 addresses for the emulated host: parsing (with or without a sheet) and formatting as Excel does. */
import { columnLetters } from '../../addin/sheet/address';

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** A block of cells, 0-based. */
export interface Block {
  r: number;
  c: number;
  rows: number;
  cols: number;
}

function colIndex(text: string): number {
  let n = 0;
  for (const ch of text.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Splits `'Sheet name'!A1:B2` into the sheet (unquoted) and the local address. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: null, local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

/** `A1`, `$A$1:C3`, `A:C`, `2:5` → a block; an empty address is the whole sheet. Null when not an address. */
export function parseLocal(local: string): Block | null {
  const a = local.replace(/\$/g, '').trim();
  if (!a) return { r: 0, c: 0, rows: MAX_ROWS, cols: MAX_COLS };
  const [p, q = p] = a.split(':');
  const cell = /^([A-Z]{1,3})(\d+)$/i;
  const col = /^([A-Z]{1,3})$/i;
  const row = /^(\d+)$/;
  const m1 = cell.exec(p);
  const m2 = cell.exec(q);
  if (m1 && m2) {
    const [r1, r2] = [Number(m1[2]) - 1, Number(m2[2]) - 1].sort((x, y) => x - y);
    const [c1, c2] = [colIndex(m1[1]), colIndex(m2[1])].sort((x, y) => x - y);
    if (r1 < 0 || r2 >= MAX_ROWS || c2 >= MAX_COLS) return null;
    return { r: r1, c: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 };
  }
  if (col.test(p) && col.test(q)) {
    const [c1, c2] = [colIndex(p), colIndex(q)].sort((x, y) => x - y);
    return { r: 0, c: c1, rows: MAX_ROWS, cols: c2 - c1 + 1 };
  }
  if (row.test(p) && row.test(q)) {
    const [r1, r2] = [Number(p) - 1, Number(q) - 1].sort((x, y) => x - y);
    return { r: r1, c: 0, rows: r2 - r1 + 1, cols: MAX_COLS };
  }
  return null;
}

/** A sheet name as Excel writes it in an address: quoted when it holds anything but letters, digits, `_` and `.`. */
export function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Z]{1,3}\d+$/i.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function localAddress(b: Block): string {
  if (b.rows === MAX_ROWS) return `${columnLetters(b.c)}:${columnLetters(b.c + b.cols - 1)}`;
  if (b.cols === MAX_COLS) return `${b.r + 1}:${b.r + b.rows}`;
  const a = `${columnLetters(b.c)}${b.r + 1}`;
  const z = `${columnLetters(b.c + b.cols - 1)}${b.r + b.rows}`;
  return a === z ? a : `${a}:${z}`;
}

export function fullAddress(sheet: string, b: Block): string {
  return `${quoteSheet(sheet)}!${localAddress(b)}`;
}

export function intersects(a: Block, b: Block): boolean {
  return a.r < b.r + b.rows && b.r < a.r + a.rows && a.c < b.c + b.cols && b.c < a.c + a.cols;
}

export function contains(outer: Block, inner: Block): boolean {
  return inner.r >= outer.r && inner.c >= outer.c && inner.r + inner.rows <= outer.r + outer.rows && inner.c + inner.cols <= outer.c + outer.cols;
}

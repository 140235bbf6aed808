/**
 * `matchKey` of shared/normalize.ts, fast for the text unit names are written in (Latin and
 * Vietnamese letters, combining marks): a table of each character's key, made once at load
 * from `matchKey` itself. Any other character makes the whole text go through `matchKey`.
 *
 * Why per character is exact here: NFD decomposes each character on its own and reorders only
 * combining marks (canonical class ≠ 0), which are then removed; every character of these
 * ranges that is not a mark has canonical class 0; `đ`/`Đ` → `d`, whitespace and `_` removal
 * work per character; and lower-casing has no context rule in these ranges (the final-sigma
 * rule is Greek; `İ` is decomposed before it).
 */
import { matchKey } from '../normalize';

/** [from, to) code-unit ranges covered by the table. */
const RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x0250], // Basic Latin … Latin Extended-B
  [0x0300, 0x0370], // combining diacritical marks
  [0x1e00, 0x1f00], // Latin Extended Additional (Vietnamese precomposed letters)
];

const TABLE_SIZE = 0x1f00;
/** The character's key when it is one code unit. */
const REMOVED = -1;
/** Not in the table (or a key longer than one code unit): the text takes matchKey. */
const OTHER = -2;
const TABLE = new Int32Array(TABLE_SIZE).fill(OTHER);
for (const [from, to] of RANGES) {
  for (let c = from; c < to; c++) {
    const key = matchKey(String.fromCharCode(c));
    TABLE[c] = key.length === 0 ? REMOVED : key.length === 1 ? key.charCodeAt(0) : OTHER;
  }
}

/** The key's code units, reused from call to call. */
const units: number[] = [];

/** Exactly `matchKey(text)`. */
export function unitKey(text: string): string {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const k = c < TABLE_SIZE ? TABLE[c] : OTHER;
    if (k >= 0) units[n++] = k;
    else if (k === OTHER) return matchKey(text);
  }
  units.length = n;
  return String.fromCharCode.apply(null, units);
}

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
/** Key of each character of RANGES; undefined outside them. */
const TABLE: (string | undefined)[] = new Array<string | undefined>(TABLE_SIZE).fill(undefined);
for (const [from, to] of RANGES) {
  for (let c = from; c < to; c++) TABLE[c] = matchKey(String.fromCharCode(c));
}

/** Exactly `matchKey(text)`. */
export function unitKey(text: string): string {
  let key = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const part = c < TABLE_SIZE ? TABLE[c] : undefined;
    if (part === undefined) return matchKey(text);
    key += part;
  }
  return key;
}

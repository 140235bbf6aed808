/**
 * The matching key of rules.md for categories, unit names and labels: Unicode NFD, combining
 * marks removed, `đ`/`Đ` → `d`, lower case, whitespace and `_` removed.
 * `Kiem tra, giam sat` and `Kiểm tra, giám sát` share a key; so do `kiem_tra` and `Kiem tra`.
 */
export function matchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s_]/g, '');
}

/** Trimmed, NFC-normalised text. */
export function cleanText(text: string): string {
  return text.normalize('NFC').trim();
}

/** Length in Unicode code points (after NFC, as rules.md counts). */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

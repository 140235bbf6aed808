/**
 * Content hashing of a row's user fields: FNV-1a 64-bit over a canonical text, in pure
 * TypeScript (the pane runs in a browser, without node's crypto). Stable across column order:
 * the caller passes values in the spec's field order.
 */

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

/** FNV-1a 64 of the UTF-8 bytes of `text`, as 16 hex digits. */
export function fnv1a64(text: string): string {
  let h = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= BigInt(byte);
    h = (h * FNV_PRIME) & MASK;
  }
  return h.toString(16).padStart(16, '0');
}

/**
 * A cell value as the hash sees it: empty forms agree, text trimmed and NFC, and a number
 * equals its digits as text (Excel may give back `123` for the text `123` and vice versa).
 */
export function canonicalCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return String(value).normalize('NFC').trim();
}

export function rowHash(values: readonly unknown[]): string {
  return fnv1a64(values.map(canonicalCell).join('\u001f'));
}

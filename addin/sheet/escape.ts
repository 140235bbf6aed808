/**
 * Strings written into cells are data, never formulas, and stay the text they are. Excel
 * parses what is written as if it were typed: `=…`, `+…`, `-…`, `@…` become formulas, and
 * digits become numbers, dates or times in many forms (`01`, `3/5`, `3-5`, `1e5`, `(5)`, `$5`,
 * `5 Mar`, `Mar 2025`…), `TRUE`/`FALSE` booleans, `#N/A` errors. Rather than follow every form
 * Excel reads, a string is written with a leading apostrophe — a text prefix Excel keeps out of
 * the value — when it begins with `=`, `+`, `-`, `@`, `#` or `'`, contains a digit, or is a
 * boolean word. Other text (names, labels, statuses without figures) cannot be read as
 * anything but text and is written as it is. Numbers and booleans are written as they are.
 * Cells formatted as text (`@`) take strings verbatim and are written without the apostrophe:
 * the add-in's own Text columns (see `TableEdit`) and the user's (see text-cells.ts).
 */

const FORMULA_START = /^[=+\-@]/;
const NEEDS_PREFIX = /^\s*[=+\-@#']|\d|^\s*(true|false)\s*$/i;
export type CellValue = string | number | boolean;

export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text);
}

/** The value to put into `Range.values` so that Excel stores exactly `value` as data. */
export function escapeCell(value: CellValue | null | undefined): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return value;
  return NEEDS_PREFIX.test(value) ? `'${value}` : value;
}

/** The string `escapeCell` was given, from what it returned (a Text cell takes it as it is). */
export function unescapeCell<T>(value: T): T {
  return (typeof value === 'string' && value.startsWith("'") ? value.slice(1) : value) as T;
}

export function escapeMatrix(rows: readonly (readonly (CellValue | null | undefined)[])[]): CellValue[][] {
  return rows.map((r) => r.map(escapeCell));
}

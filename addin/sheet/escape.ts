/**
 * Strings written into cells are data, never formulas: a string beginning with `=`, `+`, `-`
 * or `@` is written with a leading apostrophe, which Excel keeps as a text prefix (the cell
 * shows and returns the text without it). So is a string Excel would otherwise turn into a
 * number, date or boolean (`01`, `3/5`, `1e5`, `TRUE`), so that text stays text — a content
 * hash such as `12345678e0123` included. Numbers and booleans are written as they are.
 * Cells formatted as text (`@`) take strings verbatim and are written without the apostrophe
 * (see `TableEdit`).
 */

const FORMULA_START = /^[=+\-@]/;
const COERCIBLE = /^(\s*[\d.,/:%\s]*\d[\d.,/:%\s]*|\s*[\d.,]*\d[\d.,]*e[-+]?\d+\s*|true|false)$/i;
export type CellValue = string | number | boolean;

export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text);
}

/** The value to put into `Range.values` so that Excel stores exactly `value` as data. */
export function escapeCell(value: CellValue | null | undefined): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return value;
  // A text that itself begins with an apostrophe would lose it as a prefix: double it.
  return isFormulaLike(value) || value.startsWith("'") || COERCIBLE.test(value) ? `'${value}` : value;
}

export function escapeMatrix(rows: readonly (readonly (CellValue | null | undefined)[])[]): CellValue[][] {
  return rows.map((r) => r.map(escapeCell));
}

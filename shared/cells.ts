/**
 * Sheet and request values to domain values: blank detection, numbers in Vietnamese sheet
 * forms, booleans (`Có`/`Không`, `x`, `1`/`0`, `TRUE`/`FALSE`), and trimmed NFC text with
 * limits in code points. Pure functions; every parser returns `null` when the value does not
 * parse, and the caller turns that into a coded error.
 */
import { cleanText, codePointLength, matchKey } from './normalize';

/** `undefined`, `null`, or a string with nothing but spaces: "not given". */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Spaces that may group thousands: space, no-break space, narrow no-break space. */
const GROUP_SPACE = '[ \\u00A0\\u202F]';
const SIGN = '([-+\\u2212]?)';
/** `1.500.000` or `1.500.000,5`: `.` groups thousands, `,` is then the decimal mark. */
const DOT_GROUPED = new RegExp(`^${SIGN}(\\d{1,3}(?:\\.\\d{3})+)(?:,(\\d+))?$`);
/** `1 500 000`, `1 500 000,5` or `1 500 000.5`. */
const SPACE_GROUPED = new RegExp(`^${SIGN}(\\d{1,3}(?:${GROUP_SPACE}\\d{3})+)(?:[.,](\\d+))?$`);
/** `1500`, `1,5`, `1.5`, `,5`. */
const PLAIN = new RegExp(`^${SIGN}(\\d*)(?:[.,](\\d+))?$`);

/**
 * A number from a number or from text (rules.md): a `.` or a space followed by exactly three
 * digits groups thousands (`1.500.000`, `1 500 000`); otherwise `,` or `.` is the decimal mark
 * (`1,5`, `1.5`). A leading `-`/`+` sign is allowed. Grouping needs the usual shape (1–3 digits,
 * then groups of three), so `12345.678` is 12345.678. Null when it does not parse.
 */
export function parseNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const m = DOT_GROUPED.exec(text) ?? SPACE_GROUPED.exec(text) ?? PLAIN.exec(text);
  if (!m) return null;
  const whole = m[2].replace(/\D/g, '');
  const fraction = m[3] ?? '';
  if (whole === '' && fraction === '') return null;
  const n = Number(`${whole || '0'}.${fraction || '0'}`);
  if (!Number.isFinite(n)) return null;
  return m[1] === '-' || m[1] === '\u2212' ? -n : n;
}

const TRUE_WORDS = new Set(['true', 'co', 'x', '1']);
const FALSE_WORDS = new Set(['false', 'khong', '0']);

/**
 * A boolean: `true`/`false`; the numbers 1/0; text `true`/`false`, `Có`/`Không` (any case, with
 * or without diacritics), `x` (true), `1`/`0`. Null when it does not parse.
 */
export function parseBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : null;
  if (typeof value !== 'string') return null;
  const key = matchKey(value);
  if (TRUE_WORDS.has(key)) return true;
  if (FALSE_WORDS.has(key)) return false;
  return null;
}

/**
 * Text from a string (trimmed, NFC) or a finite number (as written by `String`, for codes a
 * sheet stored as numbers). Null for anything else.
 */
export function parseText(value: unknown): string | null {
  if (typeof value === 'string') return cleanText(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** Whether text fits a limit counted in Unicode code points (after NFC). */
export function fitsLimit(text: string, limit: number): boolean {
  return codePointLength(text.normalize('NFC')) <= limit;
}

/** Whether `n` is a multiple of 0.5. */
export function isHalfStep(n: number): boolean {
  return Number.isFinite(n) && Number.isInteger(n * 2);
}

/** Text a sheet would read as a formula (leading `=`, `+`, `-` or `@`). */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}

/**
 * Text safe to write into an Excel cell as data: a leading `'` is added when the text would
 * otherwise be read as a formula (Excel does not show the apostrophe).
 */
export function asCellText(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

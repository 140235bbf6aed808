/**
 * How Excel stores a string written through `Range.values`: as typed input. Into a Text-formatted
 * (`@`) cell verbatim (an apostrophe included); elsewhere a leading `'` is a text prefix
 * (dropped), a leading `=`, `+`, `-` or `@` makes a formula, and text Excel reads as a number,
 * date, time, error or boolean is coerced (marked `coerced`, so tests can tell).
 */
import type { Cell } from './workbook';

const NUMBER_TEXT = /^\s*[-+]?(\d[\d,]*(\.\d*)?|\.\d+)(e[-+]?\d+)?%?\s*$/i;
const ACCOUNTING_TEXT = /^\s*(\(\s*[$€£¥₫]?\s*\d[\d,.]*\s*\)|[-+]?\s*[$€£¥₫]\s*\d[\d,.]*|[-+]?\d[\d,.]*\s*[$€£¥₫])\s*$/;
const DATE_TEXT = /^\s*\d{1,4}[/.-]\d{1,2}([/.-]\d{1,4})?\s*$/;
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*';
const MONTH_TEXT = new RegExp(`^\\s*(\\d{1,2}[\\s/-]+${MONTH}([\\s/-]+\\d{1,4})?|${MONTH}[\\s/-]+\\d{1,4}([\\s,/-]+\\d{1,4})?)\\s*$`, 'i');
const ERROR_TEXT = /^\s*#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!)\s*$/i;
const TIME_TEXT = /^\s*\d{1,2}:\d{2}(:\d{2})?\s*$/;

/** How Excel stores a string written into a cell with `numberFormat` (typed-input rules). */
export function excelInput(text: string, numberFormat: string): Pick<Cell, 'value' | 'formula' | 'coerced'> {
  if (numberFormat === '@') return { value: text, formula: null };
  if (text.startsWith("'")) return { value: text.slice(1), formula: null };
  const number = NUMBER_TEXT.test(text) ? Number(text.replace(/[,%\s]/g, '')) : NaN;
  // A number too large for Excel (1e400) stays text.
  if (Number.isFinite(number)) return { value: number, formula: null, coerced: true };
  if (/^[=+\-@]./s.test(text)) return { value: '#FORMULA', formula: text };
  if (ACCOUNTING_TEXT.test(text)) return { value: `#NUMBER(${text})`, formula: null, coerced: true };
  if (DATE_TEXT.test(text) || TIME_TEXT.test(text) || MONTH_TEXT.test(text)) return { value: `#DATE(${text})`, formula: null, coerced: true };
  if (ERROR_TEXT.test(text)) return { value: text.trim().toUpperCase(), formula: null, coerced: true };
  if (/^\s*(true|false)\s*$/i.test(text)) return { value: /true/i.test(text), formula: null, coerced: true };
  return { value: text, formula: null };
}

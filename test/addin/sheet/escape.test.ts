import fc from 'fast-check';
import { escapeCell, escapeMatrix, isFormulaLike, unescapeCell } from '../../../addin/sheet/escape';
import { ExcelHost } from '../../office-host/host';

describe('escapeCell', () => {
  it.each(['=SUM(A1:A3)', '+84 912 345 678', '-5', '@user', "'quoted"])('prefixes %s with an apostrophe', (text) => {
    expect(escapeCell(text)).toBe(`'${text}`);
  });

  it.each(['01', '3/5', '1.500.000', '12:30', 'TRUE', 'false', '12345678e0123', '1E5', '2.5e-3', ' 42 ', ' -0', '3-5', '(5)', '$5', '5 ₫', '5 Mar', 'Mar 2025', '#N/A', 'Xã 7'])('keeps %s as text (Excel would coerce it)', (text) => {
    expect(escapeCell(text)).toBe(`'${text}`);
  });

  it('leaves ordinary text, numbers and booleans alone', () => {
    expect(escapeCell('Xã An Bình')).toBe('Xã An Bình');
    expect(escapeCell('Đạt')).toBe('Đạt');
    expect(escapeCell(45658)).toBe(45658);
    expect(escapeCell(true)).toBe(true);
    expect(escapeCell(null)).toBe('');
    expect(escapeCell(undefined)).toBe('');
  });

  it('a content hash (16 hex digits) or a version always reads back as the same text', async () => {
    const excel = new ExcelHost({ sheets: [] });
    excel.addSheet('S');
    const hex = fc.stringMatching(/^[0-9a-f]{16}$/);
    const digitsAndE = fc.stringMatching(/^[0-9]{1,8}[eE][0-9]{1,3}$/);
    await fc.assert(
      fc.asyncProperty(fc.oneof(hex, digitsAndE), async (text) => {
        await excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('S').getRange('A1').values = escapeMatrix([[text]]);
          await ctx.sync();
        });
        expect(excel.at('S', 'A1')).toMatchObject({ value: text, formula: null });
        expect(excel.at('S', 'A1').coerced).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('recognises formula starts', () => {
    expect(isFormulaLike('=A1')).toBe(true);
    expect(isFormulaLike('a=1')).toBe(false);
  });

  it('any string written escaped reads back as the same text and never as a formula', async () => {
    const excel = new ExcelHost({ sheets: [] });
    excel.addSheet('S');
    await fc.assert(
      fc.asyncProperty(fc.oneof(
          fc.string({ maxLength: 20 }),
          fc.stringMatching(/^[-+=@ 0-9.,:/eE%()$₫#]{1,12}$/),
          fc.tuple(fc.constantFrom('', ' ', '1 ', '12-', 'ngày '), fc.constantFrom('Mar', 'jan', 'N/A', 'TRUE', '#REF!'), fc.constantFrom('', ' 5', '-2025', ', 2025')).map((p) => p.join('')),
        ), async (text) => {
        await excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('S').getRange('A1').values = escapeMatrix([[text]]);
          await ctx.sync();
        });
        const cell = excel.at('S', 'A1');
        expect(cell.formula).toBeNull();
        expect(cell.coerced).toBeUndefined();
        expect(cell.value).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});

describe('unescapeCell', () => {
  it('gives back the string escapeCell was given (what a Text cell then holds), and leaves other values', () => {
    fc.assert(fc.property(fc.string(), (text) => unescapeCell(escapeCell(text)) === text));
    expect(unescapeCell("''x")).toBe("'x");
    expect(unescapeCell(5)).toBe(5);
  });
});

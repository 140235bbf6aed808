/** The emulated host's print settings, merged cells and borders, through office.js itself. */
import { ExcelHost } from './host';
import { errorCode } from './error-code';

type Ctx = Excel.RequestContext;

describe('page layout on the emulated host', () => {
  it('records paper, orientation, margins, centring, zoom, print area, title rows and headers as set', async () => {
    const host = new ExcelHost();
    await host.runExcel(async (ctx: Ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Sheet1');
      const pl = sheet.pageLayout;
      pl.paperSize = 'A4';
      pl.orientation = 'Portrait';
      pl.leftMargin = 85;
      pl.topMargin = 57;
      pl.centerHorizontally = true;
      pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      pl.setPrintArea('A1:H40');
      pl.setPrintTitleRows('$4:$4');
      pl.headersFooters.state = 'FirstAndDefault';
      pl.headersFooters.defaultForAllPages.centerHeader = '&P';
      pl.headersFooters.firstPage.centerHeader = '';
      sheet.showGridlines = false;
      await ctx.sync();
      pl.load('paperSize,orientation,leftMargin,rightMargin');
      const titles = pl.getPrintTitleRowsOrNullObject();
      titles.load('address');
      await ctx.sync();
      expect([pl.paperSize, pl.orientation, pl.leftMargin, pl.rightMargin]).toEqual(['A4', 'Portrait', 85, 50.4]);
      expect(titles.address).toBe('Sheet1!4:4');
    });
    const layout = host.sheet('Sheet1').pageLayout;
    expect(layout.settings).toEqual({ paperSize: 'A4', orientation: 'Portrait', leftMargin: 85, topMargin: 57, centerHorizontally: true, zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    expect(layout.printArea).toBe('A1:H40');
    expect(layout.printTitleRows).toBe('$4:$4');
    expect(layout.headersFooters).toEqual({ state: 'FirstAndDefault', 'defaultForAllPages.centerHeader': '&P', 'firstPage.centerHeader': '' });
    expect(host.sheet('Sheet1').showGridlines).toBe(false);
  });

  it('takes a print area and title rows as ranges too, and the sheet’s own name in an address', async () => {
    const host = new ExcelHost();
    await host.runExcel(async (ctx: Ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Sheet1');
      sheet.pageLayout.setPrintArea(sheet.getRange('B2:C9'));
      sheet.pageLayout.setPrintTitleRows(sheet.getRange('2:3'));
      await ctx.sync();
      sheet.pageLayout.setPrintArea('Sheet1!A1:D5, F1:G5');
      await ctx.sync();
    });
    expect(host.sheet('Sheet1').pageLayout.printArea).toBe('A1:D5,F1:G5');
    expect(host.sheet('Sheet1').pageLayout.printTitleRows).toBe('$2:$3');
  });

  it('refuses what Excel refuses: unknown paper, bad orientation or margin, another sheet’s area, title cells that are not whole rows; a protected sheet', async () => {
    const host = new ExcelHost({ sheets: ['Sheet1', 'Other'] });
    const attempt = (f: (pl: Excel.PageLayout, sheet: Excel.Worksheet) => void) =>
      errorCode(
        host.runExcel(async (ctx: Ctx) => {
          const sheet = ctx.workbook.worksheets.getItem('Sheet1');
          f(sheet.pageLayout, sheet);
          await ctx.sync();
        }),
      );
    expect(await attempt((pl) => (pl.paperSize = 'A9' as Excel.PaperType))).toBe('InvalidArgument');
    expect(await attempt((pl) => (pl.orientation = 'Sideways' as Excel.PageOrientation))).toBe('InvalidArgument');
    expect(await attempt((pl) => (pl.leftMargin = -1))).toBe('InvalidArgument');
    expect(await attempt((pl) => (pl.zoom = { scale: 5 }))).toBe('InvalidArgument');
    expect(await attempt((pl) => pl.setPrintArea('Other!A1:B2'))).toBe('InvalidArgument');
    expect(await attempt((pl) => pl.setPrintArea('not an address'))).toBe('InvalidArgument');
    expect(await attempt((pl) => pl.setPrintTitleRows('A4:H4'))).toBe('InvalidArgument');
    expect(await attempt((pl) => (pl.headersFooters.state = 'Sometimes' as Excel.HeaderFooterState))).toBe('InvalidArgument');
    expect(host.sheet('Sheet1').pageLayout).toEqual({ settings: {}, printArea: null, printTitleRows: null, headersFooters: {} });
    host.protect('Sheet1');
    expect(await attempt((pl) => (pl.paperSize = 'A4'))).toBe('AccessDenied');
    expect(await attempt((pl) => pl.setPrintArea('A1:B2'))).toBe('AccessDenied');
  });
});

describe('merged cells and borders on the emulated host', () => {
  it('merges (across: row by row) keeping the top-left value, refuses overlaps, unmerges, and clearing formats unmerges', async () => {
    const host = new ExcelHost();
    await host.runExcel(async (ctx: Ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1:C1').values = [['kept', 'lost', 'lost too']];
      sheet.getRange('A1:C1').merge(false);
      sheet.getRange('A3:B5').merge(true);
      await ctx.sync();
    });
    const sheet = host.sheet('Sheet1');
    expect(sheet.merges).toEqual([
      { r: 0, c: 0, rows: 1, cols: 3 },
      { r: 2, c: 0, rows: 1, cols: 2 },
      { r: 3, c: 0, rows: 1, cols: 2 },
      { r: 4, c: 0, rows: 1, cols: 2 },
    ]);
    expect([host.at('Sheet1', 'A1').value, host.at('Sheet1', 'B1').value, host.at('Sheet1', 'C1').value]).toEqual(['kept', '', '']);
    const overlap = errorCode(
      host.runExcel(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('B1:D1').merge();
        await ctx.sync();
      }),
    );
    expect(await overlap).toBe('InvalidOperation');
    await host.runExcel(async (ctx: Ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('B4').unmerge();
      await ctx.sync();
    });
    expect(sheet.merges).toHaveLength(3);
    await host.runExcel(async (ctx: Ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange().clear();
      await ctx.sync();
    });
    expect(sheet.merges).toEqual([]);
  });

  it('records borders by edge, and refuses an unknown edge', async () => {
    const host = new ExcelHost();
    await host.runExcel(async (ctx: Ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B2');
      r.format.borders.getItem('EdgeTop').style = 'Continuous';
      r.format.borders.getItem('InsideHorizontal').style = 'Continuous';
      r.format.useStandardHeight = true;
      await ctx.sync();
    });
    expect(host.sheet('Sheet1').formats).toEqual([
      { address: 'Sheet1!A1:B2', path: 'borders.EdgeTop.style', value: 'Continuous' },
      { address: 'Sheet1!A1:B2', path: 'borders.InsideHorizontal.style', value: 'Continuous' },
      { address: 'Sheet1!A1:B2', path: 'useStandardHeight', value: true },
    ]);
    const bad = errorCode(
      host.runExcel(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').format.borders.getItem('Middle' as Excel.BorderIndex).style = 'Continuous';
        await ctx.sync();
      }),
    );
    expect(await bad).toBe('InvalidArgument');
  });
});

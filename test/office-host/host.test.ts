/** The emulated host itself: office.js's own requests answered as Excel answers them. */
import { ExcelHost } from './host';
import { errorCode } from './error-code';

type Ctx = Excel.RequestContext;

/** A sheet `Data` with a table `T` (headers A..C) and `rows` body rows. */
async function withTable(rows: unknown[][] = [['a', 1, 'x'], ['b', 2, 'y'], ['c', 3, 'x']]): Promise<ExcelHost> {
  const host = new ExcelHost();
  await host.runExcel(async (ctx: Ctx) => {
    const sheet = ctx.workbook.worksheets.add('Data');
    sheet.getRange(`A1:C${rows.length + 1}`).values = [['Name', 'Count', 'Tag'], ...rows];
    const t = sheet.tables.add(`Data!A1:C${rows.length + 1}`, true);
    t.name = 'T';
    await ctx.sync();
  });
  return host;
}

describe('the emulated Excel host', () => {
  it('runs office.js: load before read, values back, one request per sync, references released at the end of the run', async () => {
    const host = await withTable();
    const before = host.syncCount;
    const values = await host.runExcel(async (ctx: Ctx) => {
      const body = ctx.workbook.tables.getItem('T').getDataBodyRange();
      expect(() => body.values).toThrow(); // not loaded yet: office.js's own PropertyNotLoaded
      body.load('values,address,rowCount');
      await ctx.sync();
      expect(body.address).toBe('Data!A2:C4');
      return body.values;
    });
    expect(values).toEqual([['a', 1, 'x'], ['b', 2, 'y'], ['c', 3, 'x']]);
    expect(host.syncCount - before).toBe(1);
    expect(host.keptReferences).toBe(0);
  });

  it('keeps objects usable across syncs: a table added, renamed and written to after the first sync', async () => {
    const host = new ExcelHost();
    await host.runExcel(async (ctx: Ctx) => {
      const t = ctx.workbook.worksheets.getItem('Sheet1').tables.add('A1:B2', true);
      await ctx.sync();
      t.name = 'Later';
      t.getHeaderRowRange().values = [['x', 'y']];
      const missing = ctx.workbook.tables.getItemOrNullObject('Nope');
      missing.load('isNullObject');
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
    });
    expect(host.headers('Later')).toEqual(['x', 'y']);
  });

  it('raises errors at sync, with the earlier actions of the request applied', async () => {
    const host = await withTable();
    const code = await errorCode(
      host.runExcel(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem('Data').getRange('E1').values = [['before']];
        ctx.workbook.tables.getItem('Nope').getDataBodyRange().values = [['x']];
        ctx.workbook.worksheets.getItem('Data').getRange('E2').values = [['after']];
        await ctx.sync();
      }),
    );
    expect(code).toBe('ItemNotFound');
    expect(host.at('Data', 'E1').value).toBe('before');
    expect(host.at('Data', 'E2').value).toBe('');
  });

  it('records the size of each request as office.js serialised it, and refuses one over 5 MB whole', async () => {
    const host = await withTable();
    const from = host.syncCount;
    await host.runExcel(async (ctx: Ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('E1').values = [['x']];
      await ctx.sync();
    });
    const one = host.syncsSince(from)[0];
    expect(one.bytes).toBeGreaterThan(300);
    expect(one.bytes).toBeLessThan(1500);
    expect(one.write).toBe(true);
    const big = Array.from({ length: 6000 }, (_, i) => [`Nội dung khá dài của dòng số ${i} `.repeat(25)]);
    const code = await errorCode(
      host.runExcel(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem('Data').getRange('F1:F6000').values = big;
        await ctx.sync();
      }),
    );
    expect(code).toBe('RequestPayloadSizeLimitExceeded');
    expect(host.requests.find((r) => r.error === 'RequestPayloadSizeLimitExceeded')!.bytes).toBeGreaterThan(5_000_000);
    expect(host.at('Data', 'F1').value).toBe('');
  });

  it('fails every request while a cell is being edited', async () => {
    const host = await withTable();
    host.editMode = true;
    const code = await errorCode(
      host.runExcel(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem('Data').getRange('E1').values = [['x']];
        await ctx.sync();
      }),
    );
    expect(code).toBe('InvalidOperationInCellEditMode');
    host.editMode = false;
    expect(host.at('Data', 'E1').value).toBe('');
  });

  it('refuses writes to a protected sheet, reads still work; protection is visible through the API', async () => {
    const host = await withTable();
    host.protect('Data');
    const code = await errorCode(
      host.runExcel(async (ctx: Ctx) => {
        const sheet = ctx.workbook.worksheets.getItem('Data');
        sheet.protection.load('protected');
        const body = ctx.workbook.tables.getItem('T').getDataBodyRange();
        body.load('values');
        await ctx.sync();
        expect(sheet.protection.protected).toBe(true);
        expect(body.values[0][0]).toBe('a');
        body.getCell(0, 0).values = [['changed']];
        await ctx.sync();
      }),
    );
    expect(code).toBe('AccessDenied');
    expect(host.records('T')[0].Name).toBe('a');
  });

  it('refuses inserting and deleting rows of a filtered table; the filter hides rows; clearing it allows them', async () => {
    const host = await withTable();
    host.filterTable('T', 'Tag', ['x']);
    expect(host.hiddenRows('T')).toEqual([1]);
    const del = await errorCode(
      host.runExcel(async (ctx: Ctx) => {
        ctx.workbook.tables.getItem('T').getDataBodyRange().getRow(0).delete('Up');
        await ctx.sync();
      }),
    );
    expect(del).toBe('InsertDeleteConflict');
    const add = await errorCode(
      host.runExcel(async (ctx: Ctx) => {
        ctx.workbook.tables.getItem('T').rows.add(undefined, [['d', 4, 'z']]);
        await ctx.sync();
      }),
    );
    expect(add).toBe('FilteredRangeConflict');
    await host.runExcel(async (ctx: Ctx) => {
      const t = ctx.workbook.tables.getItem('T');
      t.autoFilter.load('isDataFiltered');
      await ctx.sync();
      expect(t.autoFilter.isDataFiltered).toBe(true);
      t.clearFilters();
      t.getDataBodyRange().getRow(0).delete('Up');
      t.columns.getItem('tag').filter.applyValuesFilter(['y']);
      await ctx.sync();
    });
    expect(host.body('T').map((r) => r[0])).toEqual(['b', 'c']);
    expect(host.hiddenRows('T')).toEqual([1]);
  });

  it('keeps a worksheet AutoFilter apart from tables: recorded on a plain range, refused over a table (it has its own)', async () => {
    const host = await withTable();
    await host.runExcel(async (ctx: Ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Data');
      sheet.getRange('F1:G3').values = [['k', 'v'], ['a', 1], ['b', 2]];
      sheet.autoFilter.apply(sheet.getRange('F1:G3'), 0, { filterOn: 'Values', values: ['a'] });
      sheet.autoFilter.load('enabled,isDataFiltered');
      await ctx.sync();
      expect([sheet.autoFilter.enabled, sheet.autoFilter.isDataFiltered]).toEqual([true, true]);
      sheet.autoFilter.clearCriteria();
      sheet.autoFilter.load('enabled,isDataFiltered');
      await ctx.sync();
      expect([sheet.autoFilter.enabled, sheet.autoFilter.isDataFiltered]).toEqual([true, false]);
      sheet.autoFilter.remove();
      await ctx.sync();
    });
    expect(host.sheet('Data').autoFilter).toBeNull();
    const overTable = await errorCode(
      host.runExcel(async (ctx: Ctx) => {
        const sheet = ctx.workbook.worksheets.getItem('Data');
        sheet.autoFilter.apply(sheet.getRange('A1:C4'));
        await ctx.sync();
      }),
    );
    expect(overTable).toBe('InvalidArgument');
  });

  it('refuses shifting part of a table', async () => {
    const host = await withTable();
    const code = await errorCode(
      host.runExcel(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem('Data').getRange('A2:B2').delete('Up');
        await ctx.sync();
      }),
    );
    expect(code).toBe('InsertDeleteConflict');
  });

  it('keeps table names unique and column names unique ignoring case (Excel renames duplicates)', async () => {
    const host = await withTable();
    const dup = await errorCode(
      host.runExcel(async (ctx: Ctx) => {
        const t = ctx.workbook.worksheets.getItem('Data').tables.add('Data!H1:I3', true);
        t.name = 't';
        await ctx.sync();
      }),
    );
    expect(dup).toBe('ItemAlreadyExists');
    await host.runExcel(async (ctx: Ctx) => {
      const t = ctx.workbook.tables.getItem('T');
      t.columns.add(undefined, undefined, 'name');
      t.columns.add(undefined, undefined, 'NAME');
      t.getHeaderRowRange().getCell(0, 2).values = [['count']];
      await ctx.sync();
      const col = t.columns.getItem('COUNT');
      col.load('index');
      await ctx.sync();
      expect(col.index).toBe(1);
    });
    expect(host.headers('T')).toEqual(['Name', 'Count', 'count2', 'name2', 'NAME3']);
  });

  it('refuses a table over another table, after the earlier actions ran', async () => {
    const host = await withTable();
    const code = await errorCode(
      host.runExcel(async (ctx: Ctx) => {
        const sheet = ctx.workbook.worksheets.getItem('Data');
        sheet.getRange('K1').values = [['ran']];
        sheet.tables.add('B2:D5', true);
        await ctx.sync();
      }),
    );
    expect(code).toBe('InvalidOperation');
    expect(host.at('Data', 'K1').value).toBe('ran');
    expect(host.wb.tables).toHaveLength(1);
  });

  it('gives new rows the formula of a calculated column, and keeps one body row when all are deleted', async () => {
    const host = await withTable();
    host.setColumnFormula('T', 'Tag', '=[@Count]*2');
    await host.runExcel(async (ctx: Ctx) => {
      const t = ctx.workbook.tables.getItem('T');
      t.resize('A1:C6');
      await ctx.sync();
    });
    expect(host.bodyCell('T', 4, 'Tag').formula).toBe('=[@Count]*2');
    await host.runExcel(async (ctx: Ctx) => {
      ctx.workbook.tables.getItem('T').getDataBodyRange().delete('Up');
      await ctx.sync();
    });
    expect(host.body('T')).toHaveLength(1);
  });

  it('refuses hiding or deleting the last visible sheet', async () => {
    const host = new ExcelHost();
    const hide = await errorCode(
      host.runExcel(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').visibility = 'Hidden';
        await ctx.sync();
      }),
    );
    expect(hide).toBe('InvalidOperation');
    const del = await errorCode(
      host.runExcel(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').delete();
        await ctx.sync();
      }),
    );
    expect(del).toBe('InvalidOperation');
  });

  it('allows getCell outside the range and one number format for many cells; values must match the size', async () => {
    const host = await withTable();
    await host.runExcel(async (ctx: Ctx) => {
      const body = ctx.workbook.tables.getItem('T').getDataBodyRange();
      body.getCell(5, 0).values = [['below']];
      body.getColumn(1).numberFormat = [['0.00']];
      await ctx.sync();
    });
    expect(host.at('Data', 'A7').value).toBe('below');
    expect([2, 3, 4].map((r) => host.at('Data', `B${r}`).numberFormat)).toEqual(['0.00', '0.00', '0.00']);
    const code = await errorCode(
      host.runExcel(async (ctx: Ctx) => {
        ctx.workbook.tables.getItem('T').getDataBodyRange().getColumn(0).values = [['one']];
        await ctx.sync();
      }),
    );
    expect(code).toBe('InvalidArgument');
  });

  it('keeps a written apostrophe in a Text-formatted cell; elsewhere strings are typed input', async () => {
    const host = new ExcelHost();
    await host.runExcel(async (ctx: Ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1').numberFormat = [['@']];
      sheet.getRange('A1:D1').values = [["'007", "'007", '=1+1', '0123']];
      await ctx.sync();
    });
    expect(['A1', 'B1', 'C1', 'D1'].map((a) => host.at('Sheet1', a).value)).toEqual(["'007", '007', '#FORMULA', 123]);
    expect(host.at('Sheet1', 'C1').formula).toBe('=1+1');
  });

  it('records conditional formats in priority order (a new one on top), validations, names and charts', async () => {
    const host = await withTable();
    await host.runExcel(async (ctx: Ctx) => {
      const body = ctx.workbook.tables.getItem('T').columns.getItem('Tag').getDataBodyRange();
      const first = body.conditionalFormats.add('ContainsText');
      first.textComparison.rule = { operator: 'Contains', text: 'Lỗi' };
      const second = body.conditionalFormats.add('ContainsText');
      second.textComparison.rule = { operator: 'Contains', text: 'Cảnh báo' };
      body.dataValidation.rule = { list: { inCellDropDown: true, source: '=TagList' } };
      ctx.workbook.names.add('TagList', '=T[Tag]');
      const chart = ctx.workbook.worksheets.getItem('Data').charts.add('ColumnClustered', body, 'Columns');
      chart.title.text = 'Tags';
      await ctx.sync();
      first.load('priority');
      await ctx.sync();
      expect(first.priority).toBe(1);
    });
    const sheet = host.sheet('Data');
    expect(sheet.conditionalFormats.map((c) => (c.settings['textComparison.rule'] as { text: string }).text)).toEqual(['Cảnh báo', 'Lỗi']);
    expect(sheet.validations).toEqual([{ address: 'Data!C2:C4', rule: { list: { inCellDropDown: true, source: '=TagList' } }, errorAlert: null }]);
    expect(sheet.charts).toEqual([expect.objectContaining({ type: 'ColumnClustered', source: 'Data!C2:C4', title: 'Tags' })]);
    host.renameTable('T', 'Renamed');
    expect(host.wb.names).toEqual([expect.objectContaining({ name: 'TagList', formula: '=Renamed[Tag]' })]);
  });

  it('lets a user act between two syncs of a run (sort, insert, delete, filter)', async () => {
    const host = await withTable();
    host.beforeRequest = (i) => {
      if (i === host.syncCount - 1) host.sortTable('T', 'Name', false);
    };
    const names = await host.runExcel(async (ctx: Ctx) => {
      const body = ctx.workbook.tables.getItem('T').getDataBodyRange();
      body.load('values');
      await ctx.sync();
      return body.values.map((r) => r[0]);
    });
    expect(names).toEqual(['c', 'b', 'a']);
    host.beforeRequest = null;
    host.insertRows('T', 1);
    host.deleteRows('T', 0);
    expect(host.body('T').map((r) => r[0])).toEqual(['', 'b', 'a']);
  });
});

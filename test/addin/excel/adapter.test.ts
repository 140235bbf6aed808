import { DEFAULT_CATEGORIES } from '../../../shared/defaults';
import { createTemplate, readTables, selectTableCell, writeDashboard, writeTables } from '../../../addin/excel/adapter';
import type { ExcelLike } from '../../../addin/excel/excel-api';
import { templateHeaders, TRIPS } from '../../../addin/sheet/columns';
import { TableEdit } from '../../../addin/sheet/table-edit';
import { templatePlan } from '../../../addin/sheet/template';
import { ExcelHost } from '../../office-host/host';

async function withTemplate(): Promise<ExcelHost> {
  const excel = new ExcelHost();
  await createTemplate(excel, templatePlan(DEFAULT_CATEGORIES));
  return excel;
}

describe('Excel adapter through office.js against the emulated host', () => {
  it('the host satisfies the adapter API', () => {
    const excel: ExcelLike = new ExcelHost();
    expect(typeof excel.run).toBe('function');
  });

  it('creates the template in 2 syncs on a new workbook (the header probe has nothing to ask): tables, headers, hidden columns, formats, frozen header, dropdowns, colours', async () => {
    const excel = new ExcelHost();
    const r = await createTemplate(excel, templatePlan(DEFAULT_CATEGORIES));
    expect(excel.syncCount).toBe(2);
    expect(r.createdTables).toEqual(['CanBo', 'DonVi', 'MienGiam', 'DangKy', 'DiCoSo']);
    expect(excel.headers('DiCoSo')).toEqual(templateHeaders(TRIPS));
    const sheet = excel.sheet('Đi cơ sở');
    expect(sheet.frozenRows).toBe(1);
    const idCol = templateHeaders(TRIPS).indexOf('Mã dòng');
    expect([...sheet.hiddenColumns].sort()).toEqual([idCol, idCol + 1, idCol + 2]);
    expect(sheet.columnWidths.get(templateHeaders(TRIPS).indexOf('Nội dung'))).toBe(200);
    expect(excel.bodyCell('DiCoSo', 0, 'Ngày đi').numberFormat).toBe('dd/mm/yyyy');
    expect(sheet.validations.find((v) => v.address === "'Đi cơ sở'!A2")).toMatchObject({ rule: { list: { inCellDropDown: true, source: '=INDIRECT("CanBo[Mã cán bộ]")' } }, errorAlert: { showAlert: true } });
    expect(sheet.conditionalFormats.filter((c) => (c.settings['textComparison.rule'] as { text: string }).text === 'Lỗi')).toHaveLength(1);
    expect(excel.sheet('Danh mục').visibility).toBe('Hidden');
    expect(excel.at('Danh mục', 'A2').value).toBe('Khảo sát, nắm tình hình');
  });

  it('writes category labels into the list sheet as data', async () => {
    const excel = new ExcelHost();
    await createTemplate(excel, templatePlan([{ code: 'k1', label: '=Khác' }, { code: '02', label: '-Họp' }]));
    expect(excel.at('Danh mục', 'A2')).toMatchObject({ value: '=Khác', formula: null });
    expect(excel.at('Danh mục', 'B3')).toMatchObject({ value: '02', formula: null });
    expect(excel.at('Danh mục', 'B3').coerced).toBeUndefined();
  });

  it('keeps existing tables and data, adding only missing columns', async () => {
    const excel = await withTemplate();
    excel.typeRows('DiCoSo', [{ 'Mã cán bộ': 'CB01' }]);
    // A user resized the table without its last column (the hash): the template adds it back at the end.
    excel.editCell('DiCoSo', 0, 'Mô tả', 'giữ nguyên');
    excel.table('DiCoSo').columns.pop();
    const r = await createTemplate(excel, templatePlan(DEFAULT_CATEGORIES));
    expect(r.createdTables).toEqual([]);
    expect(r.addedColumns).toEqual([{ table: 'DiCoSo', headers: ['Mã kiểm tra'] }]);
    expect(excel.records('DiCoSo')[0]).toMatchObject({ 'Mã cán bộ': 'CB01', 'Mô tả': 'giữ nguyên' });
  });

  it('reads tables in 3 syncs (find, headers and sizes, bodies), with where they are, and maps absent tables to null', async () => {
    const excel = await withTemplate();
    excel.typeRows('DiCoSo', [{ 'Mã cán bộ': 'CB01' }, { 'Mã cán bộ': 'CB02' }]);
    const before = excel.syncCount;
    const tables = await readTables(excel, ['DiCoSo', 'Nope', 'CanBo']);
    expect(excel.syncCount - before).toBe(3);
    expect(tables.get('Nope')).toBeNull();
    expect(tables.get('DiCoSo')!.rows.map((r) => r[0])).toEqual(['CB01', 'CB02']);
    expect(tables.get('DiCoSo')).toMatchObject({ sheet: 'Đi cơ sở', top: 0, left: 0, headers: templateHeaders(TRIPS) });
    expect(tables.get('CanBo')!.rows).toHaveLength(1);
  });

  it('reads a large table in blocks, each sync under the payload budget, rows in order', async () => {
    const excel = await withTemplate();
    excel.typeRows('DiCoSo', Array.from({ length: 1000 }, (_, i) => ({ 'Mã cán bộ': `CB${i}`, 'Mô tả': 'Nội dung dài '.repeat(10) })));
    const from = excel.syncCount;
    const limits = { firstRoundCells: 2000, maxBytes: 100_000, maxRoundCells: 1_000_000 };
    const tables = await readTables(excel, ['CanBo', 'DiCoSo'], limits);
    const rounds = excel.syncsSince(from).slice(2);
    expect(rounds.length).toBeGreaterThan(3);
    // The first round takes the fixed budget; later ones the measured one, within the bytes.
    for (const p of rounds.slice(1)) expect(p.responseBytes).toBeLessThanOrEqual(100_000 * 1.05);
    expect(tables.get('DiCoSo')!.rows.map((r) => r[0])).toEqual(Array.from({ length: 1000 }, (_, i) => `CB${i}`));
    expect(tables.get('CanBo')!.rows).toHaveLength(1);
  });

  it('splits a large write into syncs under the payload budget, deletions first, calculation suspended for each', async () => {
    const excel = await withTemplate();
    excel.typeRows('DiCoSo', Array.from({ length: 300 }, (_, i) => ({ 'Mã cán bộ': `CB${i}` })));
    const width = templateHeaders(TRIPS).length;
    // The code column is Text-formatted (an apostrophe would stay in it): written verbatim.
    const edit = new TableEdit('DiCoSo', width, excel.body('DiCoSo'), new Map([[0, '@']]));
    edit.remove(0);
    edit.remove(299);
    for (let r = 1; r < 299; r++) edit.set(r, 6, `Mô tả số ${r} `.repeat(5));
    for (let i = 0; i < 100; i++) edit.set(edit.append(), 0, `N${i}`);
    const from = excel.syncCount;
    const before = { syncs: excel.syncCount, calc: excel.suspensions.calculation };
    await writeTables(excel, [edit.toWrite()], new Map([['DiCoSo', width]]), 20_000);
    const syncs = excel.syncCount - before.syncs;
    expect(syncs).toBeGreaterThan(2);
    expect(excel.suspensions.calculation - before.calc).toBe(syncs);
    for (const p of excel.syncsSince(from)) expect(p.bytes).toBeLessThanOrEqual(20_000);
    const rows = excel.records('DiCoSo');
    expect(rows).toHaveLength(398);
    expect(rows[0]).toMatchObject({ 'Mã cán bộ': 'CB1', 'Mô tả': 'Mô tả số 1 '.repeat(5) });
    expect(rows[297]['Mã cán bộ']).toBe('CB298');
    expect(rows[397]['Mã cán bộ']).toBe('N99');
  });

  it('writes deletions, appends and runs in 1 sync, with calculation and screen updating suspended', async () => {
    const excel = await withTemplate();
    excel.typeRows('DiCoSo', ['A', 'B', 'C', 'D', 'E'].map((u) => ({ 'Mã cán bộ': 'CB01', 'Đơn vị đến': u })));
    const width = templateHeaders(TRIPS).length;
    const edit = new TableEdit('DiCoSo', width, excel.body('DiCoSo'));
    edit.remove(1);
    edit.remove(2);
    edit.remove(4);
    edit.set(edit.append(), 1, '=evil()');
    edit.set(3, 1, 'D2');
    const before = { syncs: excel.syncCount, calc: excel.suspensions.calculation, screen: excel.suspensions.screen };
    await writeTables(excel, [edit.toWrite()], new Map([['DiCoSo', width]]));
    expect(excel.syncCount - before.syncs).toBe(1);
    expect(excel.suspensions.calculation - before.calc).toBe(1);
    expect(excel.suspensions.screen - before.screen).toBe(1);
    expect(excel.records('DiCoSo').map((r) => r['Đơn vị đến'])).toEqual(['A', 'D2', '=evil()']);
    expect(excel.bodyCell('DiCoSo', 2, 'Đơn vị đến').formula).toBeNull();
  });

  it('writes the dashboard (2 syncs) and replaces it on the next update', async () => {
    const excel = new ExcelHost();
    const layout = {
      sheet: 'Tổng hợp',
      blocks: [
        { id: 'title', row: 0, col: 0, values: [['Tiêu đề']], bold: true },
        { id: 'data', row: 2, col: 0, values: [['Cán bộ', 'Phải đi', 'Đã đi'], ['A', 60, 10]], headerFill: '#DEECF9' },
      ],
      charts: [{ type: 'ColumnClustered' as const, block: 'data', title: 'Ngày', from: 'E1', to: 'L15' }],
      columnWidths: [150, 60],
    };
    await writeDashboard(excel, layout);
    await writeDashboard(excel, layout);
    expect(excel.syncCount).toBe(4);
    const sheet = excel.sheet('Tổng hợp');
    expect(sheet.charts).toEqual([expect.objectContaining({ type: 'ColumnClustered', source: "'Tổng hợp'!A3:C4", seriesBy: 'Columns', title: 'Ngày', from: 'E1', to: 'L15' })]);
    expect(excel.at('Tổng hợp', 'C4').value).toBe(10);
    expect(excel.activeSheet).toBe('Tổng hợp');
  });

  it('selects a table cell on its sheet', async () => {
    const excel = await withTemplate();
    excel.typeRows('DiCoSo', [{ 'Mã cán bộ': 'CB01' }, { 'Mã cán bộ': 'CB02' }]);
    await selectTableCell(excel, 'DiCoSo', 1, 3);
    expect(excel.selection).toEqual({ sheet: 'Đi cơ sở', address: "'Đi cơ sở'!D3" });
    expect(excel.activeSheet).toBe('Đi cơ sở');
  });
});

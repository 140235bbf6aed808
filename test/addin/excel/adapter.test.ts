import { DEFAULT_CATEGORIES } from '../../../shared/defaults';
import { createTemplate, readTables, selectTableCell, writeDashboard, writeTables } from '../../../addin/excel/adapter';
import type { ExcelLike } from '../../../addin/excel/excel-api';
import { EVALUATIONS, TABLE_SPECS, templateHeaders, TRIPS } from '../../../addin/sheet/columns';
import { tableMarkers } from '../../../addin/sheet/markers';
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
    expect(r.createdTables).toEqual(['CanBo', 'DonVi', 'MienGiam', 'DangKy', 'DiCoSo', 'DanhGia']);
    expect(excel.headers('DiCoSo')).toEqual(templateHeaders(TRIPS));
    // The evaluations sheet: the result as a dropdown of the three labels, the comment wrapped, the figures greyed.
    const evaluations = excel.sheet('Đánh giá');
    const col = (h: string): string => String.fromCharCode(65 + templateHeaders(EVALUATIONS).indexOf(h));
    expect(evaluations.validations.find((v) => v.address === `'Đánh giá'!${col('Kết quả đánh giá')}2`)).toMatchObject({ rule: { list: { source: 'Đạt,Không đạt,Miễn' } }, errorAlert: { showAlert: true } });
    expect(evaluations.formats).toEqual(expect.arrayContaining([{ address: `'Đánh giá'!${col('Nhận xét')}2`, path: 'wrapText', value: true }]));
    for (const h of ['Số ngày đã đi', 'Số ngày phải đi', 'Tình trạng thực hiện', 'Đề xuất theo số liệu']) {
      expect(evaluations.formats).toEqual(expect.arrayContaining([{ address: `'Đánh giá'!${col(h)}2`, path: 'fill.color', value: '#F3F2F1' }]));
    }
    expect(evaluations.formats.some((f) => f.address === `'Đánh giá'!${col('Kết quả đánh giá')}2` && f.path === 'fill.color')).toBe(false);
    const sheet = excel.sheet('Đi cơ sở');
    expect(sheet.frozenRows).toBe(1);
    const idCol = templateHeaders(TRIPS).indexOf('Mã dòng');
    expect([...sheet.hiddenColumns].sort()).toEqual([idCol, idCol + 1, idCol + 2]);
    expect(sheet.columnWidths.get(templateHeaders(TRIPS).indexOf('Nội dung'))).toBe(200);
    expect(excel.bodyCell('DiCoSo', 0, 'Ngày đi').numberFormat).toBe('dd/mm/yyyy');
    // Dropdowns read workbook names on the structured references (they follow renames).
    expect(sheet.validations.find((v) => v.address === "'Đi cơ sở'!A2")).toMatchObject({ rule: { list: { inCellDropDown: true, source: '=TheoDoi_DS_CanBo_cadreId' } }, errorAlert: { showAlert: true } });
    const formula = (name: string): string | undefined => excel.wb.names.find((n) => n.name === name)?.formula;
    expect(formula('TheoDoi_DS_CanBo_cadreId')).toBe('=CanBo[Mã cán bộ]');
    expect(formula('TheoDoi_DS_DonVi_unitCode')).toBe('=DonVi[Mã đơn vị]');
    expect(formula('TheoDoi_Bang_DiCoSo')).toBe('=DiCoSo[#All]');
    expect(excel.wb.names).toHaveLength(8);
    // Excel puts each new conditional format on top: added last-first, the rules end in the intended priority.
    const statusCol = `'Đi cơ sở'!${String.fromCharCode(65 + templateHeaders(TRIPS).indexOf('Tình trạng gửi'))}2`;
    expect(sheet.conditionalFormats.filter((c) => c.address === statusCol).map((c) => (c.settings['textComparison.rule'] as { text: string }).text)).toEqual(['Lỗi', 'Xung đột', 'Cảnh báo']);
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
    const before = { syncs: excel.syncCount, calc: excel.suspensions.calculation, screen: excel.suspensions.screen };
    await writeTables(excel, [edit.toWrite()], new Map([['DiCoSo', width]]), 20_000);
    const syncs = excel.syncCount - before.syncs;
    expect(syncs).toBeGreaterThan(2);
    // One sync finds the rows again by their ids, each later one writes with calculation suspended.
    expect(excel.suspensions.calculation - before.calc).toBe(syncs - 1);
    // Screen updating: once for the whole operation, not per batch (no flicker between syncs).
    expect(excel.suspensions.screen - before.screen).toBe(1);
    for (const p of excel.syncsSince(from)) expect(p.bytes).toBeLessThanOrEqual(20_000);
    const rows = excel.records('DiCoSo');
    expect(rows).toHaveLength(398);
    expect(rows[0]).toMatchObject({ 'Mã cán bộ': 'CB1', 'Mô tả': 'Mô tả số 1 '.repeat(5) });
    expect(rows[297]['Mã cán bộ']).toBe('CB298');
    expect(rows[397]['Mã cán bộ']).toBe('N99');
  });

  it('writes deletions, appends and blocks in 2 syncs (find the rows, write), with calculation and screen updating suspended', async () => {
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
    expect(excel.syncCount - before.syncs).toBe(2);
    expect(excel.suspensions.calculation - before.calc).toBe(1);
    expect(excel.suspensions.screen - before.screen).toBe(1);
    expect(excel.records('DiCoSo').map((r) => r['Đơn vị đến'])).toEqual(['A', 'D2', '=evil()']);
    expect(excel.bodyCell('DiCoSo', 2, 'Đơn vị đến').formula).toBeNull();
  });

  it('writes the dashboard (2 syncs) and updates it in place (3 syncs): the same sheet, its charts replaced, even as the only visible sheet', async () => {
    const excel = new ExcelHost({ sheets: [] });
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
    const first = excel.sheet('Tổng hợp');
    excel.type(first, 8, 25, 'cũ');
    await writeDashboard(excel, layout);
    expect(excel.syncCount).toBe(5);
    const sheet = excel.sheet('Tổng hợp');
    expect(sheet).toBe(first);
    expect(excel.at('Tổng hợp', 'Z9').value).toBe('');
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

describe('Excel adapter through office.js: tables the user renamed', () => {
  const markers = tableMarkers(TABLE_SPECS);
  const formula = (excel: ExcelHost, name: string): string | undefined => excel.wb.names.find((n) => n.name === name)?.formula;

  it('finds a renamed table by its marker (one more sync), under its new name, and the dropdown names follow', async () => {
    const excel = await withTemplate();
    excel.typeRows('DiCoSo', [{ 'Mã cán bộ': 'CB01' }]);
    excel.renameTable('DiCoSo', 'ChuyenDi');
    excel.renameTable('CanBo', 'NhanSu');
    expect(formula(excel, 'TheoDoi_DS_CanBo_cadreId')).toBe('=NhanSu[Mã cán bộ]');
    const before = excel.syncCount;
    const tables = await readTables(excel, ['CanBo', 'DiCoSo', 'DonVi'], undefined, markers);
    expect(excel.syncCount - before).toBe(4);
    expect(tables.get('DiCoSo')).toMatchObject({ name: 'ChuyenDi', sheet: 'Đi cơ sở', rows: [expect.arrayContaining(['CB01'])] });
    expect(tables.get('CanBo')!.name).toBe('NhanSu');
    expect(tables.get('DonVi')!.name).toBe('DonVi');
    // Without markers (as before), a renamed table is not found.
    expect((await readTables(excel, ['DiCoSo'])).get('DiCoSo')).toBeNull();
  });

  it('a marker whose table was deleted falls back to a table of the default name', async () => {
    const excel = await withTemplate();
    excel.wb.names.find((n) => n.name === 'TheoDoi_Bang_DonVi')!.formula = '=#REF!';
    expect((await readTables(excel, ['DonVi'], undefined, markers)).get('DonVi')!.name).toBe('DonVi');
  });

  it('"Tạo mẫu" again completes a renamed table instead of creating one over it, and matches headers ignoring case', async () => {
    const excel = await withTemplate();
    excel.typeRows('DiCoSo', [{ 'Mã cán bộ': 'CB01' }]);
    excel.renameTable('DiCoSo', 'ChuyenDi');
    const t = excel.table('ChuyenDi');
    const j = t.columns.findIndex((c) => c.name === 'Nội dung');
    t.columns[j].name = 'NỘI DUNG';
    excel.type(t.sheet, t.top, t.left + j, 'NỘI DUNG');
    t.columns.pop(); // the user resized the table without its last column (Mã kiểm tra)
    const before = excel.syncCount;
    const r = await createTemplate(excel, templatePlan(DEFAULT_CATEGORIES));
    expect(excel.syncCount - before).toBe(4);
    expect(r).toEqual({ createdTables: [], addedColumns: [{ table: 'ChuyenDi', headers: ['Mã kiểm tra'] }] });
    expect(excel.wb.table('DiCoSo')).toBeFalsy();
    expect(excel.headers('ChuyenDi')).not.toContain('Nội dung');
    expect(excel.records('ChuyenDi')[0]['Mã cán bộ']).toBe('CB01');
    expect(formula(excel, 'TheoDoi_Bang_DiCoSo')).toBe('=ChuyenDi[#All]');
  });

  it('puts a new table below data already on its sheet, never over it, and marks it', async () => {
    const excel = new ExcelHost();
    const sheet = excel.addSheet('Đơn vị');
    excel.type(sheet, 0, 0, 'Danh sách cũ');
    excel.type(sheet, 2, 1, 'Xã A');
    const r = await createTemplate(excel, templatePlan(DEFAULT_CATEGORIES));
    expect(r.createdTables).toContain('DonVi');
    expect(excel.table('DonVi').top).toBe(4);
    expect(excel.at('Đơn vị', 'A1').value).toBe('Danh sách cũ');
    expect(excel.at('Đơn vị', 'B3').value).toBe('Xã A');
    expect(excel.at('Đơn vị', 'A5').value).toBe('Mã đơn vị');
    expect(sheet.frozenRows).toBe(0);
    expect(formula(excel, 'TheoDoi_Bang_DonVi')).toBe('=DonVi[#All]');
  });

  it('marks the tables of a workbook made before markers existed, and re-points a dropdown name left on #REF!', async () => {
    const excel = await withTemplate();
    excel.wb.names.splice(0, excel.wb.names.length, { name: 'TheoDoi_DS_CanBo_cadreId', formula: '=#REF!', comment: '', visible: true });
    const r = await createTemplate(excel, templatePlan(DEFAULT_CATEGORIES));
    expect(r).toEqual({ createdTables: [], addedColumns: [] });
    expect(formula(excel, 'TheoDoi_Bang_CanBo')).toBe('=CanBo[#All]');
    expect(formula(excel, 'TheoDoi_DS_CanBo_cadreId')).toBe('=CanBo[Mã cán bộ]');
    expect(excel.wb.names).toHaveLength(8);
  });
});

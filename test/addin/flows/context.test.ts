import { ApiClient } from '../../../addin/api/client';
import { bindTable, columnFormats, FlowError, loadCategories, missingTablesText } from '../../../addin/flows/context';
import { CADRES, templateHeaders, TRIPS } from '../../../addin/sheet/columns';
import { mapHeaders } from '../../../addin/sheet/header-map';
import { DEFAULT_CATEGORIES } from '../../../shared/defaults';
import { FakeApi } from '../fake-api';

const table = (headers: string[]) => ({ name: 'DiCoSo', headers, rows: [], sheet: 'Đi cơ sở', top: 0, left: 0, protected: false });

describe('bindTable', () => {
  it('maps a complete table', () => {
    const b = bindTable(TRIPS, table(templateHeaders(TRIPS)));
    expect(b.map.fields.cadreId).toBe(0);
    expect(b.edit.width).toBe(templateHeaders(TRIPS).length);
  });

  it('says in Vietnamese which essential columns are missing and what to click', () => {
    const headers = templateHeaders(TRIPS).filter((h) => h !== 'Ngày đi' && h !== 'Phiên bản');
    expect(() => bindTable(TRIPS, table(headers))).toThrow(FlowError);
    expect(() => bindTable(TRIPS, table(headers))).toThrow('Bảng "DiCoSo" (trang Đi cơ sở) thiếu cột: "Ngày đi", "Phiên bản". Bấm "Tạo mẫu" để bổ sung các cột còn thiếu.');
  });
});

describe('columnFormats', () => {
  it('formats dates, codes as text and the figures the add-in writes', () => {
    const map = mapHeaders(templateHeaders(CADRES), CADRES);
    const formats = columnFormats(CADRES, map);
    expect(formats.get(map.fields.cadreId)).toBe('@');
    expect(formats.get(map.fields.serviceStart)).toBe('dd/mm/yyyy');
    expect(formats.get(map.meta.percent!)).toBe('0.0');
    expect(formats.has(map.fields.fullName)).toBe(false);
  });
});

describe('loadCategories', () => {
  it('takes the year’s policy categories, and the defaults when the policy cannot be read', async () => {
    const api = new FakeApi();
    api.categories = [{ code: 'x', label: 'Riêng' }];
    const client = new ApiClient({ apiUrl: 'http://api.test', org: 'demo', apiKey: api.key }, api.fetch);
    expect(await loadCategories(client, 2025)).toEqual([{ code: 'x', label: 'Riêng' }]);
    const wrongKey = new ApiClient({ apiUrl: 'http://api.test', org: 'demo', apiKey: 'nope' }, api.fetch);
    expect(await loadCategories(wrongKey, 2025)).toEqual(DEFAULT_CATEGORIES);
  });
});

describe('missingTablesText', () => {
  it('names each sheet and table not found, in both languages, and says what to do', () => {
    expect(missingTablesText([])).toBeNull();
    const t = missingTablesText([{ table: 'MienGiam', sheet: 'Miễn giảm' }, { table: 'DonVi', sheet: 'Đơn vị' }])!;
    expect(t.vi).toMatch(/^Không tìm thấy bảng của trang "Miễn giảm" \(MienGiam\), "Đơn vị" \(DonVi\) nên chưa xử lý\..*Tạo mẫu/);
    expect(t.en).toMatch(/^The table of sheet "Miễn giảm" \(MienGiam\), "Đơn vị" \(DonVi\) was not found.*Create template/);
  });
});

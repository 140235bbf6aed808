import { DEFAULT_CATEGORIES } from '../../../shared/defaults';
import { TABLE_SPECS, templateHeaders } from '../../../addin/sheet/columns';
import { listSource, templatePlan } from '../../../addin/sheet/template';

describe('templatePlan', () => {
  const plan = templatePlan(DEFAULT_CATEGORIES);
  const table = (name: string) => plan.tables.find((t) => t.table === name)!;
  const column = (t: string, h: string) => table(t).columns.find((c) => c.header === h)!;

  it('has one table per kind with Vietnamese headers, in dependency order', () => {
    expect(plan.tables.map((t) => [t.sheet, t.table])).toEqual([['Cán bộ', 'CanBo'], ['Đơn vị', 'DonVi'], ['Miễn giảm', 'MienGiam'], ['Đăng ký', 'DangKy'], ['Đi cơ sở', 'DiCoSo'], ['Đánh giá', 'DanhGia']]);
    TABLE_SPECS.forEach((s) => expect(table(s.table).columns.map((c) => c.header)).toEqual(templateHeaders(s)));
    for (const s of TABLE_SPECS) expect(new Set(templateHeaders(s)).size).toBe(templateHeaders(s).length);
  });

  it('formats dates dd/mm/yyyy and codes as text; hides id, version and hash', () => {
    expect(column('DiCoSo', 'Ngày đi').numberFormat).toBe('dd/mm/yyyy');
    expect(column('CanBo', 'Mã cán bộ').numberFormat).toBe('@');
    expect(table('DiCoSo').columns.filter((c) => c.hidden).map((c) => c.header)).toEqual(['Mã dòng', 'Phiên bản', 'Mã kiểm tra']);
  });

  it('gives dropdowns: cadre codes from the roster, units, categories, reasons, Có/Không', () => {
    expect(column('DiCoSo', 'Mã cán bộ').validation).toEqual({ source: '=TheoDoi_DS_CanBo_cadreId', freeText: false });
    expect(column('DiCoSo', 'Đơn vị đến').validation).toEqual({ source: '=TheoDoi_DS_DonVi_unitCode', freeText: true });
    expect(column('DonVi', 'Sáp nhập vào').validation).toEqual({ source: '=TheoDoi_DS_DonVi_unitCode', freeText: true });
    // The names those dropdowns read, each once, on the column of its table.
    expect(plan.listNames).toEqual([
      { name: 'TheoDoi_DS_DonVi_unitCode', table: 'DonVi', header: 'Mã đơn vị' },
      { name: 'TheoDoi_DS_CanBo_cadreId', table: 'CanBo', header: 'Mã cán bộ' },
    ]);
    expect(plan.tables.map((t) => t.marker)).toEqual(['TheoDoi_Bang_CanBo', 'TheoDoi_Bang_DonVi', 'TheoDoi_Bang_MienGiam', 'TheoDoi_Bang_DangKy', 'TheoDoi_Bang_DiCoSo', 'TheoDoi_Bang_DanhGia']);
    expect(column('DiCoSo', 'Nội dung').validation).toEqual({ source: "='Danh mục'!$A$2:$A$8", freeText: true });
    expect(column('MienGiam', 'Lý do').validation?.source).toBe('Học tập dài hạn,Thai sản,Ốm dài ngày,Khác');
    expect(column('CanBo', 'Thuộc đối tượng 1+2').validation?.source).toBe('Có,Không');
    expect(plan.lists).toHaveLength(8);
    expect(plan.lists[4]).toEqual(['Kiểm tra, giám sát', 'kiem_tra']);
    expect(listSource({ kind: 'categories' }, 0)).toBe("='Danh mục'!$A$2:$A$2");
  });

  it('colours statuses', () => {
    expect(column('CanBo', 'Đánh giá').colors?.map((c) => c.text)).toEqual(['Đạt', 'Đúng tiến độ', 'Chậm tiến độ', 'Chưa đạt', 'Miễn', 'Chưa đến kỳ']);
    expect(column('DiCoSo', 'Tình trạng gửi').colors?.map((c) => [c.operator, c.text])).toEqual([['BeginsWith', 'Lỗi'], ['BeginsWith', 'Xung đột'], ['Contains', 'Cảnh báo']]);
  });
});

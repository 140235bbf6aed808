import { TRIPS, templateHeaders } from '../../../addin/sheet/columns';
import { blockingMissing, mapHeaders } from '../../../addin/sheet/header-map';

describe('mapHeaders', () => {
  it('finds every column of the template', () => {
    const map = mapHeaders(templateHeaders(TRIPS), TRIPS);
    expect(map.missing).toEqual([]);
    expect(map.fields.cadreId).toBe(0);
    expect(map.meta.hash).toBe(templateHeaders(TRIPS).length - 1);
  });

  it('tolerates reordered and inserted columns, case, diacritics and English field names', () => {
    const headers = ['Ghi chú riêng', 'ngay ve', 'MÃ CÁN BỘ', 'startDate', 'Đơn vị đến', 'Nội dung', 'Mã dòng', 'Phiên bản', 'Mã kiểm tra', 'Tình trạng gửi'];
    const map = mapHeaders(headers, TRIPS);
    expect(map.fields).toMatchObject({ endDate: 1, cadreId: 2, startDate: 3, unit: 4, contents: 5 });
    expect(map.meta).toMatchObject({ id: 6, version: 7, hash: 8, status: 9 });
    expect(blockingMissing(map, TRIPS)).toEqual([]);
    expect(map.missing).toContain('Số ngày kê khai');
  });

  it('reports required fields and sync columns that are missing', () => {
    const map = mapHeaders(['Mã cán bộ', 'Ngày đi'], TRIPS);
    expect(blockingMissing(map, TRIPS)).toEqual(['Đơn vị đến', 'Ngày về', 'Nội dung', 'Tình trạng gửi', 'Mã dòng', 'Phiên bản', 'Mã kiểm tra']);
  });
});

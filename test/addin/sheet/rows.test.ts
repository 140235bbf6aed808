import { DEFAULT_CATEGORIES } from '../../../shared/defaults';
import { ABSENCES, CADRES, REGISTRATIONS, templateHeaders, TRIPS, UNITS } from '../../../addin/sheet/columns';
import { mapHeaders } from '../../../addin/sheet/header-map';
import { cellsToRaw, enumCode, naturalId, recordCell, recordToCells } from '../../../addin/sheet/rows';

const rowOf = (headers: string[], values: Record<string, unknown>): unknown[] => headers.map((h) => values[h] ?? '');

describe('cells → raw publish rows', () => {
  it('sends the typed values, trimmed, without empty cells, enum labels as codes', () => {
    const headers = templateHeaders(ABSENCES);
    const map = mapHeaders(headers, ABSENCES);
    const raw = cellsToRaw(ABSENCES, map, rowOf(headers, { 'Mã cán bộ': ' CB01 ', 'Từ ngày': 45717, 'Lý do': 'Thai sản', 'Ghi chú': '' }));
    expect(raw).toEqual({ cadreId: 'CB01', from: 45717, reason: 'maternity' });
  });

  it('turns numbers in text columns into text and keeps what it cannot map', () => {
    const headers = templateHeaders(TRIPS);
    const raw = cellsToRaw(TRIPS, mapHeaders(headers, TRIPS), rowOf(headers, { 'Số công lệnh': 123, 'Kinh phí (VNĐ)': '1.500.000', 'Số ngày kê khai': 2.5 }));
    expect(raw).toEqual({ orderNo: '123', cost: '1.500.000', days: 2.5 });
    expect(enumCode(UNITS.fields[2], 'Phuong')).toBe('phuong');
    expect(enumCode(UNITS.fields[2], 'thôn')).toBe('thôn');
  });

  it('knows the natural ids of cadres, units and registrations', () => {
    expect(naturalId('cadres', { cadreId: 'CB01' })).toBe('CB01');
    expect(naturalId('units', { unitCode: 'X1' })).toBe('X1');
    expect(naturalId('registrations', { cadreId: 'CB01', year: 2025 })).toBe('CB01-2025');
    expect(naturalId('registrations', { cadreId: 'CB01' })).toBeNull();
    expect(naturalId('trips', { cadreId: 'CB01' })).toBeNull();
  });
});

describe('records → cells', () => {
  it('writes dates as serials, booleans as Có/Không, codes as labels, contents as labels', () => {
    const cells = recordToCells(TRIPS, { cadreId: 'CB01', unit: 'X01', startDate: '2025-01-01', endDate: '2025-01-02', contents: ['kiem_tra', 'xyz'], cost: 1500000 }, DEFAULT_CATEGORIES);
    expect(cells).toMatchObject({ startDate: 45658, endDate: 45659, contents: 'Kiểm tra, giám sát; xyz', cost: 1500000, days: '' });
    expect(recordCell(CADRES.fields[4], false, [])).toBe('Không');
    expect(recordCell(CADRES.fields[4], true, [])).toBe('Có');
    expect(recordCell(UNITS.fields[2], 'chi_doan', [])).toBe('Chi đoàn');
    expect(recordToCells(REGISTRATIONS, { cadreId: 'CB01', year: 2025, q1Days: 10, approved: false }, [])).toMatchObject({ year: 2025, q1Days: 10, approved: 'Không' });
  });
});

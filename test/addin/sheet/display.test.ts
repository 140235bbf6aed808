import { storedRowLines } from '../../../addin/sheet/display';
import { CADRES, TRIPS } from '../../../addin/sheet/columns';

describe('storedRowLines', () => {
  it('shows a stored trip under the sheet headers: dates dd/mm/yyyy, category labels, no sync fields', () => {
    const lines = storedRowLines(TRIPS, {
      id: 't1',
      version: 'v9',
      cadreId: 'CB01',
      unit: 'X01',
      startDate: '2025-03-03',
      endDate: '2025-03-07',
      contents: ['kiem_tra', 'khac'],
      cost: 1500000,
      derived: { countedDays: { 2025: 5 }, reportStatus: 'on_time', reportDeadline: '2025-03-17' },
    });
    expect(lines).toEqual(['Mã cán bộ: CB01', 'Đơn vị đến: X01', 'Ngày đi: 03/03/2025', 'Ngày về: 07/03/2025', 'Nội dung: Kiểm tra, giám sát; Khác', 'Kinh phí (VNĐ): 1500000']);
  });

  it('shows booleans as Có/Không', () => {
    expect(storedRowLines(CADRES, { id: 'CB01', version: 'v1', cadreId: 'CB01', subject: false })).toEqual(['Mã cán bộ: CB01', 'Thuộc đối tượng 1+2: Không']);
  });
});

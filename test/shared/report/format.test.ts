import { dateLine, formatDate, formatMoney, formatNumber, formatPercent } from '../../../shared/report/format';

describe('report number and date formats (Vietnamese)', () => {
  it('decimal comma, thousands dot, no trailing zeros', () => {
    expect(formatNumber(12.5)).toBe('12,5');
    expect(formatNumber(60)).toBe('60');
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(0)).toBe('0');
    expect(formatMoney(12500000)).toBe('12.500.000');
    expect(formatMoney(999)).toBe('999');
    expect(formatMoney(1000)).toBe('1.000');
    expect(formatPercent(92.3)).toBe('92,3');
    expect(formatPercent(100)).toBe('100');
    expect(formatPercent(null)).toBe('—');
  });

  it('dates: dd/mm/yyyy, and the date line with leading zeros for days below 10 and months 1–2 only', () => {
    expect(formatDate('2025-03-07')).toBe('07/03/2025');
    expect(dateLine('Quảng Trị', '2026-01-05')).toBe('Quảng Trị, ngày 05 tháng 01 năm 2026');
    expect(dateLine('Quảng Trị', '2026-02-15')).toBe('Quảng Trị, ngày 15 tháng 02 năm 2026');
    expect(dateLine('Huế', '2025-12-31')).toBe('Huế, ngày 31 tháng 12 năm 2025');
    expect(dateLine('Huế', '2025-03-09')).toBe('Huế, ngày 09 tháng 3 năm 2025');
    expect(dateLine('  ', '2025-03-09')).toBe('Ngày 09 tháng 3 năm 2025');
  });
});

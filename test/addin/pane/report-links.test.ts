import { clockTime, downloadStatus, LINK_EXPIRED, linkLabel, reportFileName } from '../../../addin/pane/report-links';

const d = { format: 'docx' as const, year: 2025, url: 'https://api.example/api/orgs/demo/reports/2025?sig=x', expiresAt: new Date(2026, 0, 5, 14, 7).toISOString(), opened: false };

describe('report link texts', () => {
  it('names the file as the API does and the link in both languages', () => {
    expect(reportFileName('demo', d)).toBe('bao-cao-1-2-demo-2025.docx');
    expect(reportFileName('qt', { year: 2024, format: 'xlsx' })).toBe('bao-cao-1-2-qt-2024.xlsx');
    expect(linkLabel(d)).toEqual({ vi: 'Tải báo cáo năm 2025 (Word)', en: 'Download the 2025 report (Word)' });
    expect(linkLabel({ year: 2025, format: 'xlsx' }).vi).toBe('Tải báo cáo năm 2025 (Excel)');
  });

  it('says until when the link works, on the user’s clock, and whether the browser was opened', () => {
    expect(clockTime(d.expiresAt)).toBe('14:07');
    expect(clockTime('not a time')).toBe('');
    expect(downloadStatus(d).vi).toBe('Báo cáo năm 2025 (Word) đã sẵn sàng: bấm liên kết bên dưới để tải về (dùng được đến 14:07).');
    expect(downloadStatus(d).en).toContain('valid until 14:07');
    const opened = downloadStatus({ ...d, opened: true });
    expect(opened.vi).toMatch(/^Đã mở báo cáo năm 2025 \(Word\) trong trình duyệt/);
    expect(opened.en).toMatch(/^Opened the 2025 report \(Word\) in the browser/);
    expect(LINK_EXPIRED.vi).toContain('10 phút');
    expect(LINK_EXPIRED.en).toContain('10 minutes');
  });
});

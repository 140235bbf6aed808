/** The pure part of the issue list (its DOM wiring runs in the browser test). */
import { issueMessage, serverValueLines } from '../../../addin/pane/issues-view';

describe('serverValueLines', () => {
  it('shows the server’s row of a conflict with the headers of its table', () => {
    expect(serverValueLines({ kind: 'units' }, { id: 'X01', version: 'v2', unitCode: 'X01', name: 'Xã An Bình', kind: 'xa', validFrom: '2025-01-01' })).toEqual([
      'Mã đơn vị: X01',
      'Tên đơn vị: Xã An Bình',
      'Loại đơn vị: Xã',
      'Hiệu lực từ: 01/01/2025',
    ]);
  });
});

describe('issueMessage', () => {
  it('shows the English text in English when there is one, else the Vietnamese', () => {
    const issue = { message: 'Ngày về (endDate): bắt buộc phải nhập.', en: 'End date (endDate): is required.' };
    expect(issueMessage(issue, 'en')).toBe('End date (endDate): is required.');
    expect(issueMessage(issue, 'vi')).toBe('Ngày về (endDate): bắt buộc phải nhập.');
    expect(issueMessage({ message: 'Lỗi' }, 'en')).toBe('Lỗi');
  });
});

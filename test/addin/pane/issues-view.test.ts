/** The pure part of the issue list (its DOM wiring runs in the browser test). */
import { serverValueLines } from '../../../addin/pane/issues-view';

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

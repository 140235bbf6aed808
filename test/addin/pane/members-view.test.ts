/** The pure part of the Thành viên view (its DOM wiring runs in the pane). */
import { memberFromForm } from '../../../addin/pane/members-view';

describe('memberFromForm', () => {
  it('reads the account in lower case, the name trimmed and the role', () => {
    expect(memberFromForm(' Binh@HN.vn ', ' Bình ', 'editor')).toEqual({ account: 'binh@hn.vn', name: 'Bình', role: 'editor' });
  });
  it('names the field that is wrong, in Vietnamese', () => {
    expect(memberFromForm('binh', '', 'editor')).toMatch(/^Tài khoản:/);
    expect(memberFromForm('binh@hn.vn', '', 'owner')).toMatch(/^Quyền:/);
    expect(memberFromForm('binh@hn.vn', 'x'.repeat(201), 'viewer')).toMatch(/^Họ tên:/);
  });
});

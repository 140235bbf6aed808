/** The pure part of the Thành viên view (its DOM wiring runs in the pane). */
import { memberFromForm } from '../../../addin/pane/members-view';

describe('memberFromForm', () => {
  it('reads the account in lower case, the name trimmed and the role', () => {
    expect(memberFromForm(' Binh@HN.vn ', ' Bình ', 'editor')).toEqual({ account: 'binh@hn.vn', name: 'Bình', role: 'editor' });
  });
  it('names the field that is wrong, in Vietnamese', () => {
    expect(memberFromForm('binh', '', 'editor')).toEqual({ vi: expect.stringMatching(/^Tài khoản:/), en: expect.stringMatching(/^Account:/) });
    expect(memberFromForm('binh@hn.vn', '', 'owner')).toEqual({ vi: expect.stringMatching(/^Quyền:/), en: expect.stringMatching(/^Role:/) });
    expect(memberFromForm('binh@hn.vn', 'x'.repeat(201), 'viewer')).toEqual({ vi: expect.stringMatching(/^Họ tên:/), en: expect.stringMatching(/^Full name:/) });
  });
});

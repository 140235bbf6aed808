import { decodeDialogMessage, dialogEventMessage, dialogRequest, dialogUrl, encodeDialogMessage } from '../../../addin/auth/dialog-protocol';

describe('the sign-in dialog protocol', () => {
  it('puts the dialog beside the pane with the scope and hint, and reads them back', () => {
    const url = dialogUrl('https://tracker.example.vn/addin/taskpane.html?x=1#h', 'api://a/access_as_user', 'lan@demo.vn');
    expect(url).toBe('https://tracker.example.vn/addin/auth-dialog.html?scope=api%3A%2F%2Fa%2Faccess_as_user&hint=lan%40demo.vn');
    expect(dialogRequest(new URL(url).search)).toEqual({ scope: 'api://a/access_as_user', loginHint: 'lan@demo.vn' });
    expect(dialogRequest('?scope=User.Read')).toBeNull();
  });

  it('decodes a token message and an error message', () => {
    const ok = decodeDialogMessage(encodeDialogMessage({ ok: true, accessToken: 'tok', username: 'lan@demo.vn', name: 'Lan', homeAccountId: 'h', expiresOn: '2025-06-01T02:00:00.000Z' }));
    expect(ok).toEqual({ accessToken: 'tok', account: { username: 'lan@demo.vn', name: 'Lan', homeAccountId: 'h' }, expiresOn: new Date('2025-06-01T02:00:00Z') });
    const err = decodeDialogMessage(encodeDialogMessage({ ok: false, error: 'consent_required' }));
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toBe('Đăng nhập không thành công: consent_required.');
    expect(decodeDialogMessage('{')).toBeInstanceOf(Error);
    expect(decodeDialogMessage(JSON.stringify({ ok: true, accessToken: '' }))).toBeInstanceOf(Error);
  });

  it('explains the dialog event codes in Vietnamese', () => {
    expect(dialogEventMessage(12006)).toMatch(/bị đóng/);
    expect(dialogEventMessage(12009)).toMatch(/cửa sổ bật lên/);
    expect(dialogEventMessage(1)).toMatch(/mã 1/);
  });
});

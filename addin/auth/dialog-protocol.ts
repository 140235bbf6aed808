/**
 * What the sign-in dialog (auth-dialog.ts, opened with the Office dialog API where nested app
 * authentication is not supported) and the pane say to each other: the dialog's address with
 * the scope and login hint, and the one message it sends back (`Office.context.ui.messageParent`).
 */
import type { TokenResult } from './backend';

export const DIALOG_PAGE = 'auth-dialog.html';

export type DialogMessage =
  | { ok: true; accessToken: string; username: string; name: string; homeAccountId: string; expiresOn: string | null }
  | { ok: false; error: string };

/** The dialog's address beside the pane, carrying what it should ask for. */
export function dialogUrl(paneUrl: string, scope: string, loginHint: string | null): string {
  const url = new URL(DIALOG_PAGE, paneUrl);
  url.search = '';
  url.hash = '';
  url.searchParams.set('scope', scope);
  if (loginHint) url.searchParams.set('hint', loginHint);
  return url.toString();
}

/** Reads the dialog's address (in the dialog). */
export function dialogRequest(search: string): { scope: string; loginHint: string | null } | null {
  const params = new URLSearchParams(search);
  const scope = params.get('scope') ?? '';
  if (!/^api:\/\/\S+\/access_as_user$/.test(scope)) return null;
  return { scope, loginHint: params.get('hint') };
}

export function encodeDialogMessage(m: DialogMessage): string {
  return JSON.stringify(m);
}

/** The pane's reading of the dialog's message: a token, or an error to show. */
export function decodeDialogMessage(text: string): TokenResult | Error {
  let m: unknown;
  try {
    m = JSON.parse(text);
  } catch {
    return new Error('Hộp thoại đăng nhập trả về dữ liệu không đọc được.');
  }
  const v = m as Record<string, unknown>;
  if (v?.ok === true && typeof v.accessToken === 'string' && v.accessToken !== '' && typeof v.username === 'string') {
    const expires = typeof v.expiresOn === 'string' ? new Date(v.expiresOn) : null;
    return {
      accessToken: v.accessToken,
      account: { username: v.username, name: typeof v.name === 'string' ? v.name : v.username, homeAccountId: typeof v.homeAccountId === 'string' ? v.homeAccountId : '' },
      expiresOn: expires && !Number.isNaN(expires.getTime()) ? expires : null,
    };
  }
  return new Error(`Đăng nhập không thành công: ${typeof v?.error === 'string' ? v.error : 'không rõ lý do'}.`);
}

/** Office's dialog event codes: the user closed the dialog, or it could not open. */
export function dialogEventMessage(code: number): string {
  if (code === 12006) return 'Hộp thoại đăng nhập đã bị đóng trước khi đăng nhập xong.';
  if (code === 12007) return 'Một hộp thoại khác đang mở; hãy đóng nó rồi thử lại.';
  if (code === 12009) return 'Trình duyệt chặn hộp thoại đăng nhập; hãy cho phép cửa sổ bật lên rồi thử lại.';
  return `Không mở được hộp thoại đăng nhập (mã ${code}).`;
}

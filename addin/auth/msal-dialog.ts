/**
 * The MSAL backend where nested app authentication is not supported: silent sign-in with a
 * standard MSAL client in the pane (its cache in localStorage, shared with the dialog, same
 * origin), and interactive sign-in in an Office dialog (`displayDialogAsync`) that runs MSAL's
 * redirect flow (auth-dialog.ts) and sends the result back. Thin: logic in session.ts and
 * dialog-protocol.ts.
 */
import { createStandardPublicClientApplication } from '@azure/msal-browser';
import type { AuthBackend, TokenResult } from './backend';
import type { AuthConfig } from './config';
import { decodeDialogMessage, dialogEventMessage, dialogUrl, DIALOG_PAGE } from './dialog-protocol';
import { authority, findAccount, toAccount, toResult } from './msal-naa';

export function msalBrowserConfig(config: AuthConfig, redirectUri: string) {
  return {
    auth: { clientId: config.clientId, authority: authority(config), redirectUri },
    cache: { cacheLocation: 'localStorage' as const },
  };
}

/** Opens the sign-in dialog and waits for its one message. */
function signInThroughDialog(url: string): Promise<TokenResult> {
  return new Promise<TokenResult>((resolve, reject) => {
    Office.context.ui.displayDialogAsync(url, { height: 60, width: 30, promptBeforeOpen: false }, (opened) => {
      if (opened.status !== Office.AsyncResultStatus.Succeeded) {
        reject(new Error(dialogEventMessage(opened.error.code)));
        return;
      }
      const dialog = opened.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        dialog.close();
        const result = 'message' in arg ? decodeDialogMessage(arg.message) : new Error('Hộp thoại đăng nhập không trả lời.');
        if (result instanceof Error) reject(result);
        else resolve(result);
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => {
        reject(new Error(dialogEventMessage('error' in arg ? arg.error : 0)));
      });
    });
  });
}

export async function createDialogBackend(config: AuthConfig, paneUrl: string): Promise<AuthBackend> {
  const pca = await createStandardPublicClientApplication(msalBrowserConfig(config, new URL(DIALOG_PAGE, paneUrl).toString()));
  return {
    kind: 'dialog',
    accounts: () => Promise.resolve(pca.getAllAccounts().map(toAccount)),
    async silent(scopes, account) {
      const all = pca.getAllAccounts();
      const known = account ? findAccount(pca, account) : all.length === 1 ? all[0] : null;
      if (!known) throw new Error('no cached account');
      return toResult(await pca.acquireTokenSilent({ scopes: [...scopes], account: known }));
    },
    interactive: (scopes, loginHint) => signInThroughDialog(dialogUrl(paneUrl, scopes[0], loginHint)),
    async signOut(account) {
      const known = account ? findAccount(pca, account) : null;
      await pca.clearCache(known ? { account: known } : undefined);
    },
  };
}

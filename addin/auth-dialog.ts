/**
 * The sign-in dialog (auth-dialog.html), opened by the pane with the Office dialog API where
 * nested app authentication is not supported: MSAL's standard redirect flow, then one message
 * back to the pane (`messageParent`) with the token or the error.
 */
import { createStandardPublicClientApplication } from '@azure/msal-browser';
import { loadAuthConfig } from './auth/config';
import { dialogRequest, encodeDialogMessage, DIALOG_PAGE, type DialogMessage } from './auth/dialog-protocol';
import { msalBrowserConfig } from './auth/msal-dialog';

async function run(): Promise<DialogMessage | null> {
  const config = await loadAuthConfig((url) => fetch(url), window.location.href);
  if (!config) return { ok: false, error: 'auth-config.json missing' };
  const pca = await createStandardPublicClientApplication(msalBrowserConfig(config, new URL(DIALOG_PAGE, window.location.href).toString()));
  const back = await pca.handleRedirectPromise();
  if (back?.account) {
    return {
      ok: true,
      accessToken: back.accessToken,
      username: back.account.username,
      name: back.account.name ?? back.account.username,
      homeAccountId: back.account.homeAccountId,
      expiresOn: back.expiresOn ? back.expiresOn.toISOString() : null,
    };
  }
  const request = dialogRequest(window.location.search) ?? { scope: config.apiScope, loginHint: null };
  // Leaves the page; it comes back here with the answer (handleRedirectPromise above).
  await pca.acquireTokenRedirect({ scopes: [request.scope], loginHint: request.loginHint ?? undefined, redirectStartPage: window.location.href });
  return null;
}

Office.onReady(() => {
  run()
    .then((message) => {
      if (message) Office.context.ui.messageParent(encodeDialogMessage(message));
    })
    .catch((err: unknown) => {
      Office.context.ui.messageParent(encodeDialogMessage({ ok: false, error: err instanceof Error ? err.message : String(err) }));
    });
});

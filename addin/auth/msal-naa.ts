/**
 * The MSAL backend for nested app authentication (Office supports NestedAppAuth 1.1): Office
 * is the broker, so silent sign-in works with the account signed in to Office and the prompt
 * is Office's own. Thin: the logic is in session.ts, tested with this replaced.
 */
import { createNestablePublicClientApplication, type AccountInfo, type AuthenticationResult, type IPublicClientApplication } from '@azure/msal-browser';
import type { AuthAccount, AuthBackend, TokenResult } from './backend';
import type { AuthConfig } from './config';

export const toAccount = (a: AccountInfo): AuthAccount => ({ username: a.username, name: a.name ?? a.username, homeAccountId: a.homeAccountId });

export const toResult = (r: AuthenticationResult): TokenResult => {
  if (!r.account) throw new Error('MSAL returned a token without an account');
  return { accessToken: r.accessToken, account: toAccount(r.account), expiresOn: r.expiresOn ?? null };
};

export const authority = (config: AuthConfig): string => `https://login.microsoftonline.com/${config.tenantId}`;

export function findAccount(pca: IPublicClientApplication, account: AuthAccount): AccountInfo | null {
  return pca.getAllAccounts().find((a) => a.homeAccountId === account.homeAccountId || a.username.toLowerCase() === account.username.toLowerCase()) ?? null;
}

export async function createNaaBackend(config: AuthConfig): Promise<AuthBackend> {
  const pca = await createNestablePublicClientApplication({ auth: { clientId: config.clientId, authority: authority(config) } });
  return {
    kind: 'naa',
    accounts: () => Promise.resolve(pca.getAllAccounts().map(toAccount)),
    async silent(scopes, account) {
      const known = account ? findAccount(pca, account) : null;
      // Without a cached account, Office's signed-in account (the broker knows it).
      return toResult(known ? await pca.acquireTokenSilent({ scopes: [...scopes], account: known }) : await pca.ssoSilent({ scopes: [...scopes] }));
    },
    async interactive(scopes, loginHint) {
      return toResult(await pca.acquireTokenPopup({ scopes: [...scopes], loginHint: loginHint ?? undefined }));
    },
    async signOut(account) {
      const known = account ? findAccount(pca, account) : null;
      await pca.clearCache(known ? { account: known } : undefined);
    },
  };
}

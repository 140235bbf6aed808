/**
 * The module boundary around MSAL.js: what the sign-in logic (session.ts) needs from it. The
 * real implementations (msal-naa.ts: nested app authentication; msal-dialog.ts: the Office
 * dialog with MSAL's redirect flow) are thin; tests replace the whole backend.
 */

export interface AuthAccount {
  /** The UPN (`preferred_username`). */
  readonly username: string;
  readonly name: string;
  /** MSAL's key of the account in its cache. */
  readonly homeAccountId: string;
}

export interface TokenResult {
  readonly accessToken: string;
  readonly account: AuthAccount;
  /** When the access token expires (null: unknown, asked again each time). */
  readonly expiresOn: Date | null;
}

/** How the pane signs in: nested app authentication, or the Office dialog API. */
export type AuthKind = 'naa' | 'dialog';

export interface AuthBackend {
  readonly kind: AuthKind;
  /** The accounts in MSAL's cache. */
  accounts(): Promise<AuthAccount[]>;
  /**
   * A token with no UI; rejects when interaction is needed. With no account, the one signed
   * in to Office (NAA) or the only cached one.
   */
  silent(scopes: readonly string[], account: AuthAccount | null): Promise<TokenResult>;
  /** A token through UI (Office's sign-in prompt with NAA, or the Office dialog). */
  interactive(scopes: readonly string[], loginHint: string | null): Promise<TokenResult>;
  /** Forgets the account in MSAL's cache. */
  signOut(account: AuthAccount | null): Promise<void>;
}

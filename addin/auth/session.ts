/**
 * The sign-in logic of the pane, independent of MSAL (backend.ts is the boundary): which way to
 * sign in (nested app authentication where Office supports requirement set NestedAppAuth 1.1,
 * else the Office dialog), silent then interactive, the token kept until 5 minutes before it
 * expires, one request to MSAL at a time, and the account remembered (its name only) so the
 * next opening of the pane signs in silently.
 */
import type { AuthAccount, AuthBackend, AuthKind, TokenResult } from './backend';
import type { AuthConfig } from './config';

export const NAA_REQUIREMENT = { name: 'NestedAppAuth', version: '1.1' } as const;
/** A cached token is used until this long before it expires. */
export const TOKEN_MARGIN_MS = 5 * 60_000;
export const AUTH_STORAGE_KEY = 'tracker12.auth';

export type IsSetSupported = (name: string, version: string) => boolean;

/** Nested app authentication when Office supports it, otherwise the Office dialog. */
export function chooseAuthKind(isSetSupported: IsSetSupported | undefined): AuthKind {
  try {
    return isSetSupported?.(NAA_REQUIREMENT.name, NAA_REQUIREMENT.version) ? 'naa' : 'dialog';
  } catch {
    return 'dialog';
  }
}

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Sign-in is needed and could not happen without the user (shown in Vietnamese). */
export class SignInRequiredError extends Error {
  constructor(override readonly cause?: unknown) {
    super('Cần đăng nhập bằng Microsoft 365 (phiên đăng nhập đã hết hoặc bị huỷ).');
  }
}

export class AuthSession {
  private current: TokenResult | null = null;
  private inFlight: Promise<TokenResult> | null = null;

  constructor(
    private readonly config: AuthConfig,
    private readonly backend: AuthBackend,
    private readonly storage: StorageLike | undefined,
    private readonly now: () => number = () => Date.now(),
  ) {}

  get kind(): AuthKind {
    return this.backend.kind;
  }

  get account(): AuthAccount | null {
    return this.current?.account ?? null;
  }

  private get scopes(): string[] {
    return [this.config.apiScope];
  }

  /** The account remembered from an earlier sign-in on this computer (its UPN), if any. */
  remembered(): string | null {
    try {
      const raw = this.storage?.getItem(AUTH_STORAGE_KEY);
      const v = raw ? (JSON.parse(raw) as { username?: unknown }) : null;
      return typeof v?.username === 'string' && v.username !== '' ? v.username : null;
    } catch {
      return null;
    }
  }

  private remember(result: TokenResult): TokenResult {
    this.current = result;
    try {
      this.storage?.setItem(AUTH_STORAGE_KEY, JSON.stringify({ username: result.account.username }));
    } catch {
      // storage blocked: silent sign-in will not happen on the next opening
    }
    return result;
  }

  private async knownAccount(): Promise<AuthAccount | null> {
    if (this.current) return this.current.account;
    const hint = this.remembered()?.toLowerCase();
    const accounts = await this.backend.accounts();
    return accounts.find((a) => a.username.toLowerCase() === hint) ?? (accounts.length === 1 ? accounts[0] : null);
  }

  private fresh(): TokenResult | null {
    const c = this.current;
    if (!c || !c.expiresOn) return null;
    return c.expiresOn.getTime() - this.now() > TOKEN_MARGIN_MS ? c : null;
  }

  /** One MSAL request at a time: concurrent callers share it. */
  private once(work: () => Promise<TokenResult>): Promise<TokenResult> {
    if (!this.inFlight) {
      this.inFlight = work()
        .then((r) => this.remember(r))
        .finally(() => {
          this.inFlight = null;
        });
    }
    return this.inFlight;
  }

  private async silentThenInteractive(allowInteractive: boolean): Promise<TokenResult> {
    const account = await this.knownAccount();
    try {
      return await this.backend.silent(this.scopes, account);
    } catch (silentError) {
      if (!allowInteractive) throw new SignInRequiredError(silentError);
      try {
        return await this.backend.interactive(this.scopes, account?.username ?? this.remembered());
      } catch (interactiveError) {
        throw new SignInRequiredError(interactiveError);
      }
    }
  }

  /**
   * On opening the pane: a silent sign-in when this computer signed in before; null when
   * it did not, or when silent sign-in needs the user (then the pane shows the button).
   */
  async restore(): Promise<TokenResult | null> {
    if (this.remembered() === null) return null;
    try {
      return await this.once(() => this.silentThenInteractive(false));
    } catch {
      return null;
    }
  }

  /** "Đăng nhập bằng Microsoft 365": silent first, then interactive. */
  signIn(): Promise<TokenResult> {
    return this.once(() => this.silentThenInteractive(true));
  }

  /** The access token for an API call: the cached one, else silent, else interactive. */
  async token(): Promise<string> {
    const cached = this.fresh();
    if (cached) return cached.accessToken;
    return (await this.once(() => this.silentThenInteractive(true))).accessToken;
  }

  /** Forgets the token and the remembered account (the pane goes back to the two choices). */
  async signOut(): Promise<void> {
    const account = this.current?.account ?? null;
    this.current = null;
    try {
      this.storage?.removeItem(AUTH_STORAGE_KEY);
    } catch {
      // nothing remembered
    }
    await this.backend.signOut(account);
  }
}

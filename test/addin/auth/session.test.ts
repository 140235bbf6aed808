/** The pane's sign-in logic with MSAL replaced at its boundary (addin/auth/backend.ts). */
import type { AuthAccount, AuthBackend, AuthKind, TokenResult } from '../../../addin/auth/backend';
import { AUTH_STORAGE_KEY, AuthSession, chooseAuthKind, SignInRequiredError, TOKEN_MARGIN_MS } from '../../../addin/auth/session';

const CONFIG = { clientId: 'c', tenantId: 't', apiScope: 'api://api-id/access_as_user' };
const LAN: AuthAccount = { username: 'lan@demo.vn', name: 'Lan', homeAccountId: 'h-lan' };

class MemoryStorage {
  data = new Map<string, string>();
  getItem = (k: string): string | null => this.data.get(k) ?? null;
  setItem = (k: string, v: string): void => void this.data.set(k, v);
  removeItem = (k: string): void => void this.data.delete(k);
}

/** A stand-in for MSAL: a cache of accounts, silent answers that may need interaction, a log of calls. */
class FakeBackend implements AuthBackend {
  calls: string[] = [];
  cached: AuthAccount[] = [];
  silentWorks = true;
  interactiveWorks = true;
  issued = 0;
  constructor(
    readonly kind: AuthKind,
    private readonly now: () => number,
    private readonly lifetimeMs = 3_600_000,
  ) {}
  private issue(account: AuthAccount): TokenResult {
    this.issued++;
    return { accessToken: `tok-${this.issued}`, account, expiresOn: new Date(this.now() + this.lifetimeMs) };
  }
  accounts = async (): Promise<AuthAccount[]> => {
    this.calls.push('accounts');
    return this.cached;
  };
  silent = async (scopes: readonly string[], account: AuthAccount | null): Promise<TokenResult> => {
    this.calls.push(`silent:${scopes.join(' ')}:${account?.username ?? '-'}`);
    await Promise.resolve();
    if (!this.silentWorks || (!account && this.kind === 'dialog')) throw new Error('interaction_required');
    return this.issue(account ?? LAN);
  };
  interactive = async (scopes: readonly string[], hint: string | null): Promise<TokenResult> => {
    this.calls.push(`interactive:${scopes.join(' ')}:${hint ?? '-'}`);
    if (!this.interactiveWorks) throw new Error('user_cancelled');
    this.cached = [LAN];
    return this.issue(LAN);
  };
  signOut = async (account: AuthAccount | null): Promise<void> => {
    this.calls.push(`signOut:${account?.username ?? '-'}`);
    this.cached = [];
  };
}

function setup(kind: AuthKind = 'naa') {
  let clock = Date.parse('2025-06-01T01:00:00Z');
  const now = () => clock;
  const backend = new FakeBackend(kind, now);
  const storage = new MemoryStorage();
  const session = new AuthSession(CONFIG, backend, storage, now);
  return { backend, storage, session, advance: (ms: number) => (clock += ms) };
}

describe('chooseAuthKind', () => {
  it('takes nested app authentication only where Office supports NestedAppAuth 1.1', () => {
    const asked: string[] = [];
    expect(chooseAuthKind((n, v) => (asked.push(`${n} ${v}`), true))).toBe('naa');
    expect(asked).toEqual(['NestedAppAuth 1.1']);
    expect(chooseAuthKind(() => false)).toBe('dialog');
    expect(chooseAuthKind(undefined)).toBe('dialog');
    expect(
      chooseAuthKind(() => {
        throw new Error('no requirements API');
      }),
    ).toBe('dialog');
  });
});

describe('AuthSession', () => {
  it('first opening: no silent attempt until the user chooses to sign in', async () => {
    const { session, backend } = setup();
    expect(await session.restore()).toBeNull();
    expect(backend.calls).toEqual([]);
  });

  it('sign-in tries silent first, then interactive; the account is remembered (its name only)', async () => {
    const { session, backend, storage } = setup('dialog');
    const r = await session.signIn();
    expect(backend.calls).toEqual(['accounts', 'silent:api://api-id/access_as_user:-', 'interactive:api://api-id/access_as_user:-']);
    expect(r.account).toEqual(LAN);
    expect(JSON.parse(storage.getItem(AUTH_STORAGE_KEY)!)).toEqual({ username: 'lan@demo.vn' });
    expect(storage.getItem(AUTH_STORAGE_KEY)).not.toContain('tok-');
  });

  it('NAA signs in silently with the Office account when it can (no prompt)', async () => {
    const { session, backend } = setup('naa');
    await session.signIn();
    expect(backend.calls).toEqual(['accounts', 'silent:api://api-id/access_as_user:-']);
  });

  it('a later opening signs in silently with the remembered account, never interactively', async () => {
    const first = setup('dialog');
    await first.session.signIn();
    const backend = new FakeBackend('dialog', () => Date.now());
    backend.cached = [{ ...LAN, username: 'other@demo.vn', homeAccountId: 'h-o' }, LAN];
    const later = new AuthSession(CONFIG, backend, first.storage);
    const r = await later.restore();
    expect(r?.account.username).toBe('lan@demo.vn');
    expect(backend.calls).toEqual(['accounts', 'silent:api://api-id/access_as_user:lan@demo.vn']);
    // silent needing interaction on opening: no prompt, the pane shows the button
    const expired = new FakeBackend('dialog', () => Date.now());
    expired.silentWorks = false;
    expect(await new AuthSession(CONFIG, expired, first.storage).restore()).toBeNull();
    expect(expired.calls.filter((c) => c.startsWith('interactive'))).toEqual([]);
  });

  it('passes the remembered account as the login hint when silent fails', async () => {
    const { session, backend, storage } = setup('dialog');
    storage.setItem(AUTH_STORAGE_KEY, JSON.stringify({ username: 'lan@demo.vn' }));
    backend.silentWorks = false;
    await session.signIn();
    expect(backend.calls.at(-1)).toBe('interactive:api://api-id/access_as_user:lan@demo.vn');
  });

  it('keeps the token until 5 minutes before it expires, then renews it silently', async () => {
    const { session, backend, advance } = setup('naa');
    await session.signIn();
    expect(await session.token()).toBe('tok-1');
    expect(await session.token()).toBe('tok-1');
    const before = backend.calls.length;
    advance(3_600_000 - TOKEN_MARGIN_MS - 1000);
    expect(await session.token()).toBe('tok-1');
    expect(backend.calls.length).toBe(before);
    advance(2000);
    expect(await session.token()).toBe('tok-2');
    expect(backend.calls.slice(before)).toEqual(['silent:api://api-id/access_as_user:lan@demo.vn']);
  });

  it('asks MSAL once for concurrent calls', async () => {
    const { session, backend } = setup('naa');
    const tokens = await Promise.all([session.token(), session.token(), session.token()]);
    expect(tokens).toEqual(['tok-1', 'tok-1', 'tok-1']);
    expect(backend.calls.filter((c) => c.startsWith('silent'))).toHaveLength(1);
  });

  it('a cancelled sign-in is a SignInRequiredError with a Vietnamese message, and nothing is remembered', async () => {
    const { session, backend, storage } = setup('dialog');
    backend.interactiveWorks = false;
    await expect(session.signIn()).rejects.toBeInstanceOf(SignInRequiredError);
    await expect(session.token()).rejects.toThrow(/Cần đăng nhập bằng Microsoft 365/);
    expect(storage.getItem(AUTH_STORAGE_KEY)).toBeNull();
    expect(session.account).toBeNull();
  });

  it('sign-out forgets the token and the account', async () => {
    const { session, backend, storage } = setup('naa');
    await session.signIn();
    await session.signOut();
    expect(backend.calls.at(-1)).toBe('signOut:lan@demo.vn');
    expect(storage.getItem(AUTH_STORAGE_KEY)).toBeNull();
    expect(session.account).toBeNull();
    expect(await session.restore()).toBeNull();
  });
});

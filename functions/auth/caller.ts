/**
 * Who is calling (a key of `API_KEYS`, or an account behind a bearer token) and the role that
 * caller has in an org. A key's role and org are its own; an account's role in an org is the
 * highest of its member row there, its member row of `*` (every org) and `ADMIN_ACCOUNTS`.
 */
import type { ApiRequest } from '../http/types';
import type { MemberStore } from '../storage/members';
import type { AdminAccounts } from './accounts';
import type { TokenVerifier } from './entra';
import { canAccessOrg, type KeyRing, type Principal } from './keys';
import { roleAtLeast, type Role } from '../../shared/roles';

export type Caller =
  | { readonly kind: 'key'; readonly key: Principal }
  | { readonly kind: 'account'; readonly account: string; readonly name: string };

export interface Identity {
  readonly keys: KeyRing;
  readonly tokens: TokenVerifier;
  readonly adminAccounts: AdminAccounts;
  readonly members: MemberStore;
}

const BEARER = /^Bearer[ \t]+([A-Za-z0-9\-_.~+/]+=*)[ \t]*$/i;

/**
 * The caller of a request, or null (401). An `Authorization: Bearer` header is used when
 * present (a malformed one is refused); otherwise `x-api-key`.
 */
export async function authenticate(req: Pick<ApiRequest, 'header'>, identity: Pick<Identity, 'keys' | 'tokens'>): Promise<Caller | null> {
  const authorization = req.header('authorization');
  if (authorization !== undefined && /^\s*bearer\b/i.test(authorization)) {
    const m = BEARER.exec(authorization.trim());
    if (!m) return null;
    const id = await identity.tokens.verify(m[1]);
    return id ? { kind: 'account', account: id.account, name: id.name } : null;
  }
  const key = identity.keys.authenticate(req.header('x-api-key'));
  return key ? { kind: 'key', key } : null;
}

/** The audit's "who": the key's NAME, or the account. */
export function whoOf(caller: Caller): string {
  return caller.kind === 'key' ? caller.key.name : caller.account;
}

export function highestRole(roles: ReadonlyArray<Role | null | undefined>): Role | null {
  let best: Role | null = null;
  for (const r of roles) if (r && (best === null || roleAtLeast(r, best))) best = r;
  return best;
}

/** The roles an account holds through `*` (every org): its `*` member row and ADMIN_ACCOUNTS. */
async function accountRoleInAll(identity: Identity, account: string): Promise<Role | null> {
  const star = await identity.members.get('*', account);
  return highestRole([star?.role, identity.adminAccounts.isAdmin(account, '*') ? 'admin' : null]);
}

/**
 * The caller's role in `org` (an org id, `*`, or a path value that is neither: then only a
 * role over every org counts); null when it has none there.
 */
export async function roleIn(caller: Caller, org: string, identity: Identity, validOrg: boolean): Promise<Role | null> {
  if (caller.kind === 'key') return canAccessOrg(caller.key, org) ? caller.key.role : null;
  const { account } = caller;
  if (org === '*' || !validOrg) return accountRoleInAll(identity, account);
  const [all, own] = await Promise.all([accountRoleInAll(identity, account), identity.members.get(org, account)]);
  return highestRole([all, own?.role, identity.adminAccounts.isAdmin(account, org) ? 'admin' : null]);
}

export function principalFor(caller: Caller, org: string, role: Role): Principal {
  return { role, org, name: whoOf(caller) };
}

export interface Membership {
  readonly org: string;
  readonly role: Role;
}

/**
 * Every membership of a caller: a key's own org and role; for an account, `*` when it holds a
 * role over every org, then each org (of `orgs`, the orgs that have data or members, and of
 * ADMIN_ACCOUNTS) where it is a member or an admin, with its role there.
 */
export async function membershipsOf(caller: Caller, identity: Identity, orgs: readonly string[]): Promise<Membership[]> {
  if (caller.kind === 'key') return [{ org: caller.key.org, role: caller.key.role }];
  const { account } = caller;
  const candidates = [...new Set([...orgs, ...identity.adminAccounts.orgsOf(account).filter((o) => o !== '*')])].sort();
  const [all, ...own] = await Promise.all([
    accountRoleInAll(identity, account),
    ...candidates.map((org) => identity.members.get(org, account)),
  ]);
  const out: Membership[] = all ? [{ org: '*', role: all }] : [];
  candidates.forEach((org, i) => {
    const direct = highestRole([own[i]?.role, identity.adminAccounts.orgsOf(account).includes(org) ? 'admin' : null]);
    if (direct) out.push({ org, role: highestRole([direct, all]) ?? direct });
  });
  return out;
}

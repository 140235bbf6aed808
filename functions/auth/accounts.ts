/**
 * Accounts (a token's `preferred_username`, lower case) and `ADMIN_ACCOUNTS`
 * (comma-separated `account:ORG`, ORG `*` for every org): admins without a member row.
 */
import { ORG_ID_PATTERN } from '../../shared/ids';

/** A UPN as Entra ID allows it: `name@domain`, printable ASCII, at most 113 characters. */
const ACCOUNT = /^[!-~]{1,64}@[!-~]{1,112}$/;
const EXCLUDED = /[@/\\?#%]/;
export const MAX_ACCOUNT_LENGTH = 113;

/** The account in its stored form (trimmed, lower case), or null when it is not one. */
export function normalizeAccount(text: string): string | null {
  const account = text.trim().toLowerCase();
  if (account.length > MAX_ACCOUNT_LENGTH || !ACCOUNT.test(account)) return null;
  const at = account.indexOf('@');
  return EXCLUDED.test(account.slice(0, at)) || EXCLUDED.test(account.slice(at + 1)) ? null : account;
}

/** An org of a membership: an org id or `*` (every org). */
export function isMembershipOrg(org: string): boolean {
  return org === '*' || ORG_ID_PATTERN.test(org);
}

export interface AdminAccounts {
  /** True when the account is an admin of the org by `ADMIN_ACCOUNTS` (directly or through `*`). */
  isAdmin(account: string, org: string): boolean;
  /** The orgs (`*` included) an account is an admin of by `ADMIN_ACCOUNTS`, sorted. */
  orgsOf(account: string): string[];
}

/** Parses `ADMIN_ACCOUNTS`; throws on a malformed entry. */
export function parseAdminAccounts(text: string | undefined): AdminAccounts {
  const byAccount = new Map<string, Set<string>>();
  (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .forEach((item, index) => {
      const at = item.lastIndexOf(':');
      const account = at > 0 ? normalizeAccount(item.slice(0, at)) : null;
      const org = at > 0 ? item.slice(at + 1).trim() : '';
      if (!account || !isMembershipOrg(org)) {
        throw new Error(`ADMIN_ACCOUNTS: entry ${index + 1} is not account:ORG (ORG an org id or *)`);
      }
      const orgs = byAccount.get(account) ?? new Set<string>();
      orgs.add(org);
      byAccount.set(account, orgs);
    });
  return {
    isAdmin(account, org) {
      const orgs = byAccount.get(account);
      return orgs !== undefined && (orgs.has('*') || orgs.has(org));
    },
    orgsOf(account) {
      return [...(byAccount.get(account) ?? [])].sort();
    },
  };
}

/**
 * API keys from `API_KEYS` (`KEY:ROLE:ORG[:NAME]`, comma-separated). Only SHA-256 digests of
 * the keys are kept; a presented key is compared with every digest in constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { ORG_ID_PATTERN } from '../../shared/ids';
import { isRole, type Role } from '../../shared/roles';

export interface Principal {
  readonly role: Role;
  /** An org id, or `*` for all orgs. */
  readonly org: string;
  /** The holder shown in the audit; never the key. */
  readonly name: string;
}

interface KeyEntry extends Principal {
  readonly digest: Buffer;
}

export interface KeyRing {
  authenticate(presented: string | undefined): Principal | null;
  readonly size: number;
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Parses `API_KEYS`; throws on a malformed entry (the message never shows the key). */
export function parseApiKeys(text: string | undefined): KeyRing {
  const entries: KeyEntry[] = [];
  (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .forEach((item, index) => {
      const parts = item.split(':');
      const [key, role, org, ...rest] = parts;
      const name = rest.join(':').trim();
      if (!key || !role || !org || !isRole(role.trim()) || !(org.trim() === '*' || ORG_ID_PATTERN.test(org.trim()))) {
        throw new Error(`API_KEYS: entry ${index + 1} is not KEY:ROLE:ORG[:NAME] with a known role and org`);
      }
      const digest = sha256(key);
      entries.push({
        digest,
        role: role.trim() as Role,
        org: org.trim(),
        name: name || `key-${digest.toString('hex').slice(0, 8)}`,
      });
    });
  return {
    size: entries.length,
    authenticate(presented) {
      if (presented === undefined || presented === '') return null;
      const digest = sha256(presented);
      let found: KeyEntry | null = null;
      for (const entry of entries) {
        // Every digest is compared (no early exit) so timing does not tell which matched.
        if (timingSafeEqual(entry.digest, digest) && found === null) found = entry;
      }
      return found ? { role: found.role, org: found.org, name: found.name } : null;
    },
  };
}

export function canAccessOrg(principal: Principal, org: string): boolean {
  return principal.org === '*' || principal.org === org;
}

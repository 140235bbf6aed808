import { createHash } from 'node:crypto';
import { canAccessOrg, parseApiKeys } from '../../../functions/auth/keys';
import { roleAtLeast } from '../../../shared/roles';

describe('parseApiKeys', () => {
  const ring = parseApiKeys(' k1:admin:demo:Nguyễn A , k2:viewer:* ,k3:editor:other:x:y');
  it('authenticates known keys only, with role, org and name', () => {
    expect(ring.size).toBe(3);
    expect(ring.authenticate('k1')).toEqual({ role: 'admin', org: 'demo', name: 'Nguyễn A' });
    expect(ring.authenticate('k3')).toEqual({ role: 'editor', org: 'other', name: 'x:y' });
    expect(ring.authenticate('k4')).toBeNull();
    expect(ring.authenticate('')).toBeNull();
    expect(ring.authenticate(undefined)).toBeNull();
    expect(ring.authenticate('K1')).toBeNull();
  });
  it('names a key without NAME by the first 8 hex digits of its SHA-256, never the key', () => {
    const p = ring.authenticate('k2')!;
    expect(p.name).toMatch(/^key-[0-9a-f]{8}$/);
    expect(p.name).toBe(`key-${createHash('sha256').update('k2').digest('hex').slice(0, 8)}`);
    expect(p.name).not.toContain('k2');
  });
  it('rejects malformed entries without showing the key', () => {
    expect(() => parseApiKeys('secret:boss:demo')).toThrow(/entry 1/);
    expect(() => parseApiKeys('secret:boss:demo')).not.toThrow(/secret/);
    expect(() => parseApiKeys('secret:admin:Bad Org')).toThrow();
    expect(() => parseApiKeys('secret:admin')).toThrow();
    expect(parseApiKeys('').size).toBe(0);
    expect(parseApiKeys(undefined).authenticate('x')).toBeNull();
  });
  it('orders roles and checks orgs', () => {
    expect(roleAtLeast('admin', 'leader')).toBe(true);
    expect(roleAtLeast('editor', 'leader')).toBe(false);
    expect(roleAtLeast('viewer', 'viewer')).toBe(true);
    expect(canAccessOrg({ role: 'viewer', org: '*', name: 'a' }, 'x1')).toBe(true);
    expect(canAccessOrg({ role: 'viewer', org: 'demo', name: 'a' }, 'x1')).toBe(false);
  });
});

import { normalizeAccount, parseAdminAccounts } from '../../../functions/auth/accounts';

describe('normalizeAccount', () => {
  it('lower-cases and trims a UPN', () => {
    expect(normalizeAccount('  Lan.Nguyen@TinhDoan.VN ')).toBe('lan.nguyen@tinhdoan.vn');
  });
  it.each(['', 'no-at', '@demo.vn', 'a@', 'a@b@c', 'a b@demo.vn', 'a/b@demo.vn', 'a@demo.vn#x', 'ạ@demo.vn', `${'a'.repeat(65)}@d.vn`, `a@${'d'.repeat(112)}`])(
    'refuses %j',
    (text) => {
      expect(normalizeAccount(text)).toBeNull();
    },
  );
});

describe('parseAdminAccounts', () => {
  const admins = parseAdminAccounts(' Chief@TW.vn:* , boss@demo.vn:demo,boss@demo.vn:qt');
  it('gives admin over one org or every org', () => {
    expect(admins.isAdmin('chief@tw.vn', 'demo')).toBe(true);
    expect(admins.isAdmin('chief@tw.vn', '*')).toBe(true);
    expect(admins.isAdmin('boss@demo.vn', 'demo')).toBe(true);
    expect(admins.isAdmin('boss@demo.vn', 'other')).toBe(false);
    expect(admins.isAdmin('boss@demo.vn', '*')).toBe(false);
    expect(admins.isAdmin('someone@demo.vn', 'demo')).toBe(false);
    expect(admins.orgsOf('boss@demo.vn')).toEqual(['demo', 'qt']);
    expect(admins.orgsOf('nobody@x.vn')).toEqual([]);
  });
  it('refuses malformed entries, naming the entry', () => {
    expect(() => parseAdminAccounts('boss@demo.vn')).toThrow(/entry 1/);
    expect(() => parseAdminAccounts('ok@x.vn:demo,boss@demo.vn:Bad Org')).toThrow(/entry 2/);
    expect(() => parseAdminAccounts('not-an-account:demo')).toThrow(/entry 1/);
    expect(parseAdminAccounts(undefined).orgsOf('a@b.vn')).toEqual([]);
  });
});

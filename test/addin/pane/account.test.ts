import { canManageMembers, isNational, membershipsText, orgAfterSignIn, roleInOrg } from '../../../addin/pane/account';
import type { MeBody } from '../../../shared/wire/identity';

const me = (memberships: MeBody['memberships']): MeBody => ({ account: 'lan@demo.vn', name: 'Lan', memberships });

describe('what the pane allows from GET /api/me', () => {
  it('takes the higher of the org’s role and the role over every org', () => {
    const m = me([{ org: '*', role: 'viewer' }, { org: 'qt', role: 'admin' }]);
    expect(roleInOrg(m, 'qt')).toBe('admin');
    expect(roleInOrg(m, 'hn')).toBe('viewer');
    expect(roleInOrg(me([{ org: 'qt', role: 'editor' }]), 'hn')).toBeNull();
    expect(roleInOrg(null, 'qt')).toBeNull();
  });
  it('shows Thành viên to admins of the org only, and Toàn quốc to users of org *', () => {
    expect(canManageMembers(me([{ org: 'qt', role: 'admin' }]), 'qt')).toBe(true);
    expect(canManageMembers(me([{ org: 'qt', role: 'leader' }]), 'qt')).toBe(false);
    expect(canManageMembers(me([{ org: '*', role: 'admin' }]), 'hn')).toBe(true);
    expect(canManageMembers(me([{ org: '*', role: 'admin' }]), '')).toBe(false);
    expect(isNational(me([{ org: '*', role: 'viewer' }]))).toBe(true);
    expect(isNational(me([{ org: 'qt', role: 'admin' }]))).toBe(false);
    expect(isNational(null)).toBe(false);
  });
  it('picks the org after sign-in: the typed one when allowed, else the only one', () => {
    expect(orgAfterSignIn(me([{ org: 'qt', role: 'editor' }]), '')).toBe('qt');
    expect(orgAfterSignIn(me([{ org: 'qt', role: 'editor' }]), 'hn')).toBe('qt');
    expect(orgAfterSignIn(me([{ org: 'qt', role: 'editor' }, { org: 'hn', role: 'viewer' }]), 'hn')).toBe('hn');
    expect(orgAfterSignIn(me([{ org: 'qt', role: 'editor' }, { org: 'hn', role: 'viewer' }]), '')).toBe('');
    expect(orgAfterSignIn(me([{ org: '*', role: 'viewer' }]), 'hn')).toBe('hn');
  });
  it('lists the memberships in both languages, or says there is none', () => {
    expect(membershipsText([{ org: '*', role: 'viewer' }, { org: 'qt', role: 'admin' }])).toEqual({
      vi: 'Toàn quốc (mọi đơn vị): Xem (viewer); qt: Quản trị (admin)',
      en: 'National (every org): Viewer; qt: Admin',
    });
    expect(membershipsText([]).vi).toMatch(/chưa là thành viên/);
    expect(membershipsText([]).en).toMatch(/not a member of any org/);
  });
});

/** What the pane shows and allows from `GET /api/me` (pure). */
import type { Role } from '../../shared/roles';
import type { MeBody, Membership } from '../../shared/wire/identity';
import { text, type Lang, type Text } from '../text';

const ROLE_ORDER: readonly Role[] = ['viewer', 'editor', 'leader', 'admin'];
export const ROLE_LABELS: Readonly<Record<Role, Text>> = {
  viewer: text('Xem (viewer)', 'Viewer'),
  editor: text('Nhập liệu (editor)', 'Editor'),
  leader: text('Lãnh đạo (leader)', 'Leader'),
  admin: text('Quản trị (admin)', 'Admin'),
};

/** The caller's role in an org: its membership there or of `*`, the higher. */
export function roleInOrg(me: MeBody | null, org: string): Role | null {
  if (!me) return null;
  let best: Role | null = null;
  for (const m of me.memberships) {
    if (m.org !== org && m.org !== '*') continue;
    if (best === null || ROLE_ORDER.indexOf(m.role) > ROLE_ORDER.indexOf(best)) best = m.role;
  }
  return best;
}

export const canManageMembers = (me: MeBody | null, org: string): boolean => org !== '' && roleInOrg(me, org) === 'admin';

/** Users of org `*` (any role) see the national sheet. */
export const isNational = (me: MeBody | null): boolean => me?.memberships.some((m) => m.org === '*') ?? false;

/** The org to work on after sign-in: the one typed if the caller may use it, else its only org. */
export function orgAfterSignIn(me: MeBody, current: string): string {
  if (current !== '' && roleInOrg(me, current)) return current;
  const own = me.memberships.filter((m) => m.org !== '*');
  return own.length === 1 ? own[0].org : current;
}

/** `Toàn quốc (mọi đơn vị): Xem (viewer); demo: Nhập liệu (editor)`, or a note when there is none. */
export function membershipsText(memberships: readonly Membership[]): Text {
  if (!memberships.length) return text('Tài khoản chưa là thành viên của đơn vị nào: hãy nhờ quản trị viên thêm bạn.', 'This account is not a member of any org yet: ask an admin to add you.');
  const line = (lang: Lang): string =>
    memberships.map((m) => `${m.org === '*' ? (lang === 'vi' ? 'Toàn quốc (mọi đơn vị)' : 'National (every org)') : m.org}: ${ROLE_LABELS[m.role][lang]}`).join('; ');
  return text(line('vi'), line('en'));
}

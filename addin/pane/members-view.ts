/**
 * The admin-only "Thành viên" view: the org's members with their role (changed in place),
 * a remove button each, and a form to add one. DOM only; the calls are given.
 */
import type { Role } from '../../shared/roles';
import type { MemberRow } from '../../shared/wire/identity';
import { text, type Lang, type Text } from '../text';
import { ROLE_LABELS } from './account';

export interface MemberActions {
  change(member: MemberRow): void;
  remove(member: MemberRow): void;
}

const ROLES: readonly Role[] = ['viewer', 'editor', 'leader', 'admin'];

export function roleSelect(doc: Document, value: Role, lang: Lang): HTMLSelectElement {
  const select = doc.createElement('select');
  for (const r of ROLES) {
    const o = doc.createElement('option');
    o.value = r;
    o.textContent = ROLE_LABELS[r][lang];
    select.append(o);
  }
  select.value = value;
  return select;
}

export function renderMembers(doc: Document, list: HTMLElement, members: readonly MemberRow[], actions: MemberActions, lang: Lang): void {
  list.replaceChildren();
  if (!members.length) {
    const li = doc.createElement('li');
    li.className = 'empty';
    li.textContent = text('Chưa có thành viên nào.', 'No members yet.')[lang];
    list.append(li);
    return;
  }
  for (const m of members) {
    const li = doc.createElement('li');
    li.className = 'member';
    li.dataset.account = m.account;
    const who = doc.createElement('span');
    who.className = 'who';
    who.textContent = m.name ? `${m.name} — ${m.account}` : m.account;
    const select = roleSelect(doc, m.role, lang);
    select.setAttribute('aria-label', text(`Quyền của ${m.account}`, `Role of ${m.account}`)[lang]);
    select.addEventListener('change', () => actions.change({ ...m, role: select.value as Role }));
    const remove = doc.createElement('button');
    remove.type = 'button';
    remove.textContent = text('Xoá', 'Remove')[lang];
    remove.addEventListener('click', () => actions.remove(m));
    li.append(who, select, remove);
    list.append(li);
  }
}

/** The add form's values, or the reason (naming the field) they cannot be sent. */
export function memberFromForm(account: string, name: string, role: string): MemberRow | Text {
  const a = account.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(a)) return text('Tài khoản: cần dạng ten@donvi.vn (tài khoản Microsoft 365).', 'Account: needs the form name@org.vn (a Microsoft 365 account).');
  if (!ROLES.includes(role as Role)) return text('Quyền: hãy chọn một quyền.', 'Role: choose a role.');
  if (name.trim().length > 200) return text('Họ tên: tối đa 200 ký tự.', 'Full name: at most 200 characters.');
  return { account: a, name: name.trim(), role: role as Role };
}

/**
 * The pane's sign-in part (identity.md "The pane"): "Đăng nhập bằng Microsoft 365" or "Dùng
 * khoá API"; after sign-in the account and its orgs from `GET /api/me`, the token for every
 * call; the admin-only "Thành viên" view; the "Cập nhật Toàn quốc" action for users of org `*`.
 * The sign-in logic itself is auth/session.ts.
 */
import type { ApiClient } from '../api/client';
import type { Role } from '../../shared/roles';
import type { MeBody, MemberRow } from '../../shared/wire/identity';
import type { AuthSession } from '../auth/session';
import { updateNational } from '../flows/national';
import { text, UserError, type Lang, type Text } from '../text';
import type { FlowDeps } from '../flows/context';
import { canManageMembers, isNational, membershipsText, orgAfterSignIn, roleInOrg } from './account';
import { memberFromForm, renderMembers, roleSelect } from './members-view';

export interface IdentityHost {
  doc: Document;
  el<T extends HTMLElement>(id: string): T;
  /** The sign-in session; null when `auth-config.json` is absent (keys only), rejected when it is wrong. */
  session: Promise<AuthSession | null>;
  client(): ApiClient;
  deps(): FlowDeps;
  org(): string;
  setOrg(org: string): void;
  say(message: Text, kind?: 'info' | 'ok' | 'error'): void;
  /** The pane's language now. */
  lang(): Lang;
  busy(work: () => Promise<Text>, needsSettings?: boolean): Promise<void>;
  /** Called after each change of what `GET /api/me` said (the role may have changed). */
  onChange?(): void;
}

export interface Identity {
  /** The token provider while signed in with Microsoft 365; undefined with a key. */
  token(): (() => Promise<string>) | undefined;
  /** Whether the key field is needed (not when signed in). */
  usesKey(): boolean;
  /** Re-reads `GET /api/me` (after the settings are saved or checked), for a token or a key. */
  refresh(): Promise<void>;
  /** The caller's role in the org typed, from `GET /api/me`; null until it has answered. */
  role(): Role | null;
  /** Shows the account's memberships and the members in the pane's language (after a switch). */
  applyTexts(): void;
}

export function startIdentity(host: IdentityHost): Identity {
  const { doc, el } = host;
  let session: AuthSession | null = null;
  let signedIn = false;
  let me: MeBody | null = null;
  let members: readonly MemberRow[] = [];

  const signInButton = el<HTMLButtonElement>('sign-in-m365');
  const keyButton = el<HTMLButtonElement>('use-key');
  const signedOutBox = el('signed-out');
  const signedInBox = el('signed-in');
  const accountLine = el('account-line');
  const membershipsLine = el('memberships-line');
  const keyFields = el('key-fields');
  const membersBox = el<HTMLDetailsElement>('members');
  const memberList = el('member-list');
  const nationalButton = el<HTMLButtonElement>('national');
  const addForm = { account: el<HTMLInputElement>('member-account'), name: el<HTMLInputElement>('member-name'), roleBox: el('member-role-box') };
  let addRole = roleSelect(doc, 'editor', host.lang());
  const placeAddRole = (value: Role): void => {
    addRole = roleSelect(doc, value, host.lang());
    addRole.id = 'member-role';
    addForm.roleBox.replaceChildren(addRole);
  };
  placeAddRole('editor');

  const signedInText = (): Text => text(`Đã đăng nhập: ${me?.account ?? ''}.`, `Signed in: ${me?.account ?? ''}.`);

  const render = (): void => {
    signedOutBox.hidden = signedIn;
    signedInBox.hidden = !signedIn;
    keyFields.hidden = signedIn;
    signInButton.hidden = session === null;
    if (me) {
      accountLine.textContent = me.name && me.name !== me.account ? `${me.name} (${me.account})` : me.account;
      membershipsLine.textContent = membershipsText(me.memberships)[host.lang()];
    }
    membersBox.hidden = !canManageMembers(me, host.org());
    nationalButton.hidden = !isNational(me);
    host.onChange?.();
  };

  const loadMe = async (): Promise<void> => {
    me = await host.client().me();
    // Signed in, the org follows the account's memberships; a key keeps the org typed (a key of
    // another org then gets its 403 on the next call, as before).
    if (signedIn) {
      const org = orgAfterSignIn(me, host.org());
      if (org !== host.org()) host.setOrg(org);
    }
    render();
    if (!membersBox.hidden && membersBox.open) await loadMembers();
  };

  const memberActions = {
    change: (m: MemberRow): void => {
      void host.busy(async () => {
        await host.client().putMember(host.org(), m);
        await loadMembers();
        return text(`Đã đổi quyền của ${m.account}.`, `Changed the role of ${m.account}.`);
      });
    },
    remove: (m: MemberRow): void => {
      void host.busy(async () => {
        await host.client().deleteMember(host.org(), m.account);
        await loadMembers();
        return text(`Đã xoá ${m.account} khỏi đơn vị ${host.org()}.`, `Removed ${m.account} from org ${host.org()}.`);
      });
    },
  };
  const loadMembers = async (): Promise<void> => {
    members = await host.client().members(host.org());
    renderMembers(doc, memberList, members, memberActions, host.lang());
  };

  signInButton.addEventListener('click', () => {
    void host.busy(async () => {
      if (!session) throw new UserError(text('Chưa cấu hình đăng nhập Microsoft 365 (auth-config.json).', 'Microsoft 365 sign-in is not configured (auth-config.json).'), 'NO_AUTH_CONFIG');
      await session.signIn();
      signedIn = true;
      await loadMe();
      return signedInText();
    }, false);
  });
  keyButton.addEventListener('click', () => {
    keyFields.hidden = false;
    el<HTMLInputElement>('api-key').focus();
  });
  el('sign-out').addEventListener('click', () => {
    void host.busy(async () => {
      await session?.signOut();
      signedIn = false;
      me = null;
      render();
      return text('Đã đăng xuất. Chọn cách đăng nhập.', 'Signed out. Choose how to sign in.');
    }, false);
  });
  membersBox.addEventListener('toggle', () => {
    if (membersBox.open) void host.busy(async () => (await loadMembers(), text('Đã tải danh sách thành viên.', 'Members loaded.')));
  });
  el('member-add').addEventListener('click', () => {
    const member = memberFromForm(addForm.account.value, addForm.name.value, addRole.value);
    if (!('account' in member)) {
      host.say(member, 'error');
      return;
    }
    void host.busy(async () => {
      await host.client().putMember(host.org(), member);
      addForm.account.value = '';
      addForm.name.value = '';
      await loadMembers();
      return text(`Đã thêm ${member.account} vào đơn vị ${host.org()}.`, `Added ${member.account} to org ${host.org()}.`);
    });
  });
  nationalButton.addEventListener('click', () => {
    void host.busy(async () => {
      const r = await updateNational(host.deps());
      return text(
        `Đã cập nhật trang Toàn quốc: ${r.withFigures}/${r.orgs} đơn vị có số liệu; ${r.participated}/${r.subject} cán bộ đã đi cơ sở, ${r.met} đạt.`,
        `National sheet updated: ${r.withFigures}/${r.orgs} orgs with figures; ${r.participated}/${r.subject} cadres went, ${r.met} met.`,
      );
    });
  });

  render();
  void host.session
    .then(async (s) => {
      session = s;
      render();
      // A later opening: silent sign-in when this computer signed in before.
      if (s && (await s.restore())) {
        signedIn = true;
        await loadMe();
        host.say(signedInText(), 'ok');
      }
    })
    .catch((e: unknown) => {
      const why = e instanceof UserError ? e.text : text(e instanceof Error ? e.message : String(e), e instanceof Error ? e.message : String(e));
      host.say(text(`Đăng nhập Microsoft 365 chưa dùng được: ${why.vi}`, `Microsoft 365 sign-in is not available: ${why.en}`), 'error');
      render();
    });

  return {
    token: () => (signedIn && session ? () => session!.token() : undefined),
    usesKey: () => !signedIn,
    // With a key too: a key's NAME, org and role (an admin key also manages members).
    refresh: () => loadMe(),
    role: () => roleInOrg(me, host.org()),
    applyTexts: () => {
      if (me) membershipsLine.textContent = membershipsText(me.memberships)[host.lang()];
      placeAddRole(addRole.value as Role);
      if (!membersBox.hidden && membersBox.open) renderMembers(doc, memberList, members, memberActions, host.lang());
    },
  };
}

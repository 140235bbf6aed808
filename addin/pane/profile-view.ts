/**
 * The admin-only "Thông tin đơn vị" form (cycle.md §2): the org profile loaded with
 * `GET …/profile` when the section is opened, saved with `PUT …/profile`; the API's message
 * for each refused field shown under that field. Shown only while `GET /api/me` says the caller
 * is an admin of the org (signed in or with a key). DOM only; the logic is profile-form.ts.
 */
import { ApiError } from '../api/errors';
import type { ApiClient } from '../api/client';
import type { Role } from '../../shared/roles';
import type { OrgProfile } from '../../shared/profile';
import { text, UserError, type Lang, type Text } from '../text';
import { canEditProfile, fieldLabel, fieldRule, FIELDS, multiline, notSavedText, placeErrors, profileFromForm, type ProfileField } from './profile-form';

export interface ProfileViewHost {
  doc: Document;
  el<T extends HTMLElement>(id: string): T;
  client(): ApiClient;
  org(): string;
  lang(): Lang;
  busy(work: () => Promise<Text>): Promise<void>;
}

export interface ProfileView {
  /** The caller's role in the org as `GET /api/me` answered (null: not known): shows or hides the form. */
  setRole(role: Role | null): void;
  applyTexts(): void;
}

export function startProfileView(host: ProfileViewHost): ProfileView {
  const { doc } = host;
  const box = host.el<HTMLDetailsElement>('profile');
  const holder = host.el('profile-fields');
  /** The org whose profile the form holds (saving into another would overwrite it with this one's). */
  let loadedOrg: string | null = null;
  let errors = new Map<ProfileField, Text>();

  const parts = FIELDS.map((f) => {
    const label = doc.createElement('label');
    label.htmlFor = `profile-${f}`;
    const input = multiline(f) ? doc.createElement('textarea') : doc.createElement('input');
    input.id = `profile-${f}`;
    input.setAttribute('autocomplete', 'off');
    if (input instanceof HTMLTextAreaElement) input.rows = 3;
    else input.type = 'text';
    const hint = doc.createElement('p');
    hint.className = 'field-error';
    hint.id = `profile-${f}-error`;
    hint.setAttribute('role', 'alert');
    input.setAttribute('aria-describedby', hint.id);
    holder.append(label, input, hint);
    return { f, label, input, hint };
  });

  const render = (): void => {
    const lang = host.lang();
    for (const p of parts) {
      p.label.textContent = fieldLabel(p.f)[lang];
      p.input.title = fieldRule(p.f)[lang];
      const e = errors.get(p.f);
      p.hint.hidden = !e;
      p.hint.textContent = e ? e[lang] : '';
      p.input.classList.toggle('invalid', !!e);
    }
  };

  const fill = (profile: OrgProfile, org: string): void => {
    for (const p of parts) p.input.value = profile[p.f] ?? '';
    loadedOrg = org;
    errors = new Map();
    render();
  };

  const load = (): void => {
    void host.busy(async () => {
      const org = host.org();
      fill(await host.client().profile(), org);
      return text(`Đã tải thông tin đơn vị ${org}.`, `Loaded the profile of org ${org}.`);
    });
  };

  box.addEventListener('toggle', () => {
    if (box.open && !box.hidden) load();
  });
  host.el('profile-save').addEventListener('click', () => {
    void host.busy(async () => {
      const org = host.org();
      if (loadedOrg !== org) {
        throw new UserError(
          text(`Thông tin đang hiện chưa phải của đơn vị ${org}: hãy đóng rồi mở lại "Thông tin đơn vị" để tải trước khi lưu.`, `The form does not hold org ${org}'s profile yet: close and reopen "Org profile" to load it before saving.`),
          'PROFILE_NOT_LOADED',
        );
      }
      const values = Object.fromEntries(parts.map((p) => [p.f, p.input.value])) as Record<ProfileField, string>;
      try {
        fill(await host.client().putProfile(profileFromForm(values)), org);
      } catch (e) {
        if (e instanceof ApiError && e.fieldErrors.length) {
          const placed = placeErrors(e.fieldErrors);
          errors = placed.byField;
          render();
          throw new UserError(notSavedText(placed), 'PROFILE_INVALID');
        }
        throw e;
      }
      return text(`Đã lưu thông tin đơn vị ${org}.`, `Saved the profile of org ${org}.`);
    });
  });

  const setRole = (role: Role | null): void => {
    const allowed = canEditProfile(role);
    box.hidden = !allowed;
    if (!allowed) box.open = false;
  };
  setRole(null);
  render();
  return { setRole, applyTexts: render };
}

/**
 * The "Thông tin đơn vị" form's logic (pure): who may edit it, the fields' labels and rules in
 * both languages, the API's per-field messages placed under their fields, the values sent.
 */
import type { ApiFieldError } from '../api/errors';
import { MULTILINE, PROFILE_FIELDS, PROFILE_LABELS, profileLimit, type OrgProfile } from '../../shared/profile';
import type { Role } from '../../shared/roles';
import { text, type Text } from '../text';

export type ProfileField = keyof OrgProfile;
export const FIELDS: readonly ProfileField[] = PROFILE_FIELDS;

const EN_LABELS: Readonly<Record<ProfileField, string>> = {
  name: 'Org name',
  issuer: 'Issuing body',
  place: 'Place name',
  docSymbol: 'Document symbol',
  signerTitle: "Signer's title",
  signerName: 'Signer',
  recipients: 'Recipients',
};

/** A field's label in both languages: `Tên đơn vị` / `Org name`. */
export const fieldLabel = (f: ProfileField): Text => text(PROFILE_LABELS[f], EN_LABELS[f]);

/** Whether a field takes several lines (a textarea). */
export const multiline = (f: ProfileField): boolean => MULTILINE.has(f);

/** What a field takes: `at most 200 characters, on one line`. */
export function fieldRule(f: ProfileField): Text {
  const n = profileLimit(f);
  return multiline(f)
    ? text(`tối đa ${n.toLocaleString('vi-VN')} ký tự, được xuống dòng`, `at most ${n.toLocaleString('en-US')} characters, line breaks allowed`)
    : text(`tối đa ${n} ký tự, trên một dòng`, `at most ${n} characters, on one line`);
}

/** The profile is edited by the org's admins only (the API refuses a PUT from any other role); the role is `GET /api/me`'s in the org. */
export const canEditProfile = (role: Role | null): boolean => role === 'admin';

export interface PlacedErrors {
  /** Under each field: the server's Vietnamese message, and the field's rule in English. */
  byField: Map<ProfileField, Text>;
  /** Faults of the body as a whole (none from the form as it is). */
  general: Text[];
}

/** The API's per-field errors (400 BAD_BODY `errors`) placed under their fields. */
export function placeErrors(errors: readonly ApiFieldError[]): PlacedErrors {
  const byField = new Map<ProfileField, Text>();
  const general: Text[] = [];
  for (const e of errors) {
    const f = (FIELDS as readonly string[]).includes(e.field) ? (e.field as ProfileField) : null;
    if (!f) {
      general.push(text(e.message, `The server refused the form: ${e.message}`));
      continue;
    }
    if (byField.has(f)) continue; // one message per field
    byField.set(f, text(e.message, `${EN_LABELS[f]} (${f}): not accepted — ${fieldRule(f).en}.`));
  }
  return { byField, general };
}

/** The body of `PUT …/profile` from the form's values (every field; the server trims and normalises). */
export function profileFromForm(values: Readonly<Record<ProfileField, string>>): OrgProfile {
  const out = {} as OrgProfile;
  for (const f of FIELDS) out[f] = (values[f] ?? '').replace(/\r\n?/g, '\n');
  return out;
}

/** The status after a refused save. */
export function notSavedText(placed: PlacedErrors): Text {
  const n = placed.byField.size;
  const head = text(`Thông tin đơn vị chưa được lưu: ${n} ô chưa hợp lệ (xem thông báo dưới từng ô).`, `The org profile was not saved: ${n} field${n === 1 ? '' : 's'} not accepted (see the message under each).`);
  return placed.general.length ? { vi: [head.vi, ...placed.general.map((g) => g.vi)].join(' '), en: [head.en, ...placed.general.map((g) => g.en)].join(' ') } : head;
}

/**
 * The org profile (cycle.md §2): what the year-end report's header and signature need. Every
 * field optional text (missing or null → ""), NFC, trimmed; at most 200 characters, one line —
 * except `signerTitle` and `recipients` (1,000 characters, line breaks kept as `\n`). Unknown
 * fields are refused (a misspelt field would otherwise be lost silently).
 */
import { z } from 'zod';
import { codePointLength } from '../normalize';
import { EMPTY_PROFILE, MULTILINE, PROFILE_FIELDS, PROFILE_LABELS, profileLimit, type OrgProfile } from '../profile';

export { EMPTY_PROFILE, type OrgProfile };

const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/g;

function field(name: keyof OrgProfile): z.ZodType<string> {
  const label = `${PROFILE_LABELS[name]} (${name})`;
  const limit = profileLimit(name);
  return z
    .union([z.string(), z.null(), z.undefined()], { error: `${label}: cần một đoạn văn bản.` })
    .transform((value, ctx) => {
      const text = (value ?? '').normalize('NFC').replace(LINE_BREAK, '\n').split('\n').map((l) => l.trim()).join('\n').trim();
      if (!MULTILINE.has(name) && text.includes('\n')) {
        ctx.addIssue({ code: 'custom', message: `${label}: chỉ được một dòng.` });
        return z.NEVER;
      }
      if (codePointLength(text) > limit) {
        ctx.addIssue({ code: 'custom', message: `${label}: dài quá ${limit.toLocaleString('vi-VN')} ký tự.` });
        return z.NEVER;
      }
      return text;
    });
}

export const profileSchema = z.strictObject(
  Object.fromEntries(PROFILE_FIELDS.map((f) => [f, field(f).optional()])) as Record<keyof OrgProfile, z.ZodOptional<z.ZodType<string>>>,
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `Trường không có trong thông tin đơn vị: ${issue.keys.join(', ')}.` : 'Cần một đối tượng JSON.') },
);

/** A field's fault: the field (`""` for the body as a whole), always `INVALID_FORMAT`, the Vietnamese message naming it. */
export interface ProfileFieldError {
  field: keyof OrgProfile | '';
  code: 'INVALID_FORMAT';
  message: string;
}

export type ProfileParse = { ok: true; profile: OrgProfile } | { ok: false; messages: string[]; errors: ProfileFieldError[] };

const isField = (f: unknown): f is keyof OrgProfile => (PROFILE_FIELDS as readonly unknown[]).includes(f);

/** A profile from a request body, or the Vietnamese messages of what is wrong (each naming its field), also per field. */
export function parseProfile(body: unknown): ProfileParse {
  const parsed = profileSchema.safeParse(body);
  if (parsed.success) {
    const profile = { ...EMPTY_PROFILE };
    for (const f of PROFILE_FIELDS) profile[f] = parsed.data[f] ?? '';
    return { ok: true, profile };
  }
  const errors = parsed.error.issues.map((i): ProfileFieldError => ({ field: isField(i.path[0]) ? i.path[0] : '', code: 'INVALID_FORMAT', message: i.message }));
  return { ok: false, messages: errors.map((e) => e.message), errors };
}

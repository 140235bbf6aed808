/**
 * The org profile (cycle.md §2): what the year-end report's header and signature need. Every
 * field optional text (missing or null → ""), NFC, trimmed; at most 200 characters, one line —
 * except `signerTitle` and `recipients` (1,000 characters, line breaks kept as `\n`). Unknown
 * fields are refused (a misspelt field would otherwise be lost silently).
 */
import { z } from 'zod';
import { codePointLength } from '../normalize';

export interface OrgProfile {
  name: string;
  issuer: string;
  place: string;
  docSymbol: string;
  signerTitle: string;
  signerName: string;
  recipients: string;
}

export const PROFILE_FIELDS = ['name', 'issuer', 'place', 'docSymbol', 'signerTitle', 'signerName', 'recipients'] as const satisfies ReadonlyArray<keyof OrgProfile>;

export const PROFILE_LABELS: Readonly<Record<keyof OrgProfile, string>> = {
  name: 'Tên đơn vị',
  issuer: 'Cơ quan ban hành',
  place: 'Địa danh',
  docSymbol: 'Ký hiệu văn bản',
  signerTitle: 'Chức vụ người ký',
  signerName: 'Người ký',
  recipients: 'Nơi nhận',
};

const MULTILINE: ReadonlySet<keyof OrgProfile> = new Set(['signerTitle', 'recipients']);
export const profileLimit = (field: keyof OrgProfile): number => (MULTILINE.has(field) ? 1000 : 200);

export const EMPTY_PROFILE: OrgProfile = { name: '', issuer: '', place: '', docSymbol: '', signerTitle: '', signerName: '', recipients: '' };

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

export type ProfileParse = { ok: true; profile: OrgProfile } | { ok: false; messages: string[] };

/** A profile from a request body, or the Vietnamese messages of what is wrong (each naming its field). */
export function parseProfile(body: unknown): ProfileParse {
  const parsed = profileSchema.safeParse(body);
  if (parsed.success) {
    const profile = { ...EMPTY_PROFILE };
    for (const f of PROFILE_FIELDS) profile[f] = parsed.data[f] ?? '';
    return { ok: true, profile };
  }
  return { ok: false, messages: parsed.error.issues.map((i) => i.message) };
}

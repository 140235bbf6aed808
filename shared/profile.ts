/**
 * The org profile's fields (cycle.md §2): what the year-end report's header and signature need,
 * their Vietnamese labels and limits. No zod here, so the pane can name the fields without
 * bundling the schema (schemas/profile.ts validates).
 */
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

/** The fields that may hold line breaks (kept as `\n`). */
export const MULTILINE: ReadonlySet<keyof OrgProfile> = new Set(['signerTitle', 'recipients']);
export const profileLimit = (field: keyof OrgProfile): number => (MULTILINE.has(field) ? 1000 : 200);

export const EMPTY_PROFILE: OrgProfile = { name: '', issuer: '', place: '', docSymbol: '', signerTitle: '', signerName: '', recipients: '' };

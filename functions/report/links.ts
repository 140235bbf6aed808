/**
 * Signed download links of the year-end report (cycle.md §5): HMAC-SHA256, with the process's
 * link secret, over the org, the year, the format, the as-of date and the expiry, so no part
 * of a link can be changed into another report; valid 10 minutes; compared in constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IsoDate } from '../../shared/models';

export const LINK_TTL_MS = 10 * 60 * 1000;
export type ReportFormat = 'docx' | 'xlsx';

export interface LinkFields {
  org: string;
  year: number;
  format: ReportFormat;
  asOf: IsoDate;
  /** Expiry, milliseconds since the epoch. */
  expires: number;
}

/** The signature (base64url) of a link's fields; fields are joined with a separator none can hold. */
export function signLink(secret: Buffer, f: LinkFields): string {
  const message = ['report-link-v1', f.org, String(f.year), f.format, f.asOf, String(f.expires)].join('\n');
  return createHmac('sha256', secret).update(message, 'utf8').digest('base64url');
}

/** True when `signature` is the signature of `f` and the link has not expired at `now`. */
export function verifyLink(secret: Buffer, f: LinkFields, signature: string, now: Date): boolean {
  if (!Number.isSafeInteger(f.expires) || f.expires < now.getTime()) return false;
  const expected = Buffer.from(signLink(secret, f), 'base64url');
  const given = Buffer.from(signature, 'base64url');
  // base64url decoding ignores stray characters: compare the canonical text too
  return given.length === expected.length && timingSafeEqual(given, expected) && given.toString('base64url') === signature;
}

/** The path and query of a signed link (after the API's origin). */
export function linkPath(f: LinkFields, signature: string): string {
  const q = new URLSearchParams({ format: f.format, asOf: f.asOf, expires: String(f.expires), sig: signature });
  return `/api/orgs/${encodeURIComponent(f.org)}/reports/${f.year}?${q.toString()}`;
}

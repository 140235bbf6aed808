/**
 * A year's policy (Cấu hình năm) from a request body: missing settings take the defaults of
 * rules.md; `windowStart`/`windowEnd` accept `dd/mm` (that day of the year) or full dates;
 * `holidays`/`makeupWorkdays` are lists (or one string separated by `;`, `,` or line breaks)
 * of dates of that year; `categories` a non-empty list of `{code, label}` with distinct codes
 * `[a-z_]{2,32}`.
 */
import type { z } from 'zod';
import { resolveCode } from '../categories';
import { parseText, fitsLimit } from '../cells';
import { isoToDisplay, parseDayOfYear, yearOfIso } from '../dates';
import { DEFAULT_CATEGORIES, DEFAULT_REPORT_DEADLINE_DAYS, DEFAULT_REQUIRED_DAYS } from '../defaults';
import { CATEGORY_CODE_PATTERN } from '../ids';
import { LIMITS } from '../limits';
import type { Category, DayMode, FieldError, Policy, Proration } from '../models';
import { Problem, boolean, coded, entity, fieldErrors, integer, withDefault, type Parser } from './fields';

export const DAY_MODE_LABELS: Readonly<Record<DayMode, string>> = {
  calendar: 'Ngày lịch',
  working: 'Ngày làm việc',
};

export const PRORATION_LABELS: Readonly<Record<Proration, string>> = {
  byDays: 'Theo thời gian công tác',
  none: 'Không giảm trừ',
};

const expectedOf = (labels: Readonly<Record<string, string>>): string =>
  `một trong: ${Object.entries(labels)
    .map(([c, label]) => `${c} (${label})`)
    .join(', ')}`;

/** A date of `year`: `dd/mm` or any full date form. */
function dayOf(year: number): Parser<string> {
  return (value) => {
    const iso = parseDayOfYear(value, year);
    if (iso === null) return new Problem('INVALID_DATE', { value });
    return yearOfIso(iso) === year ? iso : new Problem('INVALID_FORMAT', { value, expected: `một ngày của năm ${year}` });
  };
}

/** A list of dates of `year`, sorted, without repeats. */
function datesOf(year: number): Parser<string[]> {
  const one = dayOf(year);
  return (value) => {
    const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[;,\r\n]+/) : null;
    if (items === null) return new Problem('INVALID_FORMAT', { value, expected: `danh sách ngày của năm ${year}` });
    const given = items.filter((item) => !(typeof item === 'string' && item.trim() === ''));
    if (given.length > LIMITS.policyDates) {
      return new Problem('INVALID_FORMAT', { value, expected: `tối đa ${LIMITS.policyDates} ngày` });
    }
    const out = new Set<string>();
    for (const item of items) {
      if (typeof item === 'string' && item.trim() === '') continue;
      const iso = one(item);
      if (iso instanceof Problem) return iso;
      out.add(iso);
    }
    return [...out].sort();
  };
}

const categoryList: Parser<Category[]> = (value) => {
  const bad = (expected: string, shown: unknown = value): Problem => new Problem('INVALID_FORMAT', { value: shown, expected });
  if (!Array.isArray(value) || value.length === 0) return bad('danh sách {code, label}, ít nhất một nội dung');
  if (value.length > LIMITS.policyCategories) return bad(`tối đa ${LIMITS.policyCategories} nội dung`, `${value.length} nội dung`);
  const out: Category[] = [];
  const codes = new Set<string>();
  for (const item of value) {
    if (typeof item !== 'object' || item === null) return bad('mỗi nội dung là {code, label}', item);
    const { code, label } = item as { code?: unknown; label?: unknown };
    const c = parseText(code);
    if (c === null || !CATEGORY_CODE_PATTERN.test(c)) return bad('mã nội dung gồm 2–32 chữ thường không dấu hoặc "_"', code);
    if (codes.has(c)) return bad('mã nội dung không trùng nhau', c);
    const l = parseText(label);
    if (l === null || l === '' || !fitsLimit(l, LIMITS.labelChars)) return bad(`tên nội dung, 1–${LIMITS.labelChars} ký tự`, label);
    codes.add(c);
    out.push({ code: c, label: l });
  }
  return out;
};

export function policySchema(year: number): z.ZodType<Policy> {
  return entity(
    {
      requiredDays: withDefault('requiredDays', integer(0, 366), DEFAULT_REQUIRED_DAYS),
      windowStart: withDefault('windowStart', dayOf(year), `${year}-01-01`),
      windowEnd: withDefault('windowEnd', dayOf(year), `${year}-12-31`),
      dayMode: withDefault('dayMode', coded((v) => resolveCode(v, DAY_MODE_LABELS), expectedOf(DAY_MODE_LABELS)), 'calendar' as DayMode),
      holidays: withDefault('holidays', datesOf(year), [] as string[]),
      makeupWorkdays: withDefault('makeupWorkdays', datesOf(year), [] as string[]),
      proration: withDefault('proration', coded((v) => resolveCode(v, PRORATION_LABELS), expectedOf(PRORATION_LABELS)), 'byDays' as Proration),
      reportDeadlineDays: withDefault('reportDeadlineDays', integer(0, 366), DEFAULT_REPORT_DEADLINE_DAYS),
      countUnreportedTrips: withDefault('countUnreportedTrips', boolean, true),
      categories: withDefault('categories', categoryList, DEFAULT_CATEGORIES.map((c) => ({ ...c }))),
    },
    (check) => {
      const start = check.valid('windowStart');
      const end = check.valid('windowEnd');
      if (start && end && end < start) check.report('windowEnd', new Problem('END_BEFORE_START', { value: isoToDisplay(end), other: 'windowStart' }));
    },
    (p): Policy => ({ year, ...p, categories: p.categories.map((c) => ({ ...c })) }),
  );
}

/** A policy from a request body for `year`: the full policy, or every field error. */
export function parsePolicy(raw: unknown, year: number): { ok: true; policy: Policy } | { ok: false; errors: FieldError[] } {
  const result = policySchema(year).safeParse(raw);
  return result.success ? { ok: true, policy: result.data } : { ok: false, errors: fieldErrors(result.error) };
}

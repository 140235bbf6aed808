/** The policy defaults of rules.md ("Policy (per org, per year)"). */
import type { Category, Policy } from './models';

export const DEFAULT_CATEGORIES: readonly Category[] = [
  { code: 'khao_sat', label: 'Khảo sát, nắm tình hình' },
  { code: 'nghien_cuu', label: 'Nghiên cứu tình hình đoàn viên, thanh thiếu nhi' },
  { code: 'phoi_hop', label: 'Phối hợp tổ chức hoạt động tại cơ sở' },
  { code: 'kiem_tra', label: 'Kiểm tra, giám sát' },
  { code: 'sinh_hoat', label: 'Dự sinh hoạt chi đoàn, hội nghị' },
  { code: 'dai_hoi', label: 'Chỉ đạo, hướng dẫn đại hội' },
  { code: 'khac', label: 'Khác' },
];

export const DEFAULT_REQUIRED_DAYS = 60;
export const DEFAULT_REPORT_DEADLINE_DAYS = 10;

/** The policy of a year with no stored policy. */
export function defaultPolicy(year: number): Policy {
  return {
    year,
    requiredDays: DEFAULT_REQUIRED_DAYS,
    windowStart: `${year}-01-01`,
    windowEnd: `${year}-12-31`,
    dayMode: 'calendar',
    holidays: [],
    makeupWorkdays: [],
    proration: 'byDays',
    reportDeadlineDays: DEFAULT_REPORT_DEADLINE_DAYS,
    countUnreportedTrips: true,
    categories: DEFAULT_CATEGORIES.map((c) => ({ ...c })),
  };
}

/** A look-up of the policy of any year: the stored one, else the defaults. */
export function policyLookup(stored: Record<number, Policy>): (year: number) => Policy {
  const cache = new Map<number, Policy>();
  return (year) => {
    let p = stored[year] ?? cache.get(year);
    if (!p) {
      p = defaultPolicy(year);
      cache.set(year, p);
    }
    return p;
  };
}

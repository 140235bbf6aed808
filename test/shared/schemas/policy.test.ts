import { defaultPolicy } from '../../../shared/defaults';
import { parsePolicy } from '../../../shared/schemas/policy';

function codes(raw: unknown, year = 2025): string[] {
  const r = parsePolicy(raw, year);
  return r.ok ? [] : r.errors.map((e) => `${e.field}: ${e.code}`);
}

describe('parsePolicy', () => {
  it('fills every missing setting with its default', () => {
    expect(parsePolicy({}, 2025)).toEqual({ ok: true, policy: defaultPolicy(2025) });
    expect(parsePolicy({ requiredDays: null, dayMode: '' }, 2024)).toEqual({ ok: true, policy: defaultPolicy(2024) });
  });

  it('parses every setting in request and sheet forms', () => {
    const r = parsePolicy(
      {
        year: 1999, // ignored: the route's year wins
        requiredDays: '30',
        windowStart: '01/03',
        windowEnd: '2025-12-31',
        dayMode: 'working',
        holidays: ['02/09/2025', '1/9', '2025-09-02'],
        makeupWorkdays: '2025-02-08; 10/05',
        proration: 'none',
        reportDeadlineDays: 15,
        countUnreportedTrips: 'Không',
        categories: [{ code: 'tuyen_truyen', label: ' Tuyên truyền ' }, { code: 'khac', label: 'Khác' }],
        extra: 'ignored',
      },
      2025,
    );
    expect(r).toEqual({
      ok: true,
      policy: {
        year: 2025,
        requiredDays: 30,
        windowStart: '2025-03-01',
        windowEnd: '2025-12-31',
        dayMode: 'working',
        holidays: ['2025-09-01', '2025-09-02'],
        makeupWorkdays: ['2025-02-08', '2025-05-10'],
        proration: 'none',
        reportDeadlineDays: 15,
        countUnreportedTrips: false,
        categories: [
          { code: 'tuyen_truyen', label: 'Tuyên truyền' },
          { code: 'khac', label: 'Khác' },
        ],
      },
    });
  });

  it('accepts an Excel serial for a window date of the year', () => {
    const r = parsePolicy({ windowStart: 45717 }, 2025);
    expect(r.ok && r.policy.windowStart).toBe('2025-03-01');
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['requiredDays above 366', { requiredDays: 400 }, ['requiredDays: INVALID_FORMAT']],
    ['requiredDays not whole', { requiredDays: 59.5 }, ['requiredDays: INVALID_FORMAT']],
    ['requiredDays negative', { requiredDays: -1 }, ['requiredDays: INVALID_FORMAT']],
    ['windowStart impossible', { windowStart: '30/02' }, ['windowStart: INVALID_DATE']],
    ['windowStart of another year', { windowStart: '01/03/2024' }, ['windowStart: INVALID_FORMAT']],
    ['windowEnd before windowStart', { windowStart: '01/07', windowEnd: '30/06' }, ['windowEnd: END_BEFORE_START']],
    ['dayMode unknown', { dayMode: 'weekly' }, ['dayMode: INVALID_FORMAT']],
    ['proration unknown', { proration: 'half' }, ['proration: INVALID_FORMAT']],
    ['holidays not a list', { holidays: 5 }, ['holidays: INVALID_FORMAT']],
    ['holidays with a bad date', { holidays: ['02/09/2025', '31/04/2025'] }, ['holidays: INVALID_DATE']],
    ['makeupWorkdays of another year', { makeupWorkdays: ['2024-12-28'] }, ['makeupWorkdays: INVALID_FORMAT']],
    ['reportDeadlineDays text', { reportDeadlineDays: 'mười' }, ['reportDeadlineDays: INVALID_FORMAT']],
    ['countUnreportedTrips unknown', { countUnreportedTrips: 'maybe' }, ['countUnreportedTrips: INVALID_FORMAT']],
    ['categories empty', { categories: [] }, ['categories: INVALID_FORMAT']],
    ['category code with upper case', { categories: [{ code: 'Khac', label: 'Khác' }] }, ['categories: INVALID_FORMAT']],
    ['category code of one letter', { categories: [{ code: 'k', label: 'Khác' }] }, ['categories: INVALID_FORMAT']],
    ['category without label', { categories: [{ code: 'khac', label: '' }] }, ['categories: INVALID_FORMAT']],
    ['category codes repeated', { categories: [{ code: 'khac', label: 'A' }, { code: 'khac', label: 'B' }] }, ['categories: INVALID_FORMAT']],
    ['category not an object', { categories: ['khac'] }, ['categories: INVALID_FORMAT']],
  ])('%s', (_name, raw, expected) => {
    expect(codes(raw)).toEqual(expected);
  });

  it('returns all errors with Vietnamese messages naming field and value', () => {
    const r = parsePolicy({ requiredDays: 'sáu mươi', windowEnd: '31/13' }, 2025);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field)).toEqual(['requiredDays', 'windowEnd']);
    expect(r.errors[0].message).toContain('Số ngày tối thiểu (requiredDays)');
    expect(r.errors[0].message).toContain('"sáu mươi"');
    expect(r.errors[1].message).toContain('"31/13"');
  });

  it('gives independent category lists per call (no shared default objects)', () => {
    const a = parsePolicy({}, 2025);
    const b = parsePolicy({}, 2025);
    if (!a.ok || !b.ok) throw new Error('expected defaults');
    a.policy.categories[0].label = 'changed';
    expect(b.policy.categories[0].label).toBe('Khảo sát, nắm tình hình');
  });
});

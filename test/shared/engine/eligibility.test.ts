import { isoToDay } from '../../../shared/dates';
import { absenceIntervals, eligibility, serviceInterval, uncoveredCount } from '../../../shared/engine/eligibility';
import { absence, cadre } from './fixtures';

const d = isoToDay;
const W = [d('2025-01-01'), d('2025-12-31')] as const;

describe('eligibility', () => {
  test('a full year with no absence', () => {
    expect(eligibility(W[0], W[1], d('2025-06-30'), serviceInterval(cadre('CB01')), [])).toEqual({
      eligible: 365,
      eligibleToDate: 181,
    });
  });

  test('service from 01/07 gives 184 dates', () => {
    const s = serviceInterval(cadre('CB01', { serviceStart: '2025-07-01' }));
    expect(eligibility(W[0], W[1], d('2025-12-31'), s, []).eligible).toBe(184);
    expect(eligibility(W[0], W[1], d('2025-06-30'), s, []).eligibleToDate).toBe(0);
  });

  test('overlapping absences remove a date once; no `to` means until further notice', () => {
    const abs = absenceIntervals([
      absence('2025-03-01', '2025-03-10'),
      absence('2025-03-05', '2025-03-20'),
      absence('2025-12-01', undefined),
    ]);
    const e = eligibility(W[0], W[1], d('2025-12-31'), serviceInterval(cadre('CB01')), abs);
    expect(e.eligible).toBe(365 - 20 - 31);
  });

  test('service ending before the window leaves nothing', () => {
    const s = serviceInterval(cadre('CB01', { serviceEnd: '2024-12-31' }));
    expect(eligibility(W[0], W[1], d('2025-12-31'), s, [])).toEqual({ eligible: 0, eligibleToDate: 0 });
  });

  test('uncoveredCount', () => {
    expect(uncoveredCount(10, 9, [])).toBe(0);
    expect(uncoveredCount(0, 9, [{ from: -5, to: 2 }, { from: 1, to: 4 }, { from: 8, to: Infinity }])).toBe(3);
  });
});

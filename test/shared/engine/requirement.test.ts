import { requiredDaysFor } from '../../../shared/engine/requirement';

describe('requiredDaysFor', () => {
  const byDays = { requiredDays: 60, proration: 'byDays' as const };
  test('byDays prorates with ceil, exactly', () => {
    expect(requiredDaysFor(byDays, true, 184, 365)).toBe(31);
    expect(requiredDaysFor(byDays, true, 365, 365)).toBe(60);
    expect(requiredDaysFor(byDays, true, 1, 365)).toBe(1);
    expect(requiredDaysFor({ requiredDays: 366, proration: 'byDays' }, true, 366, 366)).toBe(366);
  });
  test('none: the full requirement whenever any date is eligible', () => {
    expect(requiredDaysFor({ requiredDays: 30, proration: 'none' }, true, 1, 365)).toBe(30);
  });
  test('0 when not subject or nothing eligible', () => {
    expect(requiredDaysFor(byDays, false, 365, 365)).toBe(0);
    expect(requiredDaysFor(byDays, true, 0, 365)).toBe(0);
  });
});

import { isoToDay } from '../../../shared/dates';
import { progress } from '../../../shared/engine/status';

const base = {
  required: 60,
  eligible: 365,
  eligibleToDate: 181,
  asOf: isoToDay('2025-06-30'),
  windowStart: isoToDay('2025-01-01'),
  windowEnd: isoToDay('2025-12-31'),
};

describe('progress and status', () => {
  test('status order: exempt, met, not_met, not_started, on_track, behind', () => {
    expect(progress({ ...base, required: 0, countedHalves: 20 })).toEqual({
      remainingDays: 0,
      percent: null,
      expectedToDate: 0,
      status: 'exempt',
    });
    expect(progress({ ...base, countedHalves: 120 }).status).toBe('met');
    expect(progress({ ...base, countedHalves: 119, asOf: base.windowEnd }).status).toBe('not_met');
    expect(progress({ ...base, countedHalves: 0, asOf: base.windowStart - 1, eligibleToDate: 0 }).status).toBe('not_started');
    expect(progress({ ...base, countedHalves: 60 }).status).toBe('on_track');
    expect(progress({ ...base, countedHalves: 50 }).status).toBe('behind');
  });

  test('compares unrounded values: counted 29.5 is behind an expected 29.75…', () => {
    // expected = 60 × 181 / 365 = 29.753…; counted 29.5 → behind even though both round near 29.8
    const p = progress({ ...base, countedHalves: 59 });
    expect(p.expectedToDate).toBe(29.8);
    expect(p.status).toBe('behind');
  });

  test('percent and remaining', () => {
    const p = progress({ ...base, countedHalves: 123 });
    expect(p.percent).toBe(102.5);
    expect(p.remainingDays).toBe(0);
    const q = progress({ ...base, countedHalves: 21 });
    expect(q.percent).toBe(17.5);
    expect(q.remainingDays).toBe(49.5);
  });

  test('percent 23.25 rounds half up to 23.3', () => {
    // counted 46.5 of required 200 = 23.25 %
    expect(progress({ ...base, required: 200, countedHalves: 93 }).percent).toBe(23.3);
  });
});

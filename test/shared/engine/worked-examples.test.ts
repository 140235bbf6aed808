/** The ten worked examples of rules.md, with their exact figures. */
import { evaluateOrg } from '../../../shared/engine/evaluate';
import { cadre, input, policy, trip } from './fixtures';

const row = (ev: ReturnType<typeof evaluateOrg>, year: number, id = 'CB01') =>
  ev.year(year).cadres.find((r) => r.cadreId === id)!;
const codes = (ev: ReturnType<typeof evaluateOrg>, id: string) => ev.trips.get(id)!.warnings.map((w) => w.code);

describe('rules.md worked examples', () => {
  test('1. two separate trips: 5 + 5 = 10 days', () => {
    const a = trip('2025-03-03', '2025-03-07');
    const b = trip('2025-03-10', '2025-03-14');
    const ev = evaluateOrg(input({ trips: [a, b] }));
    expect(row(ev, 2025).countedDays).toBe(10);
    expect(ev.trips.get(a.id)!.derived.countedDays).toEqual({ '2025': 5 });
    expect(ev.trips.get(b.id)!.derived.countedDays).toEqual({ '2025': 5 });
    expect(codes(ev, a.id)).not.toContain('OVERLAP');
    expect(codes(ev, b.id)).not.toContain('OVERLAP');
  });

  test('2. overlapping trips: 5 + 2 = 7, the second has OVERLAP', () => {
    const a = trip('2025-03-03', '2025-03-07');
    const b = trip('2025-03-06', '2025-03-09');
    const ev = evaluateOrg(input({ trips: [b, a] }));
    expect(row(ev, 2025).countedDays).toBe(7);
    expect(ev.trips.get(a.id)!.derived.countedDays['2025']).toBe(5);
    expect(ev.trips.get(b.id)!.derived.countedDays['2025']).toBe(2);
    expect(codes(ev, a.id)).not.toContain('OVERLAP');
    const overlap = ev.trips.get(b.id)!.warnings.find((w) => w.code === 'OVERLAP')!;
    expect(overlap.related).toEqual([a.id]);
    expect(overlap.message).toContain(a.id);
  });

  test('3. a trip across New Year: 3 days in 2025, 2 in 2026', () => {
    const a = trip('2025-12-29', '2026-01-02');
    const ev = evaluateOrg(input({ trips: [a], asOf: '2026-01-31' }));
    expect(ev.trips.get(a.id)!.derived.countedDays).toEqual({ '2025': 3, '2026': 2 });
    expect(row(ev, 2025).countedDays).toBe(3);
    expect(row(ev, 2026).countedDays).toBe(2);
    expect(row(ev, 2025).trips).toBe(1);
    expect(row(ev, 2026).trips).toBe(1);
  });

  test('4. two half days on one date make 1 day; a third gets 0 and OVERLAP', () => {
    const a = trip('2025-04-10', '2025-04-10', { days: 0.5 });
    const b = trip('2025-04-10', '2025-04-10', { days: 0.5 });
    let ev = evaluateOrg(input({ trips: [a, b] }));
    expect(row(ev, 2025).countedDays).toBe(1);
    expect(codes(ev, a.id)).not.toContain('OVERLAP');
    expect(codes(ev, b.id)).not.toContain('OVERLAP');
    const c = trip('2025-04-10', '2025-04-10', { days: 0.5 });
    ev = evaluateOrg(input({ trips: [c, b, a] }));
    expect(row(ev, 2025).countedDays).toBe(1);
    expect(ev.trips.get(c.id)!.derived.countedDays['2025']).toBe(0);
    const overlap = ev.trips.get(c.id)!.warnings.find((w) => w.code === 'OVERLAP')!;
    expect(overlap.related).toEqual([a.id, b.id]);
  });

  test('5. serviceStart 01/07/2025: |E| = 184 of 365, required ceil(60 × 184 / 365) = 31', () => {
    const ev = evaluateOrg(input({ cadres: [cadre('CB01', { serviceStart: '2025-07-01' })] }));
    const r = row(ev, 2025);
    expect(r.eligibleDays).toBe(184);
    expect(r.requiredDays).toBe(31);
  });

  test('6. asOf 30/06: expected 29.8; 25 days behind, 30 days on track', () => {
    // 25 days: 01/03–25/03
    let ev = evaluateOrg(input({ trips: [trip('2025-03-01', '2025-03-25')], asOf: '2025-06-30' }));
    let r = row(ev, 2025);
    expect(r.countedDays).toBe(25);
    expect(r.expectedToDate).toBe(29.8);
    expect(r.status).toBe('behind');
    ev = evaluateOrg(input({ trips: [trip('2025-03-01', '2025-03-30')], asOf: '2025-06-30' }));
    r = row(ev, 2025);
    expect(r.countedDays).toBe(30);
    expect(r.status).toBe('on_track');
  });

  test('7. working mode: Friday 07/03–Monday 10/03/2025 is 2 days', () => {
    const a = trip('2025-03-07', '2025-03-10');
    const ev = evaluateOrg(input({ trips: [a], policies: { 2025: policy(2025, { dayMode: 'working' }) } }));
    expect(ev.trips.get(a.id)!.derived.countedDays).toEqual({ '2025': 2 });
    expect(row(ev, 2025).countedDays).toBe(2);
  });

  test('8. report deadline 24/03: on 24/03 on time, 25/03 late, none by 30/03 overdue', () => {
    const onTime = trip('2025-03-10', '2025-03-14', { reportDate: '2025-03-24' });
    const late = trip('2025-03-10', '2025-03-14', { reportDate: '2025-03-25', cadreId: 'CB02' });
    const none = trip('2025-03-10', '2025-03-14', { reportDate: undefined, cadreId: 'CB03' });
    delete none.reportDate;
    const ev = evaluateOrg(
      input({ cadres: [cadre('CB01'), cadre('CB02'), cadre('CB03')], trips: [onTime, late, none], asOf: '2025-03-30' }),
    );
    expect(ev.trips.get(onTime.id)!.derived).toMatchObject({ reportDeadline: '2025-03-24', reportStatus: 'on_time' });
    expect(ev.trips.get(late.id)!.derived.reportStatus).toBe('late');
    expect(ev.trips.get(none.id)!.derived.reportStatus).toBe('overdue');
    expect(ev.year(2025).summary.reports).toEqual({ on_time: 1, late: 1, pending: 0, overdue: 1 });
  });

  test('9. 10 counted days: asOf 30/12 behind, asOf 31/12 not_met', () => {
    const trips = [trip('2025-05-01', '2025-05-10')];
    expect(row(evaluateOrg(input({ trips, asOf: '2025-12-30' })), 2025).status).toBe('behind');
    const r = row(evaluateOrg(input({ trips, asOf: '2025-12-31' })), 2025);
    expect(r.countedDays).toBe(10);
    expect(r.status).toBe('not_met');
  });

  test('10. working mode across Tết 2025 (27/01–07/02): 10 weekdays − 4 = 6 days', () => {
    const a = trip('2025-01-27', '2025-02-07');
    const ev = evaluateOrg(input({ trips: [a], policies: { 2025: policy(2025, { dayMode: 'working' }) } }));
    expect(ev.trips.get(a.id)!.derived.countedDays).toEqual({ '2025': 6 });
  });
});

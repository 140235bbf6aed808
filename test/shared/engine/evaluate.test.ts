import { evaluateOrg } from '../../../shared/engine/evaluate';
import { cadre, input, policy, trip } from './fixtures';

describe('evaluateOrg: the org-year', () => {
  const cadres = [
    cadre('CB02', { department: 'Văn phòng' }),
    cadre('CB01', { department: 'Ban Tổ chức' }),
    cadre('CB03', { department: 'Ban Tổ chức', subject: false }),
    cadre('CB04', { serviceStart: '2026-02-01' }),
    cadre('CB05', { serviceEnd: '2024-12-31' }),
  ];
  const t1 = trip('2025-12-29', '2026-01-02', { cadreId: 'CB01', contents: ['kiem_tra', 'khao_sat'], cost: 500_000, unit: 'XA01' });
  const t2 = trip('2025-03-03', '2025-03-07', { cadreId: 'CB01', contents: ['kiem_tra'], cost: 1_000_000, unit: 'Phường Đông Hải' });
  const t3 = trip('2025-04-01', '2025-04-02', { cadreId: 'CB03', contents: ['la_ma'], unit: 'Trường THPT A' });
  const t4 = trip('2025-02-01', '2025-02-01', { cadreId: 'CB05', unit: 'XA01' });
  const data = input({
    cadres,
    trips: [t1, t2, t3, t4],
    asOf: '2026-01-31',
    registrations: [{ cadreId: 'CB01', year: 2025, q1Days: 10, q2Days: 20, q3Days: 20, q4Days: 15, approved: true }],
  });
  const ev = evaluateOrg(data);
  const y = ev.year(2025);

  test('rows: cadres whose service meets the year or with trips, sorted by cadreId', () => {
    expect(y.cadres.map((r) => r.cadreId)).toEqual(['CB01', 'CB02', 'CB03', 'CB05']);
    expect(ev.year(2026).cadres.map((r) => r.cadreId)).toEqual(['CB01', 'CB02', 'CB03', 'CB04']);
  });

  test('a row with its figures', () => {
    const r = y.cadres[0];
    expect(r).toEqual({
      cadreId: 'CB01',
      fullName: 'Cán bộ CB01',
      department: 'Ban Tổ chức',
      subject: true,
      eligibleDays: 365,
      requiredDays: 60,
      countedDays: 8,
      remainingDays: 52,
      percent: 13.3,
      expectedToDate: 60,
      status: 'not_met',
      trips: 2,
      unitsVisited: 2,
      reports: { on_time: 1, late: 0, pending: 0, overdue: 0 },
      registered: true,
      plannedDays: 65,
    });
    expect(y.cadres[1]).toMatchObject({ cadreId: 'CB02', registered: false, plannedDays: null, status: 'not_met', countedDays: 0 });
  });

  test('non-subject and out-of-service cadres are exempt even when they went', () => {
    expect(y.cadres[2]).toMatchObject({ cadreId: 'CB03', requiredDays: 0, countedDays: 2, status: 'exempt', percent: null, expectedToDate: 0 });
    expect(y.cadres[3]).toMatchObject({ cadreId: 'CB05', eligibleDays: 0, requiredDays: 0, countedDays: 1, status: 'exempt' });
  });

  test('summary', () => {
    expect(y.summary).toMatchObject({
      subject: 2,
      participated: 1,
      participationPercent: 50,
      met: 0,
      registered: 1,
      unitsVisited: 3,
      unitsNotVisited: [],
      // the New-Year trip ends in 2026: its report and cost belong to 2026
      reports: { on_time: 3, late: 0, pending: 0, overdue: 0 },
      totalCost: 1_000_000,
    });
    expect(y.summary.byDepartment).toEqual([
      { department: 'Ban Tổ chức', subject: 1, participated: 1, met: 0, countedDays: 8 },
      { department: 'Văn phòng', subject: 1, participated: 0, met: 0, countedDays: 0 },
    ]);
    const byCat = Object.fromEntries(y.summary.byCategory.map((c) => [c.category, c]));
    expect(y.summary.byCategory.map((c) => c.category)).toEqual(['khao_sat', 'nghien_cuu', 'phoi_hop', 'kiem_tra', 'sinh_hoat', 'dai_hoi', 'khac', 'la_ma']);
    expect(byCat.kiem_tra).toEqual({ category: 'kiem_tra', trips: 2, days: 8 });
    expect(byCat.khao_sat).toEqual({ category: 'khao_sat', trips: 2, days: 4 });
    expect(byCat.la_ma).toEqual({ category: 'la_ma', trips: 1, days: 2 });
    const y26 = ev.year(2026).summary;
    expect(y26.totalCost).toBe(500_000);
    expect(y26.reports.on_time).toBe(1);
    expect(y26.unitsNotVisited).toEqual(['XA02']);
  });

  test('a trip lists every year it touches, 0 included', () => {
    const future = trip('2026-12-30', '2027-01-02', { cadreId: 'CB01' });
    const e = evaluateOrg({ ...data, trips: [...data.trips, future] });
    expect(e.trips.get(future.id)!.derived.countedDays).toEqual({ '2026': 0, '2027': 0 });
    expect(e.trips.get(t1.id)!.derived).toEqual({
      countedDays: { '2025': 3, '2026': 2 },
      reportStatus: 'on_time',
      reportDeadline: '2026-01-12',
    });
    expect(e.trips.size).toBe(5);
    expect([...e.trips.keys()].sort()).toEqual([t1.id, t2.id, t3.id, t4.id, future.id].sort());
  });

  test('the report deadline uses the policy of the endDate year', () => {
    const e = evaluateOrg({ ...data, policies: { 2026: policy(2026, { reportDeadlineDays: 3 }) } });
    expect(e.trips.get(t1.id)!.derived.reportDeadline).toBe('2026-01-05');
    expect(e.trips.get(t2.id)!.derived.reportDeadline).toBe('2025-03-17');
  });

  test('year() is cached', () => {
    expect(ev.year(2025)).toBe(y);
  });

  test('window, proration none, asOf before the window', () => {
    const e = evaluateOrg({
      ...data,
      asOf: '2025-02-15',
      policies: { 2025: policy(2025, { windowStart: '2025-03-01', windowEnd: '2025-11-30', proration: 'none', requiredDays: 30 }) },
    });
    const r = e.year(2025).cadres.find((x) => x.cadreId === 'CB02')!;
    expect(r).toMatchObject({ eligibleDays: 275, requiredDays: 30, expectedToDate: 0, status: 'not_started' });
  });

  test('participationPercent is null with no subject cadre', () => {
    const e = evaluateOrg(input({ cadres: [cadre('X', { subject: false })] }));
    expect(e.year(2025).summary.participationPercent).toBeNull();
    expect(e.year(2025).summary.subject).toBe(0);
  });
});

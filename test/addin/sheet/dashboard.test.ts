import { defaultPolicy } from '../../../shared/defaults';
import type { ComplianceBody } from '../../../shared/wire/compliance';
import { dashboardLayout, instantToVietnam } from '../../../addin/sheet/dashboard';

const compliance: ComplianceBody = {
  org: 'demo',
  year: 2025,
  asOf: '2025-12-31',
  policy: defaultPolicy(2025),
  computedAt: '2025-12-31T18:00:00Z',
  cadres: [
    { cadreId: 'CB01', fullName: 'An', department: 'Ban Tổ chức', subject: true, eligibleDays: 365, requiredDays: 60, countedDays: 61, remainingDays: 0, percent: 101.7, expectedToDate: 60, status: 'met', trips: 9, unitsVisited: 5, reports: { on_time: 8, late: 1, pending: 0, overdue: 0 }, registered: true, plannedDays: 60 },
    { cadreId: 'CB02', fullName: 'Bình', department: 'Văn phòng', subject: false, eligibleDays: 365, requiredDays: 0, countedDays: 4, remainingDays: 0, percent: null, expectedToDate: 0, status: 'exempt', trips: 1, unitsVisited: 1, reports: { on_time: 1, late: 0, pending: 0, overdue: 0 }, registered: false, plannedDays: null },
  ],
  summary: {
    subject: 1, participated: 1, participationPercent: 100, met: 1, registered: 1,
    byDepartment: [{ department: 'Ban Tổ chức', subject: 1, participated: 1, met: 1, countedDays: 61 }],
    byCategory: [{ category: 'kiem_tra', trips: 4, days: 20 }, { category: 'la', trips: 1, days: 1 }],
    unitsVisited: 5, unitsNotVisited: ['X07', 'X09'], reports: { on_time: 9, late: 1, pending: 0, overdue: 0 }, totalCost: 1500000,
  },
};

describe('dashboardLayout', () => {
  const layout = dashboardLayout(compliance, [{ date: '2025-12-30', summary: { ...compliance.summary, participated: 1, met: 0 }, computedAt: '' }]);
  const block = (id: string) => layout.blocks.find((b) => b.id === id)!;

  it('heads the sheet with org, year and as-of date', () => {
    expect(layout.sheet).toBe('Tổng hợp');
    expect(block('info').values.slice(0, 3)).toEqual([['Đơn vị', 'demo'], ['Năm', 2025], ['Số liệu tính đến ngày', '31/12/2025']]);
  });

  it('shows participation as x/y and %, met, registered, reports and cost', () => {
    const kpi = Object.fromEntries(block('kpi').values.slice(1).map(([k, v]) => [k, v]));
    expect(kpi).toMatchObject({ 'Cán bộ thuộc đối tượng': 1, 'Đã đi cơ sở': '1/1', 'Tỷ lệ đã đi cơ sở (%)': 100, 'Đạt số ngày tối thiểu': 1, 'Đã đăng ký kế hoạch': 1, 'Báo cáo trễ hạn': 1, 'Tổng kinh phí (VNĐ)': 1500000 });
  });

  it('lists departments, categories by label, and units never visited', () => {
    expect(block('departments').values).toEqual([['Ban/Văn phòng', 'Thuộc đối tượng', 'Đã đi', 'Đạt', 'Số ngày'], ['Ban Tổ chức', 1, 1, 1, 61]]);
    expect(block('categories').values.slice(1)).toEqual([['Kiểm tra, giám sát', 4, 20], ['la', 1, 1]]);
    expect(block('notVisited').values).toEqual([['Đơn vị chưa đến (2)'], ['X07'], ['X09']]);
  });

  it('charts counted vs required days of subject cadres and the progress snapshots', () => {
    expect(block('perCadreChart').values).toEqual([['Cán bộ', 'Số ngày phải đi', 'Số ngày đã đi'], ['An (CB01)', 60, 61]]);
    expect(block('progress').values).toEqual([['Ngày', 'Đã đi cơ sở', 'Đạt'], ['30/12/2025', 1, 0]]);
    expect(layout.charts.map((c) => [c.type, c.block])).toEqual([['ColumnClustered', 'perCadreChart'], ['Line', 'progress']]);
  });

  it('leaves blocks from overlapping one another', () => {
    const cells = new Set<string>();
    for (const b of layout.blocks.filter((x) => x.id !== 'perCadreChart')) {
      b.values.forEach((r, i) => r.forEach((_, j) => {
        const k = `${b.row + i},${b.col + j}`;
        expect(cells.has(k)).toBe(false);
        cells.add(k);
      }));
    }
  });
});

describe('instantToVietnam', () => {
  it('shows an instant in Vietnam time (UTC+7), across the date line', () => {
    expect(instantToVietnam('2025-12-31T18:00:00Z')).toBe('01/01/2026 01:00');
    expect(instantToVietnam('2025-03-05T02:07:59.900Z')).toBe('05/03/2025 09:07');
  });
  it('leaves what is not an instant as it is', () => {
    expect(instantToVietnam('')).toBe('');
    expect(instantToVietnam('hôm qua')).toBe('hôm qua');
  });
});

describe('units never visited', () => {
  it('are named when their names are known', () => {
    const l = dashboardLayout(compliance, [], { unitNames: new Map([['X07', 'Xã An Bình']]) });
    expect(l.blocks.find((b) => b.id === 'notVisited')!.values).toEqual([['Đơn vị chưa đến (2)'], ['X07 — Xã An Bình'], ['X09']]);
  });
});

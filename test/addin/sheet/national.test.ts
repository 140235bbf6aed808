import { nationalLayout, NATIONAL_SHEET, NO_FIGURES } from '../../../addin/sheet/national';
import type { RollupBody } from '../../../shared/wire/identity';
import type { Summary } from '../../../shared/models';

const summary = (subject: number, participated: number, met: number): Summary => ({
  subject, participated, participationPercent: subject ? Math.round((participated * 1000) / subject) / 10 : null, met, registered: 0,
  byDepartment: [], byCategory: [], unitsVisited: 0, unitsNotVisited: [], reports: { on_time: 0, late: 0, pending: 0, overdue: 0 }, totalCost: 0,
});

const rollup = (n: number): RollupBody => {
  const orgs = Array.from({ length: n }, (_, i) => ({
    org: `p${String(i + 1).padStart(2, '0')}`,
    name: i === 0 ? '=Tỉnh Đoàn' : `Tỉnh ${i + 1}`,
    summary: i % 3 === 2 ? null : summary(10 + i, 5 + (i % 5), i % 4),
    computedAt: i % 3 === 2 ? null : '2025-12-31T18:00:00Z',
    closed: i === 1 ? { closedBy: 'Lãnh đạo', closedAt: '2026-01-05T02:00:00.000Z', asOf: '2025-12-31' } : null,
  }));
  return { year: 2025, orgs, total: { orgs: n, subject: 1, participated: 1, participationPercent: 100, met: 1 } };
};

describe('nationalLayout', () => {
  it('one row per org (34), figures or "no figures", the total, and a chart of the orgs with figures', () => {
    const layout = nationalLayout(rollup(34));
    expect(layout.sheet).toBe(NATIONAL_SHEET);
    const table = layout.blocks.find((b) => b.id === 'orgs')!;
    expect(table.values).toHaveLength(35);
    expect(table.values[1]).toEqual(['p01', '=Tỉnh Đoàn', 10, 5, 50, 0, '01/01/2026 01:00', '']);
    expect(table.values[2][7]).toBe('Có');
    expect(table.values[3]).toEqual(['p03', 'Tỉnh 3', '', '', '', '', NO_FIGURES, '']);
    const total = layout.blocks.find((b) => b.id === 'total')!;
    expect(total.row).toBe(table.row + 35);
    expect(total.values).toEqual([['Toàn quốc', '', 1, 1, 100, 1, '', '']]);
    const chartData = layout.blocks.find((b) => b.id === 'chartData')!;
    expect(chartData.values).toHaveLength(1 + 34 - 11);
    expect(layout.charts).toEqual([expect.objectContaining({ type: 'ColumnClustered', block: 'chartData' })]);
  });
  it('no chart when no org has figures', () => {
    const r = rollup(3);
    r.orgs.forEach((o) => (o.summary = null));
    expect(nationalLayout(r).charts).toEqual([]);
  });
});

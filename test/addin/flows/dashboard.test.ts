import { ApiClient } from '../../../addin/api/client';
import type { ComplianceBody } from '../../../shared/wire/compliance';
import { updateDashboard } from '../../../addin/flows/dashboard';
import { defaultPolicy } from '../../../shared/defaults';
import { FakeApi } from '../fake-api';
import { ExcelHost } from '../../office-host/host';

const compliance: ComplianceBody = {
  org: 'demo',
  year: 2025,
  asOf: '2025-06-30',
  policy: defaultPolicy(2025),
  computedAt: '2025-06-30T18:05:00Z',
  cadres: [
    { cadreId: 'CB01', fullName: '=Nguyễn An', department: '-Ban Tổ chức', subject: true, eligibleDays: 365, requiredDays: 60, countedDays: 31, remainingDays: 29, percent: 51.7, expectedToDate: 30, status: 'on_track', trips: 5, unitsVisited: 3, reports: { on_time: 4, late: 1, pending: 0, overdue: 0 }, registered: true, plannedDays: 60 },
    { cadreId: 'CB02', fullName: 'Bình', department: 'Văn phòng', subject: true, eligibleDays: 365, requiredDays: 60, countedDays: 0, remainingDays: 60, percent: 0, expectedToDate: 30, status: 'behind', trips: 0, unitsVisited: 0, reports: { on_time: 0, late: 0, pending: 0, overdue: 0 }, registered: false, plannedDays: null },
  ],
  summary: {
    subject: 2, participated: 1, participationPercent: 50, met: 0, registered: 1,
    byDepartment: [{ department: '-Ban Tổ chức', subject: 1, participated: 1, met: 0, countedDays: 31 }, { department: 'Văn phòng', subject: 1, participated: 0, met: 0, countedDays: 0 }],
    byCategory: [{ category: 'kiem_tra', trips: 5, days: 31 }],
    unitsVisited: 3, unitsNotVisited: ['X07', '@X09'], reports: { on_time: 4, late: 1, pending: 0, overdue: 0 }, totalCost: 0,
  },
};

async function setup() {
  const excel = new ExcelHost();
  const api = new FakeApi();
  api.complianceBody = compliance;
  api.historyRows = [
    { date: '2025-01-31', summary: { ...compliance.summary, participated: 0, met: 0 }, computedAt: '' },
    { date: '2025-02-28', summary: { ...compliance.summary, participated: 1, met: 0 }, computedAt: '' },
  ];
  api.seed('units', { id: 'X07', unitCode: 'X07', name: 'Xã An Bình', kind: 'xa' });
  const client = new ApiClient({ apiUrl: 'http://api.test', org: 'demo', apiKey: api.key }, api.fetch);
  return { excel, api, client };
}

/** The dashboard's cells as text rows (for finding labels). */
function findRow(excel: ExcelHost, label: string): unknown[] {
  const sheet = excel.sheet('Tổng hợp');
  for (let r = 0; r < 80; r++) {
    if (excel.cell(sheet.name, r, 0).value === label) return Array.from({ length: 6 }, (_, c) => excel.cell(sheet.name, r, c).value);
  }
  throw new Error(`no row ${label}`);
}

describe('updateDashboard', () => {
  it('writes the year at a glance in 2 syncs, with both charts', async () => {
    const { excel, client } = await setup();
    const report = await updateDashboard({ excel, api: client, year: 2025 });
    expect(report).toEqual({ subject: 2, participated: 1, met: 0, snapshots: 2 });
    expect(excel.syncCount).toBe(2);
    expect(excel.sheet('Tổng hợp').charts.map((c) => c.type)).toEqual(['ColumnClustered', 'Line']);
  });

  it('writes every text as data: x/y, dates and names never become dates, numbers or formulas', async () => {
    const { excel, client } = await setup();
    await updateDashboard({ excel, api: client, year: 2025 });
    const cells = excel.allCells('Tổng hợp');
    expect(cells.filter((c) => c.formula !== null || c.coerced)).toEqual([]);
    expect(findRow(excel, 'Đã đi cơ sở')[1]).toBe('1/2');
    expect(findRow(excel, 'Số liệu tính đến ngày')[1]).toBe('30/06/2025');
    expect(findRow(excel, '-Ban Tổ chức').slice(0, 5)).toEqual(['-Ban Tổ chức', 1, 1, 0, 31]);
  });

  it('shows when the figures were computed in Vietnam time and names the units never visited', async () => {
    const { excel, client } = await setup();
    await updateDashboard({ excel, api: client, year: 2025 });
    expect(findRow(excel, 'Cập nhật lúc')[1]).toBe('01/07/2025 01:05');
    expect(findRow(excel, 'X07 — Xã An Bình')).toBeDefined();
    expect(findRow(excel, '@X09')).toBeDefined();
  });
});

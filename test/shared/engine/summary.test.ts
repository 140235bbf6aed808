import { categorySummary, departmentSummary, unitsNotVisited } from '../../../shared/engine/summary';
import { isoToDay } from '../../../shared/dates';
import type { ComplianceRow } from '../../../shared/models';

const row = (department: string, requiredDays: number, countedDays: number, status: ComplianceRow['status']): ComplianceRow => ({
  cadreId: department + requiredDays + countedDays,
  fullName: 'x',
  department,
  subject: true,
  eligibleDays: 365,
  requiredDays,
  countedDays,
  remainingDays: 0,
  percent: null,
  expectedToDate: 0,
  status,
  trips: 0,
  unitsVisited: 0,
  reports: { on_time: 0, late: 0, pending: 0, overdue: 0 },
  registered: false,
  plannedDays: null,
});

describe('summary parts', () => {
  test('byDepartment: subject cadres only, Vietnamese collation', () => {
    const out = departmentSummary([
      row('Văn phòng', 60, 61.5, 'met'),
      row('Ban Tổ chức', 60, 0, 'behind'),
      row('Ban Đoàn kết', 60, 10, 'behind'),
      row('Ban Đoàn kết', 0, 10, 'exempt'),
      row('Ủy ban Kiểm tra', 0, 5, 'exempt'),
      row('Ban Dân vận', 31, 31, 'met'),
    ]);
    expect(out.map((d) => d.department)).toEqual(['Ban Dân vận', 'Ban Đoàn kết', 'Ban Tổ chức', 'Văn phòng']);
    expect(out[1]).toEqual({ department: 'Ban Đoàn kết', subject: 1, participated: 1, met: 0, countedDays: 10 });
    expect(out[3]).toEqual({ department: 'Văn phòng', subject: 1, participated: 1, met: 1, countedDays: 61.5 });
  });

  test('byCategory: policy order with zeros, then other codes sorted', () => {
    const tally = new Map([
      ['zeta', { trips: 1, halves: 3 }],
      ['kiem_tra', { trips: 2, halves: 8 }],
      ['alpha', { trips: 1, halves: 2 }],
    ]);
    expect(
      categorySummary(
        [
          { code: 'khao_sat', label: 'Khảo sát' },
          { code: 'kiem_tra', label: 'Kiểm tra' },
        ],
        tally,
      ),
    ).toEqual([
      { category: 'khao_sat', trips: 0, days: 0 },
      { category: 'kiem_tra', trips: 2, days: 4 },
      { category: 'alpha', trips: 1, days: 1 },
      { category: 'zeta', trips: 1, days: 1.5 },
    ]);
  });

  test('unitsNotVisited: valid on some date of the year, not visited, sorted', () => {
    const units = [
      { unitCode: 'B', name: 'b', kind: 'xa' as const },
      { unitCode: 'A', name: 'a', kind: 'xa' as const, validTo: '2024-12-31' },
      { unitCode: 'C', name: 'c', kind: 'xa' as const, validFrom: '2025-12-31' },
      { unitCode: 'D', name: 'd', kind: 'xa' as const, validFrom: '2026-01-01' },
      { unitCode: 'E', name: 'e', kind: 'xa' as const },
    ];
    expect(unitsNotVisited(units, isoToDay('2025-01-01'), isoToDay('2025-12-31'), new Set(['E']))).toEqual(['B', 'C']);
  });
});

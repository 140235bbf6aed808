import { KIND_LIST, KINDS, kindInfo, rawRowId, rowId } from '../../shared/kinds';

describe('rowId', () => {
  it('uses each kind\'s identity', () => {
    expect(rowId('cadres', { cadreId: 'CB01', fullName: 'A', department: '', position: '', subject: true })).toBe('CB01');
    expect(rowId('units', { unitCode: 'XA01', name: 'Xã', kind: 'xa' })).toBe('XA01');
    expect(rowId('registrations', { cadreId: 'CB01', year: 2025, q1Days: 0, q2Days: 0, q3Days: 0, q4Days: 0, approved: false })).toBe('CB01-2025');
    expect(rowId('absences', { id: 'a1', cadreId: 'CB01', from: '2025-01-01', reason: 'sick' })).toBe('a1');
    expect(rowId('trips', { id: 't1', cadreId: 'CB01', unit: 'X', startDate: '2025-01-01', endDate: '2025-01-01', contents: ['khac'] })).toBe('t1');
  });
});

describe('rawRowId', () => {
  it.each<[Parameters<typeof rawRowId>[0], unknown, string | null]>([
    ['cadres', { cadreId: ' CB01 ' }, 'CB01'],
    ['cadres', { cadreId: 17 }, '17'],
    ['cadres', { cadreId: '' }, null],
    ['cadres', { id: 'CB01' }, null],
    ['units', { unitCode: 'XA01', deleted: true }, 'XA01'],
    ['registrations', { cadreId: 'CB01', year: 2025 }, 'CB01-2025'],
    ['registrations', { cadreId: 'CB01', year: ' 2025 ' }, 'CB01-2025'],
    ['registrations', { cadreId: 'CB01', year: 2025.5 }, null],
    ['registrations', { cadreId: 'CB01' }, null],
    ['registrations', { year: 2025 }, null],
    ['absences', { id: ' a-1 ' }, 'a-1'],
    ['trips', { id: 't1', cadreId: 'CB01' }, 't1'],
    ['trips', { cadreId: 'CB01' }, null],
    ['trips', null, null],
    ['trips', 'x', null],
    ['trips', [{ id: 't1' }], null],
  ])('%s %j → %p', (kind, raw, id) => expect(rawRowId(kind, raw)).toBe(id));
});

describe('the registry of kinds', () => {
  it('has one entry per kind, keyed by its own name, and a role to publish each', () => {
    expect([...KIND_LIST].sort()).toEqual(Object.keys(KINDS).sort());
    for (const kind of KIND_LIST) {
      expect(kindInfo(kind).kind).toBe(kind);
      expect(['editor', 'leader', 'admin']).toContain(kindInfo(kind).publishRole);
    }
    expect(KIND_LIST.filter((k) => KINDS[k].clientIds)).toEqual(['absences', 'trips']);
    expect(KIND_LIST.filter((k) => KINDS[k].filteredByYear)).toEqual(['trips', 'registrations', 'evaluations']);
    expect(KIND_LIST.filter((k) => KINDS[k].publishRole === 'leader')).toEqual(['evaluations']);
  });

  it('gives each kind its id field and pattern', () => {
    expect(KIND_LIST.map((k) => KINDS[k].idField)).toEqual(['cadreId', 'unitCode', 'id', 'id', 'cadreId', 'cadreId']);
    expect(KINDS.evaluations.idPattern.test('CB01-2025')).toBe(true);
    expect(KINDS.registrations.idPattern.test('CB01-2025')).toBe(true);
    expect(KINDS.registrations.idPattern.test('CB01')).toBe(false);
    expect(KINDS.cadres.idPattern.test('A'.repeat(33))).toBe(false);
    expect(KINDS.trips.idPattern.test('a'.repeat(64))).toBe(true);
  });

  it('names the cadre-years a row touches', () => {
    const now = { currentYear: 2026, asOfYear: 2025 };
    expect(KINDS.trips.years({ id: 't', cadreId: 'CB01', unit: 'X', startDate: '2024-12-30', endDate: '2025-01-02', contents: [] }, now)).toEqual({ cadreId: 'CB01', from: 2024, to: 2025 });
    expect(KINDS.absences.years({ id: 'a', cadreId: 'CB01', from: '2024-05-01', reason: 'sick' }, now)).toEqual({ cadreId: 'CB01', from: 2024, to: 2026 });
    expect(KINDS.absences.years({ id: 'a', cadreId: 'CB01', from: '2024-05-01', to: '2024-06-01', reason: 'sick' }, now)).toEqual({ cadreId: 'CB01', from: 2024, to: 2024 });
    expect(KINDS.registrations.years({ cadreId: 'CB01', year: 2023, q1Days: 0, q2Days: 0, q3Days: 0, q4Days: 0, approved: false }, now)).toEqual({ cadreId: 'CB01', from: 2023, to: 2023 });
    expect(KINDS.cadres.years({ cadreId: 'CB01', fullName: 'A', department: '', position: '', subject: true }, now)).toEqual({ cadreId: 'CB01', from: 2025, to: 2025 });
    expect(KINDS.units.years({ unitCode: 'X', name: 'X', kind: 'xa' }, now)).toBeNull();
  });
});

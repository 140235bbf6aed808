import { CATEGORY_CODE_PATTERN, CLIENT_ID_PATTERN, CODE_PATTERN, ORG_ID_PATTERN, rawRowId, rowId } from '../../shared/ids';

describe('patterns', () => {
  it.each<[RegExp, string, boolean]>([
    [ORG_ID_PATTERN, 'demo', true],
    [ORG_ID_PATTERN, 'tinh-doan-01', true],
    [ORG_ID_PATTERN, 'd', false],
    [ORG_ID_PATTERN, 'Demo', false],
    [ORG_ID_PATTERN, 'a'.repeat(33), false],
    [CODE_PATTERN, 'CB_01-a', true],
    [CODE_PATTERN, 'A'.repeat(32), true],
    [CODE_PATTERN, 'A'.repeat(33), false],
    [CODE_PATTERN, '', false],
    [CODE_PATTERN, 'CB 01', false],
    [CLIENT_ID_PATTERN, '3f2b6c1e-9a0d-4c43-9d4e-1b2a3c4d5e6f', true],
    [CLIENT_ID_PATTERN, 'a'.repeat(64), true],
    [CLIENT_ID_PATTERN, 'a'.repeat(65), false],
    [CATEGORY_CODE_PATTERN, 'kiem_tra', true],
    [CATEGORY_CODE_PATTERN, 'k', false],
    [CATEGORY_CODE_PATTERN, 'kiem-tra', false],
  ])('%s on %j is %p', (pattern, text, ok) => expect(pattern.test(text)).toBe(ok));
});

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

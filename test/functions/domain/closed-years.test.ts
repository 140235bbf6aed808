import { yearClosedError } from '../../../functions/domain/closed-years';

describe('yearClosedError', () => {
  const closed = new Set([2025]);
  const trip = (startDate: string, endDate: string) => ({ id: 't', cadreId: 'CB01', unit: 'X', startDate, endDate, contents: ['khac'] });

  it('names the date field that reaches the closed year', () => {
    expect(yearClosedError('trips', trip('2025-03-01', '2025-03-02'), closed, 2026)?.field).toBe('startDate');
    expect(yearClosedError('trips', trip('2024-12-30', '2025-01-02'), closed, 2026)?.field).toBe('endDate');
    expect(yearClosedError('trips', trip('2026-01-01', '2026-01-02'), closed, 2026)).toBeNull();
    expect(yearClosedError('absences', { id: 'a', cadreId: 'CB01', from: '2024-06-01', reason: 'sick' as const }, closed, 2026)?.field).toBe('to');
    expect(yearClosedError('absences', { id: 'a', cadreId: 'CB01', from: '2024-06-01', reason: 'sick' as const }, closed, 2024)).toBeNull();
    expect(yearClosedError('registrations', { cadreId: 'CB01', year: 2025, q1Days: 0, q2Days: 0, q3Days: 0, q4Days: 0, approved: false }, closed, 2026)).toMatchObject({ field: 'year', code: 'YEAR_CLOSED' });
    expect(yearClosedError('registrations', { cadreId: 'CB01', year: 2024, q1Days: 0, q2Days: 0, q3Days: 0, q4Days: 0, approved: false }, closed, 2026)).toBeNull();
  });

  it('never applies to cadres and units, nor when no year is closed', () => {
    expect(yearClosedError('cadres', { cadreId: 'CB01', fullName: 'A', department: '', position: '', subject: true }, closed, 2025)).toBeNull();
    expect(yearClosedError('trips', trip('2025-03-01', '2025-03-02'), new Set(), 2025)).toBeNull();
  });
});

import { isoToDay } from '../../../shared/dates';
import { REPORT_CODE, REPORT_STATUSES, reportDeadline, reportStatusCode } from '../../../shared/engine/reports';

describe('reports', () => {
  const deadline = reportDeadline(isoToDay('2025-03-14'), 10);
  test('deadline is endDate + reportDeadlineDays', () => {
    expect(deadline).toBe(isoToDay('2025-03-24'));
  });
  test('on time, late, pending, overdue', () => {
    expect(reportStatusCode(isoToDay('2025-03-24'), deadline, isoToDay('2025-12-31'))).toBe(REPORT_CODE.on_time);
    expect(reportStatusCode(isoToDay('2025-03-25'), deadline, isoToDay('2025-03-01'))).toBe(REPORT_CODE.late);
    expect(reportStatusCode(undefined, deadline, isoToDay('2025-03-24'))).toBe(REPORT_CODE.pending);
    expect(reportStatusCode(undefined, deadline, isoToDay('2025-03-25'))).toBe(REPORT_CODE.overdue);
    expect(REPORT_STATUSES[REPORT_CODE.overdue]).toBe('overdue');
  });
});

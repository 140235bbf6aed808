/**
 * Closing a year from the pane's flows: the pure texts and button rules, then against the real
 * local API (dev host on the run's Azurite) with the emulated Excel host: the figures shown
 * before closing are the ones frozen, the year reads closed, a trip into it is refused on its
 * row with YEAR_CLOSED, errors are clear, an admin reopens it.
 */
import { ApiClient } from '../../../addin/api/client';
import { ApiError } from '../../../addin/api/errors';
import {
  closedText,
  closePrompt,
  closeYear,
  frozenFigures,
  loadYearState,
  previewClose,
  reopenPrompt,
  reopenYear,
  yearActions,
  yearStateText,
} from '../../../addin/flows/close-year';
import { publishChanges } from '../../../addin/flows/publish';
import { refreshFromServer } from '../../../addin/flows/refresh';
import { createWorkbookTemplate } from '../../../addin/flows/template';
import type { Summary } from '../../../shared/models';
import { KEYS, startTestApi, type TestApi } from '../../support/api';
import { ExcelHost } from '../../office-host/host';

const closed = { closedBy: 'Lãnh đạo Demo', closedAt: '2026-01-09T20:30:00Z', asOf: '2025-12-31' };

describe('the year state and the buttons', () => {
  it('says open or closed (the close day in Vietnam time) in both languages', () => {
    expect(yearStateText({ year: 2025, closed: null })).toEqual({ vi: 'Năm 2025: đang mở — số liệu còn được cập nhật.', en: 'Year 2025: open — figures can still change.' });
    const t = yearStateText({ year: 2025, closed });
    expect(t.vi).toBe('Năm 2025: đã khoá sổ ngày 10/01/2026 (Lãnh đạo Demo), số liệu chốt đến 31/12/2025; không sửa được đi cơ sở, miễn giảm, đăng ký, đánh giá của năm này.');
    expect(t.en).toMatch(/^Year 2025: closed on 10\/01\/2026 \(Lãnh đạo Demo\), figures frozen as of 31\/12\/2025;/);
    expect(reopenPrompt({ year: 2025, closed }).vi).toMatch(/^Mở lại năm 2025\?/);
  });

  it('shows "Khoá sổ năm" to leaders and admins on an open year, "Mở lại năm" to admins on a closed one, nothing while the role is unknown', () => {
    const open = { year: 2025, closed: null };
    const shut = { year: 2025, closed };
    expect(['viewer', 'editor', 'leader', 'admin'].map((r) => yearActions(r as never, open))).toEqual([
      { close: false, reopen: false },
      { close: false, reopen: false },
      { close: true, reopen: false },
      { close: true, reopen: false },
    ]);
    expect(['viewer', 'editor', 'leader', 'admin'].map((r) => yearActions(r as never, shut).reopen)).toEqual([false, false, false, true]);
    expect(yearActions(null, open)).toEqual({ close: false, reopen: false });
    expect(yearActions('admin', null)).toEqual({ close: false, reopen: false });
  });

  it('lists the figures being frozen and warns about cadres not evaluated', () => {
    const summary = { subject: 26, participated: 26, participationPercent: 100, met: 25, evaluated: 24, evaluationResults: { dat: 23, khong_dat: 1, mien: 0 }, reports: { on_time: 40, late: 2, pending: 0, overdue: 1 } } as unknown as Summary;
    const lines = frozenFigures({ asOf: '2025-12-31', summary });
    expect(lines.map((l) => [l.label.vi, l.value])).toEqual([
      ['Số liệu tính đến', '31/12/2025'],
      ['Cán bộ thuộc diện', '26'],
      ['Đã đi cơ sở', '26/26 (100%)'],
      ['Đạt đủ số ngày', '25/26'],
      ['Đã đánh giá', '24/26'],
      ['Kết quả đánh giá: Đạt / Không đạt / Miễn', '23 / 1 / 0'],
      ['Báo cáo đúng hạn / trễ / quá hạn', '40 / 2 / 1'],
    ]);
    expect(lines.every((l) => l.label.en !== '' && l.label.en !== l.label.vi)).toBe(true);
    expect(closePrompt(2025, { summary, asOf: '2025-12-31' }, '2026-01-09').vi).toMatch(/Còn 2 cán bộ chưa được đánh giá\.$/);
    expect(closePrompt(2025, { summary: { ...summary, evaluated: 26 }, asOf: '2025-12-31' }, '2026-01-09').vi).not.toMatch(/chưa được đánh giá/);
    expect(frozenFigures({ asOf: '2025-12-31', summary: { ...summary, participationPercent: 95.8 } })[2].value).toBe('26/26 (95,8%)');
  });

  it('warns when the window has not ended yet: closing then freezes only what is recorded so far', () => {
    const summary = { subject: 26, evaluated: 26 } as unknown as Summary;
    const early = closePrompt(2026, { summary, asOf: '2026-12-31' }, '2026-12-02');
    expect(early.vi).toMatch(/Kỳ tính của năm chưa kết thúc \(đến 31\/12\/2026\)/);
    expect(early.en).toMatch(/The year's window has not ended yet \(it runs to 31\/12\/2026\)/);
    for (const today of ['2026-12-31', '2027-01-05']) expect(closePrompt(2026, { summary, asOf: '2026-12-31' }, today).vi).not.toMatch(/chưa kết thúc/);
  });
});

describe('closing and reopening against the API', () => {
  const clock = new Date('2026-01-10T05:00:00Z');
  let api: TestApi;
  const client = (key: string): ApiClient => new ApiClient({ apiUrl: api.url, org: 'demo', apiKey: key });
  beforeAll(async () => {
    api = await startTestApi({}, { now: () => clock, log: () => undefined });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('shows the figures, closes with them, reads closed; a trip into the year is refused on its row; an admin reopens', async () => {
    const excel = new ExcelHost();
    const editor = { excel, api: client(KEYS.editor), year: 2025, role: 'editor' as const };
    await createWorkbookTemplate(editor);
    excel.typeRows('CanBo', [
      { 'Mã cán bộ': 'CB01', 'Họ và tên': 'Nguyễn Văn An', 'Ban/Văn phòng': 'BTC', 'Chức vụ': 'CV' },
      { 'Mã cán bộ': 'CB02', 'Họ và tên': 'Trần Thị Bình', 'Ban/Văn phòng': 'BTG', 'Chức vụ': 'CV' },
    ]);
    excel.typeRows('DiCoSo', [{ 'Mã cán bộ': 'CB01', 'Đơn vị đến': 'Xã A', 'Ngày đi': '03/03/2025', 'Ngày về': '07/03/2025', 'Nội dung': 'kiem_tra' }]);
    expect((await publishChanges(editor)).failure).toBeUndefined();

    expect(await loadYearState(client(KEYS.viewer), 2025)).toEqual({ year: 2025, closed: null });
    // Staff cannot close: the server's 403, in clear words.
    const refused = await closeYear(client(KEYS.editor), 2025, '2025-12-31').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).text.vi).toMatch(/không có quyền.*\(HTTP 403\)$/);

    const leader = client(KEYS.leader);
    const preview = await previewClose(leader, 2025);
    expect(preview.asOf).toBe('2025-12-31');
    expect(frozenFigures(preview).map((l) => l.value).slice(0, 5)).toEqual(['31/12/2025', '2', '1/2 (50%)', '0/2', '0/2']);
    const body = await closeYear(leader, 2025, preview.asOf);
    expect(body.closed).toEqual({ closedBy: 'Lãnh đạo Demo', closedAt: clock.toISOString(), asOf: '2025-12-31' });
    expect(body.summary).toEqual(preview.summary);
    expect(closedText(body).vi).toBe('Đã khoá sổ năm 2025 (số liệu chốt đến 31/12/2025): 1/2 cán bộ đã đi cơ sở, 0 đạt, 0 đã đánh giá.');
    const state = await loadYearState(client(KEYS.viewer), 2025);
    expect(state.closed).toEqual(body.closed);
    expect(yearStateText(state).vi).toMatch(/^Năm 2025: đã khoá sổ ngày 10\/01\/2026/);
    // The preview of a closed year is its frozen figures (the button then only says so).
    expect((await previewClose(leader, 2025)).closed).toEqual(body.closed);
    // Closing again: YEAR_CLOSED, said clearly.
    const again = await closeYear(leader, 2025, '2025-12-31').catch((e: unknown) => e);
    expect(again).toMatchObject({ status: 409, code: 'YEAR_CLOSED' });
    expect((again as ApiError).text.en).toBe('This year is closed: its figures are frozen and cannot be changed. (HTTP 409)');

    // A trip into the closed year: YEAR_CLOSED on its row; the frozen figures do not move.
    excel.typeRows('DiCoSo', [{ 'Mã cán bộ': 'CB02', 'Đơn vị đến': 'Xã B', 'Ngày đi': '10/06/2025', 'Ngày về': '11/06/2025', 'Nội dung': 'kiem_tra' }]);
    const late = await publishChanges(editor);
    expect(late.summary.rejected).toBe(1);
    expect(late.issues).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'YEAR_CLOSED', table: 'DiCoSo', row: 1, field: 'startDate', severity: 'error' })]));
    expect(String(excel.records('DiCoSo')[1]['Tình trạng gửi'])).toMatch(/^Lỗi: .*năm 2025 đã khoá sổ/);
    expect((await client(KEYS.viewer).compliance(2025)).summary.participated).toBe(1);
    // A workbook refreshed now gets no pre-filled evaluations for the closed year (nothing could be stored there).
    const fresh = new ExcelHost();
    const viewer = { excel: fresh, api: client(KEYS.viewer), year: 2025, role: 'viewer' as const };
    await createWorkbookTemplate(viewer);
    await refreshFromServer(viewer);
    expect(fresh.records('CanBo')).toHaveLength(2);
    expect(fresh.records('DanhGia').filter((r) => r['Mã cán bộ'] !== '')).toEqual([]);

    // Reopening is an admin's act.
    expect(await reopenYear(leader, 2025).catch((e: unknown) => (e as ApiError).status)).toBe(403);
    expect(await reopenYear(client(KEYS.admin), 2025)).toEqual({ vi: 'Đã mở lại năm 2025.', en: 'Reopened 2025.' });
    expect(await loadYearState(leader, 2025)).toEqual({ year: 2025, closed: null });
    const notClosed = await reopenYear(client(KEYS.admin), 2025).catch((e: unknown) => e);
    expect(notClosed).toMatchObject({ status: 404 });
    expect((notClosed as ApiError).text.vi).toMatch(/Năm 2025 chưa khoá sổ/);
    // Open again: the trip goes through.
    expect((await publishChanges(editor)).summary).toMatchObject({ created: 1, rejected: 0 });
  });
});

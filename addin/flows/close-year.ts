/**
 * Closing a year (khoá sổ, cycle.md §4) from the pane: the year's state (`GET years`), the
 * figures a close would freeze (the compliance as of the window's end, shown in the pane's
 * confirmation), the close itself (as of that same date, so the figures shown are the ones
 * frozen unless someone publishes in between — the answer's figures are then the ones said),
 * and an admin's reopening. Which buttons a role sees is `yearActions`.
 */
import { isoToDisplay } from '../../shared/dates';
import { roleAtLeast, type Role } from '../../shared/roles';
import type { IsoDate, Summary } from '../../shared/models';
import type { ClosedInfo, ComplianceBody } from '../../shared/wire/compliance';
import type { ClosedYearBody, ReopenedYearBody } from '../../shared/wire/years';
import type { ApiClient } from '../api/client';
import { text, type Text } from '../text';

/** The year's state: closed (with its close) or open; null while unknown. */
export interface YearState {
  year: number;
  closed: ClosedInfo | null;
}

/** The selected year's state from `GET years` (a year without data is open). */
export async function loadYearState(api: ApiClient, year: number): Promise<YearState> {
  const row = (await api.years()).find((r) => r.year === year);
  return { year, closed: row?.closed ?? null };
}

/** `2025-12-31T10:00:00Z` → `31/12/2025` in Vietnam time. */
function instantDay(iso: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  return isoToDisplay(new Date(t + 7 * 3600_000).toISOString().slice(0, 10));
}

/** The line under the year selector. */
export function yearStateText(state: YearState): Text {
  const c = state.closed;
  if (!c) return text(`Năm ${state.year}: đang mở — số liệu còn được cập nhật.`, `Year ${state.year}: open — figures can still change.`);
  return text(
    `Năm ${state.year}: đã khoá sổ ngày ${instantDay(c.closedAt)} (${c.closedBy}), số liệu chốt đến ${isoToDisplay(c.asOf)}; không sửa được đi cơ sở, miễn giảm, đăng ký, đánh giá của năm này.`,
    `Year ${state.year}: closed on ${instantDay(c.closedAt)} (${c.closedBy}), figures frozen as of ${isoToDisplay(c.asOf)}; its trips, absences, registrations and evaluations can't be changed.`,
  );
}

/** The year buttons a role sees: closing is a leader's act (on an open year), reopening an admin's (on a closed one). */
export function yearActions(role: Role | null, state: YearState | null): { close: boolean; reopen: boolean } {
  if (!role || !state) return { close: false, reopen: false };
  return { close: !state.closed && roleAtLeast(role, 'leader'), reopen: state.closed !== null && roleAtLeast(role, 'admin') };
}

/** One line of the figures being frozen. */
export interface FigureLine {
  label: Text;
  value: string;
}

const pct = (p: number | null): string => (p === null ? '—' : `${String(p).replace('.', ',')}%`);

/** The figures a close freezes, as the confirmation lists them (from the compliance summary). */
export function frozenFigures(body: Pick<ComplianceBody, 'asOf' | 'summary'>): FigureLine[] {
  const s: Summary = body.summary;
  const r = s.evaluationResults ?? { dat: 0, khong_dat: 0, mien: 0 };
  const evaluated = s.evaluated ?? 0;
  return [
    { label: text('Số liệu tính đến', 'Figures as of'), value: isoToDisplay(body.asOf) },
    { label: text('Cán bộ thuộc diện', 'Cadres subject to 1+2'), value: String(s.subject) },
    { label: text('Đã đi cơ sở', 'Took part'), value: `${s.participated}/${s.subject} (${pct(s.participationPercent)})` },
    { label: text('Đạt đủ số ngày', 'Met the required days'), value: `${s.met}/${s.subject}` },
    { label: text('Đã đánh giá', 'Evaluated'), value: `${evaluated}/${s.subject}` },
    { label: text('Kết quả đánh giá: Đạt / Không đạt / Miễn', 'Evaluations: passed / not passed / exempt'), value: `${r.dat} / ${r.khong_dat} / ${r.mien}` },
    { label: text('Báo cáo đúng hạn / trễ / quá hạn', 'Reports on time / late / overdue'), value: `${s.reports.on_time} / ${s.reports.late} / ${s.reports.overdue}` },
  ];
}

/**
 * What the confirmation says before the figures: a warning when cadres are not evaluated yet,
 * and one when the figures' date (the window's end) is still ahead of `today` (Vietnam): closing
 * then freezes what is recorded so far, and trips recorded later in the window are not counted
 * unless an admin reopens the year.
 */
export function closePrompt(year: number, body: Pick<ComplianceBody, 'summary' | 'asOf'>, today: IsoDate): Text {
  const missing = Math.max(0, body.summary.subject - (body.summary.evaluated ?? 0));
  const notEvaluated = missing
    ? text(` Còn ${missing} cán bộ chưa được đánh giá.`, ` ${missing} cadres have not been evaluated yet.`)
    : text('', '');
  const early =
    body.asOf > today
      ? text(
          ` Kỳ tính của năm chưa kết thúc (đến ${isoToDisplay(body.asOf)}): khoá sổ bây giờ chốt những gì đã ghi đến hôm nay; các đợt đi cơ sở ghi sau sẽ không được tính nếu quản trị viên không mở lại năm.`,
          ` The year's window has not ended yet (it runs to ${isoToDisplay(body.asOf)}): closing now freezes what is recorded today; trips recorded later are not counted unless an admin reopens the year.`,
        )
      : text('', '');
  return text(
    `Khoá sổ năm ${year}? Các số liệu dưới đây sẽ được chốt; sau đó không ai sửa được số liệu của năm (chỉ quản trị viên mở lại được).${notEvaluated.vi}${early.vi}`,
    `Close ${year}? The figures below will be frozen; after that nobody can change the year's data (only an admin can reopen it).${notEvaluated.en}${early.en}`,
  );
}

export function reopenPrompt(state: YearState): Text {
  return text(
    `Mở lại năm ${state.year}? Số liệu đã chốt sẽ không còn được dùng; mọi người lại sửa được số liệu của năm.`,
    `Reopen ${state.year}? The frozen figures will no longer be used; everyone can change the year's data again.`,
  );
}

/** The compliance a close would freeze: as of the window's end of the year's policy (the close's default). */
export async function previewClose(api: ApiClient, year: number): Promise<ComplianceBody> {
  const now = await api.compliance(year);
  const windowEnd = now.policy.windowEnd;
  return now.closed || now.asOf === windowEnd ? now : api.compliance(year, windowEnd);
}

/** Closes the year as of `asOf` (the preview's date). */
export function closeYear(api: ApiClient, year: number, asOf: string): Promise<ClosedYearBody> {
  return api.closeYear(year, asOf);
}

/** What the pane says after closing: the frozen figures as the server stored them. */
export function closedText(body: ClosedYearBody): Text {
  const s = body.summary;
  return text(
    `Đã khoá sổ năm ${body.year} (số liệu chốt đến ${isoToDisplay(body.closed.asOf)}): ${s.participated}/${s.subject} cán bộ đã đi cơ sở, ${s.met} đạt, ${s.evaluated ?? 0} đã đánh giá.`,
    `Closed ${body.year} (figures frozen as of ${isoToDisplay(body.closed.asOf)}): ${s.participated}/${s.subject} cadres took part, ${s.met} met, ${s.evaluated ?? 0} evaluated.`,
  );
}

export async function reopenYear(api: ApiClient, year: number): Promise<Text> {
  const r: ReopenedYearBody = await api.reopenYear(year);
  return text(`Đã mở lại năm ${r.year}.`, `Reopened ${r.year}.`);
}

/**
 * The "Đánh giá" sheet inside publish and refresh (cycle.md §3): which rows a role may send,
 * the refusal said on the rows and in the pane (before sending when the role is known, and
 * for the server's 403), the read-only figures and pre-filled rows from the year's compliance,
 * and EVALUATION_STALE brought onto stored rows after other kinds were published.
 */
import { KINDS } from '../../shared/kinds';
import type { Role } from '../../shared/roles';
import type { ComplianceBody } from '../../shared/wire/compliance';
import type { ApiClient } from '../api/client';
import type { PlannedRow, PublishPlan } from '../sheet/diff';
import { gateEvaluations, LEADER_ONLY_TEXT, LEADER_ONLY_TEXT_EN, prefillEvaluations, writeEvaluationFigures } from '../sheet/evaluations';
import type { Issue } from '../sheet/issues';
import { refreshDerived } from '../sheet/refresh-merge';
import type { WriteContext } from '../sheet/write-back';
import { text, type Text } from '../text';
import type { BoundTable } from './context';

/** The pane's message when evaluations are refused for a role below leader. */
export function leaderOnlyText(role: Role | null, rows: number): Text {
  const who = role ? text(` (quyền hiện tại: ${role})`, ` (your role: ${role})`) : text('', '');
  return text(
    `Chưa gửi ${rows} dòng của trang "${KINDS.evaluations.label}": chỉ lãnh đạo (quyền leader) mới gửi được đánh giá${who.vi}. Các trang khác đã được gửi. Nhờ lãnh đạo đơn vị gửi trang này.`,
    `${rows} rows of the "${KINDS.evaluations.label}" (Evaluations) sheet were not sent: only a leader (role leader) may publish evaluations${who.en}. The other sheets were sent. Ask your org's leadership to publish this sheet.`,
  );
}

export const isEvaluations = (b: BoundTable): boolean => b.spec.kind === 'evaluations';

/** The evaluations plan as the role may send it; the refused rows are marked on the sheet (see `markRefused`). */
export function gatePlan(b: BoundTable, plan: PublishPlan, role: Role | null): { plan: PublishPlan; refused: PlannedRow[] } {
  const gate = gateEvaluations(b, plan, b.table.rows, role);
  return { plan: { ...plan, rows: gate.send }, refused: gate.refused };
}

/** Rows not sent for the role: the status cell says why, one issue each (the pane lists them). */
export function markRefused(b: BoundTable, rows: readonly PlannedRow[]): Issue[] {
  return rows.map((p) => {
    b.edit.set(p.row, b.map.meta.status, LEADER_ONLY_TEXT);
    return {
      severity: 'error',
      kind: b.spec.kind,
      sheet: b.spec.sheet,
      table: b.spec.table,
      row: p.row,
      col: b.map.meta.status,
      code: 'FORBIDDEN',
      message: LEADER_ONLY_TEXT,
      en: LEADER_ONLY_TEXT_EN,
      id: (p.request.id as string | undefined) ?? null,
    };
  });
}

/**
 * After the year's compliance is known: the figures on the rows of that year and a pre-filled
 * row for each subject cadre missing; with `stored` (the year's stored evaluations) the status
 * of rows synced before (EVALUATION_STALE appears, or goes) except `skip`. Returns the issues.
 */
export function fillEvaluations(ctx: WriteContext, compliance: ComplianceBody, stored?: Parameters<typeof refreshDerived>[1], skip: ReadonlySet<number> = new Set()): Issue[] {
  const issues = stored ? refreshDerived(ctx, stored, skip) : [];
  writeEvaluationFigures(ctx, compliance);
  prefillEvaluations(ctx, compliance);
  return issues;
}

/** The year's stored evaluations (for `fillEvaluations` after a publish of other kinds). */
export function storedEvaluations(api: ApiClient, year: number, asOf?: string): ReturnType<ApiClient['list']> {
  return api.list('evaluations', { year, asOf });
}

/**
 * The "Đánh giá" sheet (cycle.md §3) as pure transforms: its read-only figure columns from a
 * year's compliance, one pre-filled row per subject cadre not yet in the sheet (the suggestion
 * as the result), and which of its rows a publish sends for the caller's role.
 */
import { suggestedResult } from '../../shared/evaluation-suggestion';
import { cadreYearId, KINDS } from '../../shared/kinds';
import { EVALUATION_RESULT_LABELS, STATUS_LABELS } from '../../shared/messages';
import { roleAtLeast, type Role } from '../../shared/roles';
import type { ComplianceBody } from '../../shared/wire/compliance';
import type { RowView } from '../../shared/wire/rows';
import { isDeleteMark, type PlannedRow, type PublishPlan } from './diff';
import { rowHash } from './hash';
import { writeStoredRow } from './refresh-merge';
import { cellsInSpecOrder, fieldCells, naturalId, cellsToRaw } from './rows';
import { STATUS_PREFIX, warningsText } from './status-text';
import { isEmptyCell } from './table-edit';
import type { WriteContext } from './write-back';

const text = (v: unknown): string => (isEmptyCell(v) ? '' : String(v).trim());

/** The status of a pre-filled row: not sent yet, and what the leader does with it. */
export const PREFILLED_TEXT = `${STATUS_PREFIX.pending}: đề xuất theo số liệu — lãnh đạo xem lại kết quả, ghi nhận xét nếu khác đề xuất, rồi bấm "Gửi thay đổi".`;
export const PREFILLED_NO_SUGGESTION_TEXT = `${STATUS_PREFIX.pending}: năm chưa hết kỳ nên chưa có đề xuất — lãnh đạo chọn kết quả và ghi nhận xét.`;
/** The status of rows a lower role cannot publish (nothing was sent). */
export const LEADER_ONLY_TEXT = `${STATUS_PREFIX.pending}: chỉ lãnh đạo (quyền leader) mới gửi được đánh giá.`;
/** Its English in the pane's list (the sheet's status column stays Vietnamese). */
export const LEADER_ONLY_TEXT_EN = 'Not sent: only a leader (role leader) may publish evaluations.';

function rowCells(ctx: WriteContext, row: number): unknown[] {
  return Array.from({ length: ctx.edit.width }, (_, c) => ctx.edit.cell(row, c));
}

/** The cadre-year a row stands for (`CB01-2025`), from its fields; '' when it has none. */
function rowKey(ctx: WriteContext, row: number): string {
  return naturalId('evaluations', cellsToRaw(ctx.spec, ctx.map, rowCells(ctx, row))) ?? '';
}

/** Whether a row is a pre-filled one nobody has edited: never stored, its fields as the add-in wrote them. */
export function isUntouchedPrefill(ctx: Pick<WriteContext, 'spec' | 'map'>, row: readonly unknown[]): boolean {
  const { map, spec } = ctx;
  const version = text(row[map.meta.version ?? -1]);
  const hash = text(row[map.meta.hash ?? -1]);
  const marked = map.meta.deleteMark !== undefined && isDeleteMark(row[map.meta.deleteMark]);
  return version === '' && hash !== '' && !marked && hash === rowHash(fieldCells(spec, map, row));
}

/**
 * Writes the read-only figures (name, counted, required, status, suggestion, evaluated by) on
 * every row of `compliance.year`; a cadre the compliance does not list gets blanks. The user's
 * fields are never touched: a figure typed over is written again here.
 */
export function writeEvaluationFigures(ctx: WriteContext, compliance: Pick<ComplianceBody, 'year' | 'cadres'>): void {
  const { edit, map } = ctx;
  const byKey = new Map(compliance.cadres.map((c) => [cadreYearId(c.cadreId, compliance.year), c]));
  for (let row = 0; row < edit.rowCount; row++) {
    if (edit.isRemoved(row)) continue;
    const key = rowKey(ctx, row);
    if (!key.endsWith(`-${compliance.year}`)) continue;
    const c = byKey.get(key);
    const suggested = c ? suggestedResult(c.status) : null;
    edit.set(row, map.meta.cadreName, c ? c.fullName : '');
    edit.set(row, map.meta.counted, c ? c.countedDays : '');
    edit.set(row, map.meta.requiredDays, c ? c.requiredDays : '');
    edit.set(row, map.meta.complianceStatus, c ? STATUS_LABELS[c.status] : '');
    edit.set(row, map.meta.suggested, suggested ? EVALUATION_RESULT_LABELS[suggested] : '');
    edit.set(row, map.meta.evaluatedBy, c?.evaluation ? c.evaluation.evaluatedBy : '');
  }
}

/**
 * Adds a row for each subject cadre of the compliance's year that has none in the sheet:
 * `cadreId`, `year`, the suggested result (blank while the year's window is open), its hash (so
 * an untouched pre-fill is recognised) and a "not sent" status. None for a closed year (nothing
 * can be stored in it). Returns the rows added.
 */
export function prefillEvaluations(ctx: WriteContext, compliance: Pick<ComplianceBody, 'year' | 'cadres' | 'closed'>): number[] {
  if (compliance.closed) return [];
  const { edit, map, spec } = ctx;
  const present = new Set<string>();
  for (let row = 0; row < edit.rowCount; row++) if (!edit.isRemoved(row)) present.add(rowKey(ctx, row));
  const added: number[] = [];
  for (const c of compliance.cadres) {
    if (!c.subject || present.has(cadreYearId(c.cadreId, compliance.year))) continue;
    const suggested = suggestedResult(c.status);
    const cells: Record<string, string | number> = { cadreId: c.cadreId, year: compliance.year, result: suggested ? EVALUATION_RESULT_LABELS[suggested] : '' };
    const row = edit.append();
    for (const f of spec.fields) edit.set(row, map.fields[f.field], cells[f.field] ?? '');
    edit.set(row, map.meta.hash, rowHash(cellsInSpecOrder(spec, cells)));
    edit.set(row, map.meta.status, suggested ? PREFILLED_TEXT : PREFILLED_NO_SUGGESTION_TEXT);
    added.push(row);
  }
  writeEvaluationFigures(ctx, compliance);
  return added;
}

/**
 * Before a refresh merges the server's rows: an untouched pre-filled row whose cadre-year the
 * server holds (someone evaluated it) takes the stored row in place, instead of being flagged as
 * an unsent edit. Returns how many were taken.
 */
export function adoptStoredEvaluations(ctx: WriteContext, stored: readonly RowView[]): number {
  const byId = new Map(stored.filter((r) => !r.deleted).map((r) => [r.id, r]));
  let adopted = 0;
  for (let row = 0; row < ctx.edit.rowCount; row++) {
    if (ctx.edit.isRemoved(row) || !isUntouchedPrefill(ctx, rowCells(ctx, row))) continue;
    const s = byId.get(rowKey(ctx, row));
    if (!s) continue;
    writeStoredRow(ctx, row, s, `${STATUS_PREFIX.fromServer}${warningsText(s.warnings)}`);
    adopted++;
  }
  return adopted;
}

/** What a publish of the sheet does for the caller's role. */
export interface EvaluationGate {
  /** The rows sent. */
  send: PlannedRow[];
  /** Rows not sent because the role is below `leader` and the user edited them (said on the row). */
  refused: PlannedRow[];
}

/**
 * Splits a plan of the evaluations table by role. Never-stored rows left without a result (not
 * evaluated yet) are never sent. A leader sends every other row, pre-filled suggestions
 * included (publishing is the leader's confirmation). A caller whose role is unknown sends the
 * rows someone edited (the server decides; its 403 is shown), not the untouched pre-filled ones.
 * A lower role sends nothing: its edited rows are refused with a message, untouched pre-filled
 * rows are left alone silently (staff publishing trips are not bothered by them).
 */
export function gateEvaluations(ctx: Pick<WriteContext, 'spec' | 'map'>, plan: PublishPlan, body: readonly (readonly unknown[])[], role: Role | null): EvaluationGate {
  const waiting = plan.rows.filter((p) => p.isDelete || p.request.version !== undefined || p.request.result !== undefined);
  if (role !== null && roleAtLeast(role, KINDS.evaluations.publishRole)) return { send: waiting, refused: [] };
  const edited = waiting.filter((p) => !isUntouchedPrefill(ctx, body[p.row]));
  return role === null ? { send: edited, refused: [] } : { send: [], refused: edited };
}

/**
 * Results back into the sheet: id, version, hash and a Vietnamese status per published row,
 * counted days and report status on trips, and the roster's compliance columns. Only the
 * add-in's own columns are written: a rejected row keeps the user's values untouched.
 */
import type { Category, ComplianceRow, TripDerived, Warning } from '../../shared/models';
import { REPORT_STATUS_LABELS, STATUS_LABELS } from '../../shared/messages';
import type { PublishResult } from '../../shared/wire/publish';
import type { EvaluationDerived } from '../../shared/wire/rows';
import type { TableSpec } from './columns';
import type { PublishPlan } from './diff';
import type { ColumnMap } from './header-map';
import { errorMessageEn, warningMessageEn } from './issue-en';
import { baseField, type Issue } from './issues';
import { isoToSerial } from './rows';
import { conflictText, conflictTextEn, errorText, savedText } from './status-text';
import type { TableEdit } from './table-edit';

export interface WriteContext {
  spec: TableSpec;
  map: ColumnMap;
  edit: TableEdit;
  categories: readonly Category[];
}

/** Writes a trip's derived figures: counted days (all years), report status, deadline. */
export function writeDerived(ctx: WriteContext, row: number, given: TripDerived | EvaluationDerived | null | undefined): void {
  const { edit, map } = ctx;
  // Only a trip's derived values have columns (an evaluation's `derived` is its suggestion).
  const derived = given && 'countedDays' in given ? given : null;
  if (!derived) return;
  const total = Object.values(derived.countedDays ?? {}).reduce((a, b) => a + b, 0);
  edit.set(row, map.meta.countedDays, total);
  edit.set(row, map.meta.reportStatus, REPORT_STATUS_LABELS[derived.reportStatus] ?? derived.reportStatus);
  edit.set(row, map.meta.reportDeadline, derived.reportDeadline ? isoToSerial(derived.reportDeadline) : '');
}

function issueBase(ctx: WriteContext, row: number): Pick<Issue, 'kind' | 'sheet' | 'table' | 'row'> {
  return { kind: ctx.spec.kind, sheet: ctx.spec.sheet, table: ctx.spec.table, row };
}

export function warningIssues(ctx: WriteContext, row: number, warnings: readonly Warning[] | undefined, id?: string | null): Issue[] {
  return (warnings ?? []).map((w) => {
    // A warning without a field found in the table points at the row's status cell.
    const col = (w.field ? ctx.map.fields[baseField(w.field)] : undefined) ?? ctx.map.meta.status;
    const en = warningMessageEn(w.code, w.message, w.related, w.relatedCount);
    return { ...issueBase(ctx, row), severity: 'warning', code: w.code, field: w.field, col, message: w.message, en, id, ...(w.related?.length ? { related: [...w.related] } : {}) };
  });
}

/**
 * Applies one kind's publish results (in request order, matching `plan.rows`). Returns the
 * issues with rows as they are in `ctx.edit` (call `finalIssueRows` once all edits are done).
 */
export function applyPublishResults(ctx: WriteContext, plan: PublishPlan, results: readonly PublishResult[]): Issue[] {
  const { edit, map } = ctx;
  const issues: Issue[] = [];
  for (const row of plan.localDeletes) edit.remove(row);
  plan.rows.forEach((planned, i) => {
    const result = results[i];
    const row = planned.row;
    if (!result) return;
    switch (result.outcome) {
      case 'created':
      case 'updated':
      case 'unchanged':
        if (planned.isDelete) {
          edit.remove(row); // a delete of a row already deleted or never stored
          return;
        }
        edit.set(row, map.meta.id, result.id ?? '');
        edit.set(row, map.meta.version, result.version ?? '');
        edit.set(row, map.meta.hash, planned.hash);
        edit.set(row, map.meta.status, savedText(result.outcome, result.warnings));
        writeDerived(ctx, row, result.derived);
        issues.push(...warningIssues(ctx, row, result.warnings, result.id));
        return;
      case 'deleted':
        edit.remove(row);
        return;
      case 'rejected':
        edit.set(row, map.meta.status, errorText(result.errors));
        for (const e of result.errors ?? []) {
          // An error on a field not in the table (or the hidden id) points at the status cell.
          const col = map.fields[baseField(e.field)] ?? map.meta.status;
          issues.push({ ...issueBase(ctx, row), severity: 'error', code: e.code, field: e.field, col, message: e.message, en: errorMessageEn(e.code, e.field, e.message), id: result.id });
        }
        return;
      case 'conflict': {
        const currentVersion = result.current?.version ?? result.version;
        const deletedOnServer = !result.current || result.current.deleted === true;
        const text = conflictText(currentVersion, deletedOnServer);
        edit.set(row, map.meta.status, text);
        issues.push({
          ...issueBase(ctx, row),
          severity: 'conflict',
          code: 'CONFLICT',
          col: map.meta.status,
          message: text,
          en: conflictTextEn(currentVersion, deletedOnServer),
          id: result.id ?? (planned.request.id as string | undefined) ?? null,
          current: result.current ?? null,
          version: result.current?.version ?? result.version,
        });
      }
    }
  });
  return issues;
}

/** Issue rows as they will be once removed rows are gone; issues on removed rows dropped. */
export function finalIssueRows(edit: TableEdit, issues: readonly Issue[]): Issue[] {
  return issues
    .map((x) => ({ ...x, row: edit.finalIndex(x.row) }))
    .filter((x) => x.row >= 0);
}

/** The roster's compliance columns for the chosen year (blank for cadres not listed). */
export function writeCompliance(ctx: WriteContext, compliance: readonly ComplianceRow[]): void {
  const { edit, map } = ctx;
  const cadreCol = map.fields.cadreId;
  if (cadreCol === undefined) return;
  const byId = new Map(compliance.map((c) => [c.cadreId, c]));
  for (let row = 0; row < edit.rowCount; row++) {
    if (edit.isRemoved(row)) continue;
    const id = String(edit.cell(row, cadreCol) ?? '').trim();
    const c = byId.get(id);
    edit.set(row, map.meta.requiredDays, c ? c.requiredDays : '');
    edit.set(row, map.meta.counted, c ? c.countedDays : '');
    edit.set(row, map.meta.remainingDays, c ? c.remainingDays : '');
    edit.set(row, map.meta.percent, c && c.percent !== null ? c.percent : '');
    edit.set(row, map.meta.complianceStatus, c ? STATUS_LABELS[c.status] : '');
    edit.set(row, map.meta.lateReports, c ? c.reports.late : '');
    edit.set(row, map.meta.overdueReports, c ? c.reports.overdue : '');
  }
}

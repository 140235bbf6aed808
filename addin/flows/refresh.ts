/**
 * Refresh: every kind from the server (deleted rows included, so deletions reach this
 * workbook), merged into the tables, and the roster's compliance columns for the year.
 * Five syncs for 2,000 trip rows (read 3, find rows by id 1, write 1); more only when a sync
 * would pass 4 MB (10,000 new trip rows: see the tests).
 */
import { writeTables } from '../excel/adapter';
import { inExcel } from '../excel/office-errors';
import { TABLE_SPECS } from '../sheet/columns';
import { locateIssues, type Issue } from '../sheet/issues';
import { applyRefresh, type RefreshCounts } from '../sheet/refresh-merge';
import { nameRelatedIssues } from '../sheet/related';
import { finalIssueRows, writeCompliance } from '../sheet/write-back';
import { assertWritable, COMPLIANCE, DONE, loadCategories, READING, readBoundTables, type FlowDeps } from './context';
import { text } from '../text';
import { adoptStoredEvaluations } from '../sheet/evaluations';
import { fillEvaluations, isEvaluations } from './evaluations';

export interface RefreshReport {
  counts: RefreshCounts;
  /** Kinds whose table was not found (not refreshed). */
  missing: { table: string; sheet: string }[];
  issues: Issue[];
}

export async function refreshFromServer(deps: FlowDeps): Promise<RefreshReport> {
  const progress = deps.onProgress ?? (() => undefined);
  progress({ step: READING, done: 0, total: TABLE_SPECS.length + 1 });
  const { bound, missing } = await readBoundTables(deps.excel);
  assertWritable(bound);
  const categories = await loadCategories(deps.api, deps.year);
  const counts: RefreshCounts = { added: 0, updated: 0, removed: 0, flagged: 0 };
  const issues: Issue[] = [];
  let step = 0;
  for (const b of bound) {
    progress({ step: text(`Đang tải ${b.spec.sheet}…`, `Loading ${b.spec.sheet}…`), done: step++, total: bound.length + 1 });
    const rows = await deps.api.list(b.spec.kind, { includeDeleted: true, asOf: deps.asOf });
    if (isEvaluations(b)) adoptStoredEvaluations({ ...b, categories }, rows);
    const r = applyRefresh({ ...b, categories }, rows);
    issues.push(...r.issues);
    for (const k of Object.keys(counts) as (keyof RefreshCounts)[]) counts[k] += r.counts[k];
  }
  const cadres = bound.find((b) => b.spec.kind === 'cadres');
  const evaluations = bound.find(isEvaluations);
  if (cadres || evaluations) {
    progress({ step: COMPLIANCE, done: step, total: bound.length + 1 });
    const compliance = await deps.api.compliance(deps.year, deps.asOf);
    if (cadres) writeCompliance({ ...cadres, categories }, compliance.cadres);
    if (evaluations) issues.push(...fillEvaluations({ ...evaluations, categories }, compliance));
  }
  // Warnings name the other trips involved by their rows, not by their hidden ids.
  const named = nameRelatedIssues(bound, issues);
  progress({ step: text('Đang ghi vào bảng tính…', 'Writing into the workbook…'), done: bound.length, total: bound.length + 1 });
  await inExcel(
    text(
      'Không ghi được dữ liệu từ máy chủ vào bảng tính (không mất gì: khắc phục rồi bấm "Cập nhật từ máy chủ" lại).',
      'Could not write the server\'s data into the workbook (nothing is lost: fix this, then click "Refresh from server" again).',
    ),
    () => writeTables(deps.excel, bound.map((b) => b.edit.toWrite()), new Map(bound.map((b) => [b.table.name, b.table.headers.length]))),
  );
  progress({ step: DONE, done: bound.length + 1, total: bound.length + 1 });
  return { counts, missing: missing.map((s) => ({ table: s.table, sheet: s.sheet })), issues: bound.flatMap((b) => locateIssues(finalIssueRows(b.edit, named.filter((i) => i.table === b.spec.table)), b.table)) };
}

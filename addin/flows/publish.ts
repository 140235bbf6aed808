/**
 * Publish: rows changed since the last sync and new rows, kinds in dependency order, chunked
 * under the API's limits; results written back in one go, each on the row carrying its id
 * (found again at write time). Seven syncs for 2,000 trip rows (read 3, client ids 2,
 * results 2); more only when a sync would pass 4 MB (10,000 trip rows: see the tests).
 */
import { emptyOutcomeCounts, type Outcome, type OutcomeCounts, type PublishResult } from '../../shared/wire/publish';
import { ApiError } from '../api/errors';
import { writeTables } from '../excel/adapter';
import { inExcel } from '../excel/office-errors';
import { chunkRows } from '../sheet/chunk';
import { newClientId } from '../sheet/client-id';
import { planPublish, type PlannedRow, type PublishPlan } from '../sheet/diff';
import { locateIssues, type Issue } from '../sheet/issues';
import { refreshDerived } from '../sheet/refresh-merge';
import { nameRelatedIssues, relatedIdsOf, relatedNames } from '../sheet/related';
import { TableEdit } from '../sheet/table-edit';
import { applyPublishResults, finalIssueRows, writeCompliance } from '../sheet/write-back';
import { assertWritable, COMPLIANCE, DONE, FlowError, loadCategories, READING, readBoundTables, ROWS, type BoundTable, type FlowDeps } from './context';
import { join, text, type Text } from '../text';
import { fillEvaluations, gatePlan, isEvaluations, leaderOnlyText, markRefused, storedEvaluations } from './evaluations';

export interface PublishReport {
  summary: OutcomeCounts;
  sent: number;
  issues: Issue[];
  /** Kinds whose table was not found (nothing of them was sent). */
  missing: { table: string; sheet: string }[];
  /** A whole-request failure that stopped the publish (results so far are written back). */
  failure?: Text;
}


export async function publishChanges(deps: FlowDeps): Promise<PublishReport> {
  const makeId = deps.makeId ?? (() => newClientId());
  const progress = deps.onProgress ?? (() => undefined);
  progress({ step: READING, done: 0, total: 0 });
  const { bound, missing } = await readBoundTables(deps.excel);
  assertWritable(bound);

  const plans = new Map<BoundTable, PublishPlan>();
  for (const b of bound) plans.set(b, planPublish(b.spec, b.map, b.table.rows, makeId));
  // Evaluations need a leader: for a lower role nothing of them is sent (said on the rows).
  const refused = new Map<BoundTable, { rows: PlannedRow[]; why?: Text }>();
  for (const b of bound.filter(isEvaluations)) {
    const gated = gatePlan(b, plans.get(b)!, deps.role ?? null);
    plans.set(b, gated.plan);
    if (gated.refused.length) refused.set(b, { rows: gated.refused });
  }
  const widths = new Map(bound.map((b) => [b.table.name, b.table.headers.length]));

  // Client ids go into the sheet before anything is sent: a retry reuses them.
  const idWrites = bound
    .filter((b) => plans.get(b)!.newIds.length && b.map.meta.id !== undefined)
    .map((b) => {
      const edit = new TableEdit(b.table.name, b.table.headers.length, b.table.rows, new Map(), b.map.meta.id);
      for (const { row, id } of plans.get(b)!.newIds) edit.set(row, b.map.meta.id, id);
      return edit.toWrite();
    });
  const placed = await inExcel(
    text('Không ghi được mã dòng mới vào bảng tính (chưa gửi gì lên máy chủ).', 'Could not write the new row ids into the workbook (nothing was sent to the server).'),
    () => writeTables(deps.excel, idWrites, widths),
  );
  // New rows have no id yet: if rows moved since the read, they can't be found — stop before sending.
  if (placed.lost) {
    throw new FlowError(
      text(
        'Bảng vừa thay đổi trong lúc chuẩn bị gửi (sắp xếp, thêm hoặc xoá dòng). Chưa gửi gì — bấm "Gửi thay đổi" lại.',
        'The table changed while the publish was being prepared (rows sorted, added or deleted). Nothing was sent — click "Publish changes" again.',
      ),
      'TABLE_MOVED',
    );
  }
  // The sheet now carries them: results find these rows by them.
  for (const b of bound) for (const { row, id } of plans.get(b)!.newIds) b.edit.assume(row, b.map.meta.id, id);

  const total = [...plans.values()].reduce((n, p) => n + p.rows.length, 0);
  const report: PublishReport = { summary: emptyOutcomeCounts(), sent: 0, issues: [], missing: missing.map((s) => ({ table: s.table, sheet: s.sheet })) };
  const categories = await loadCategories(deps.api, deps.year);
  try {
    for (const b of bound) {
      const plan = plans.get(b)!;
      const results: PublishResult[] = [];
      try {
        for (const chunk of chunkRows(plan.rows)) {
          progress({ step: text(`Đang gửi ${b.spec.sheet}…`, `Sending ${b.spec.sheet}…`), done: report.sent, total, unit: ROWS });
          const res = await deps.api.publish(b.spec.kind, chunk.map((p) => p.request), deps.asOf);
          results.push(...res.results);
          for (const [k, v] of Object.entries(res.summary ?? {})) report.summary[k as Outcome] += v;
          report.sent += chunk.length;
        }
      } catch (e) {
        // The server refused the evaluations as a whole (403: below leader): said on the rows, the rest goes on.
        if (!(isEvaluations(b) && e instanceof ApiError && e.status === 403)) throw e;
        refused.set(b, { rows: plan.rows.slice(results.length), why: e.text });
      } finally {
        const sentPlan = { ...plan, rows: plan.rows.slice(0, results.length) };
        const issues = applyPublishResults({ ...b, categories }, sentPlan, results);
        report.issues.push(...issues);
      }
    }
    // Figures of other stored trips may have moved (an overlap taken by a new earlier trip).
    const trips = bound.find((b) => b.spec.kind === 'trips');
    const tripPlan = trips && plans.get(trips);
    if (trips && tripPlan && tripPlan.rows.length) {
      progress({ step: text('Đang cập nhật số ngày của các đợt đi…', 'Updating the days of the trips…'), done: report.sent, total, unit: ROWS });
      const stored = await deps.api.list('trips', { asOf: deps.asOf });
      const names = relatedNames(bound, relatedIdsOf(stored));
      report.issues.push(...refreshDerived({ ...trips, categories }, stored, new Set(tripPlan.rows.map((r) => r.row)), names));
    }
    for (const [b, r] of refused) {
      report.issues.push(...markRefused(b, r.rows));
      const why = leaderOnlyText(deps.role ?? null, r.rows.length);
      report.failure = r.why ? join(why, r.why) : why;
    }
    progress({ step: COMPLIANCE, done: report.sent, total, unit: ROWS });
    const cadres = bound.find((b) => b.spec.kind === 'cadres');
    const evaluations = bound.find(isEvaluations);
    if (cadres || evaluations) {
      const compliance = await deps.api.compliance(deps.year, deps.asOf);
      if (cadres) writeCompliance({ ...cadres, categories }, compliance.cadres);
      if (evaluations) {
        // EVALUATION_STALE on the stored rows after trips moved the figures (rows just sent keep their results).
        const stored = await storedEvaluations(deps.api, deps.year, deps.asOf);
        report.issues.push(...fillEvaluations({ ...evaluations, categories }, compliance, stored, new Set(plans.get(evaluations)!.rows.map((r) => r.row))));
      }
    }
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    report.failure = e.text;
  }

  // Warnings name the other trips involved by their rows, not by their hidden ids.
  report.issues = nameRelatedIssues(bound, report.issues);
  progress({ step: text('Đang ghi kết quả vào bảng tính…', 'Writing the results into the workbook…'), done: report.sent, total, unit: ROWS });
  // The server has stored what it accepted: a failure here loses nothing, the next publish
  // sends the same rows (same ids) and the server answers `unchanged` with their versions.
  await inExcel(
    text(
      `Máy chủ đã nhận ${report.sent} dòng nhưng không ghi được kết quả vào bảng tính. Khắc phục rồi bấm "Gửi thay đổi" lại: các dòng đã lưu được nhận ra, không bị trùng.`,
      `The server received ${report.sent} rows but the results could not be written into the workbook. Fix this, then click "Publish changes" again: the stored rows are recognised, nothing is duplicated.`,
    ),
    () => writeTables(deps.excel, bound.map((b) => b.edit.toWrite()), widths),
  );
  report.issues = bound.flatMap((b) => locateIssues(finalIssueRows(b.edit, report.issues.filter((i) => i.table === b.spec.table)), b.table));
  progress({ step: DONE, done: report.sent, total, unit: ROWS });
  return report;
}

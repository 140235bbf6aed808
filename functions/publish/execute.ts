/**
 * A publish: load the org's stored state, prepare and decide every row (pure), write the
 * created / updated / deleted rows with their audit in conditional transactions, re-decide the
 * rows that lost a race, then compute derived trip values and the touched compliance from the
 * state after the writes.
 *
 * Exactly once: every write is conditional (create-if-absent or If-Match on the version it was
 * decided from) and atomic with its audit entity; a retried request finds its rows already
 * stored with the same content and reports them `unchanged`, writing nothing.
 */
import { randomUUID } from 'node:crypto';
import { vietnamToday, yearOfIso } from '../../shared/dates';
import { errorMessage } from '../../shared/messages';
import { evaluateOrg } from '../../shared/engine/evaluate';
import type { ComplianceRow, EntityByKind, Evaluation as EvaluationRecord, IsoDate, Kind } from '../../shared/models';
import { emptyOutcomeCounts, type FullPublishResult, type PublishResponse, type YearComplianceRow } from '../../shared/wire/publish';
import type { Principal } from '../auth/keys';
import { roleAtLeast } from '../../shared/roles';
import { engineInput, loadOrgState, tripsByCadre, validationContext, type OrgState } from '../domain/org-state';
import { evaluationDerived, evaluationFigures, withEvaluations } from '../domain/evaluations';
import { rowView, type EvaluationJudgement } from '../domain/row-view';
import { loadClosedYears } from '../domain/closed-years';
import { cadreYearsOf, distinctCadreYears, type CadreYear } from '../domain/touched';
import type { Services } from '../services';
import { Limiter } from '../storage/limit';
import type { CommitResult } from '../storage/store';
import type { PlannedWrite, StoredRow } from '../storage/types';
import { decide, type Decision, type DecideOptions } from './decide';
import { createPreparer, type PreparedRow } from './prepare';

const MAX_ROUNDS = 5;
/** Rows prepared before their writes start (4 transactions of 99). */
const PIPELINE_CHUNK = 396;
const TRANSACTION_CONCURRENCY = 4;

/** A row that failed for a reason of ours (a bug, an unexpected storage answer): rejected alone, logged. */
function internalDecision(services: Services, requestId: string, kind: Kind, index: number, id: string | null, err: unknown): Decision {
  services.log('row failed', {
    requestId,
    kind,
    index,
    id,
    error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
  });
  return { outcome: 'rejected', errors: [{ field: 'row', code: 'INTERNAL', message: errorMessage('INTERNAL', 'row', { value: requestId }) }] };
}

export async function publishRows<K extends Kind>(
  services: Services,
  org: string,
  kind: K,
  rows: readonly unknown[],
  principal: Principal,
  asOf: IsoDate,
  requestId: string = randomUUID(),
): Promise<PublishResponse<FullPublishResult>> {
  const { store } = services;
  const [state, closed] = await Promise.all([loadOrgState(store, org), loadClosedYears(store, org)]);
  const today = vietnamToday(services.now());
  const stored = state.rows[kind] as Map<string, StoredRow<EntityByKind[K]>>;
  const trips = tripsByCadre(state);
  const opts: DecideOptions = {
    canApprove: roleAtLeast(principal.role, 'leader'),
    tripsOfCadre: (id: string) => trips.get(id) ?? [],
    closedYears: new Set(closed.keys()),
    currentYear: yearOfIso(today),
  };

  // Prepare, decide and start writing chunk by chunk, so that validation overlaps storage I/O.
  const figures = evaluationFigures(state, today);
  const prepare = createPreparer(kind, { ...validationContext(state, today), evaluationFigures: figures, actor: principal.name }, randomUUID);
  const prepared: PreparedRow<K>[] = [];
  const decisions: Decision[] = [];
  const writtenVersions = new Map<string, string>();
  const limiter = new Limiter(TRANSACTION_CONCURRENCY);
  const commits: Array<Promise<CommitResult>> = [];
  let registered = false;
  for (let start = 0; start < rows.length; start += PIPELINE_CHUNK) {
    const writes: PlannedWrite[] = [];
    for (let i = start; i < Math.min(rows.length, start + PIPELINE_CHUNK); i++) {
      let p: PreparedRow<K>;
      let d: Decision;
      try {
        p = prepare(rows[i], i);
        d = decide(kind, p, p.type === 'rejected' ? null : stored.get(p.id), opts);
      } catch (err) {
        // One row's unexpected failure rejects that row only.
        const raw = rows[i];
        const ref = typeof raw === 'object' && raw !== null && !Array.isArray(raw) && 'ref' in raw ? (raw as { ref: unknown }).ref : null;
        d = internalDecision(services, requestId, kind, i, null, err);
        p = { type: 'rejected', index: i, ref, id: null, errors: d.outcome === 'rejected' ? d.errors : [] };
      }
      prepared.push(p);
      decisions.push(d);
      if ('write' in d) writes.push(d.write);
    }
    if (writes.length === 0) continue;
    if (!registered) {
      await store.registerOrg(org);
      registered = true;
    }
    const commit = store.commit(org, kind, writes, principal.name, () => services.now(), limiter);
    commit.catch(() => undefined); // awaited below; this only avoids an unhandled rejection meanwhile
    commits.push(commit);
    await new Promise((resolve) => setImmediate(resolve));
  }
  let contended: string[] = [];
  const failed = new Map<string, unknown>();
  const noteFailed = (result: CommitResult): void => {
    for (const [id, err] of result.failed) failed.set(id, err);
  };
  for (const result of await Promise.all(commits)) {
    for (const [id, version] of result.versions) writtenVersions.set(id, version);
    contended = contended.concat(result.contended);
    noteFailed(result);
  }

  // Rows that lost a race: re-read them and decide again from what is stored now.
  for (let round = 1; contended.length > 0; round++) {
    const lost = new Set(contended);
    const again = prepared.filter((p): p is Exclude<PreparedRow<K>, { type: 'rejected' }> => p.type !== 'rejected' && lost.has(p.id));
    const writes: PlannedWrite[] = [];
    for (const p of again) {
      const fresh = await store.getRow<EntityByKind[K]>(org, kind, p.id);
      if (fresh) stored.set(p.id, fresh);
      else stored.delete(p.id);
      let d = decide(kind, p, fresh, opts);
      if (round >= MAX_ROUNDS && 'write' in d) d = { outcome: 'conflict', stored: fresh };
      decisions[p.index] = d;
      if ('write' in d) writes.push(d.write);
    }
    if (writes.length === 0) break;
    const result = await store.commit(org, kind, writes, principal.name, () => services.now(), limiter);
    for (const [id, version] of result.versions) writtenVersions.set(id, version);
    contended = result.contended;
    noteFailed(result);
  }

  // Rows whose write failed unexpectedly: rejected (nothing of them stored), logged.
  if (failed.size > 0) {
    for (const p of prepared) {
      if (p.type === 'rejected' || !failed.has(p.id) || !('write' in decisions[p.index])) continue;
      decisions[p.index] = internalDecision(services, requestId, kind, p.index, p.id, failed.get(p.id));
    }
  }

  // The state after the writes.
  for (const p of prepared) {
    const d = decisions[p.index];
    if (!('write' in d)) continue;
    const version = writtenVersions.get(d.write.id);
    if (version === undefined) continue;
    stored.set(d.write.id, { id: d.write.id, record: d.write.record as EntityByKind[K], version, deleted: d.write.deleted });
  }
  let evaluation: Evaluation | null = null;
  try {
    evaluation = evaluateOrg(engineInput(state, asOf));
  } catch (err) {
    // Rows were written: the answer reports them, without derived values, rather than a 500.
    services.log('evaluation failed', { requestId, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  }
  return respond(kind, state, prepared, decisions, writtenVersions, asOf, today, evaluation, evaluationFigures(state, today));
}

type Evaluation = ReturnType<typeof evaluateOrg>;

function respond<K extends Kind>(
  kind: K,
  state: OrgState,
  prepared: readonly PreparedRow<K>[],
  decisions: readonly Decision[],
  written: ReadonlyMap<string, string>,
  asOf: IsoDate,
  today: IsoDate,
  evaluation: Evaluation | null,
  figures: ReturnType<typeof evaluationFigures>,
): PublishResponse<FullPublishResult> {
  const judge = (row: StoredRow): EvaluationJudgement | undefined =>
    kind === 'evaluations' && !row.deleted ? evaluationDerived(row.record as EvaluationRecord, figures) : undefined;
  const stored = state.rows[kind] as Map<string, StoredRow>;
  const summary = emptyOutcomeCounts();
  const touched: CadreYear[] = [];
  const years = { currentYear: yearOfIso(today), asOfYear: yearOfIso(asOf) };

  const results = prepared.map((p, i): FullPublishResult => {
    const d = decisions[i];
    summary[d.outcome]++;
    const result = (id: string | null, version: string | null, extra: Partial<FullPublishResult> = {}): FullPublishResult => ({
      ref: p.ref,
      id,
      version,
      outcome: d.outcome,
      errors: [],
      warnings: [],
      derived: null,
      current: null,
      ...extra,
    });
    if (d.outcome === 'rejected') return result(p.id, null, { errors: d.errors });
    const id = p.id as string;
    if (d.outcome === 'conflict') {
      const current = d.stored
        ? rowView(kind, d.stored, kind === 'trips' && !d.stored.deleted ? evaluation?.trips.get(id) : null, judge(d.stored))
        : null;
      return result(id, d.stored?.version ?? null, { current });
    }
    const now = stored.get(id);
    const tripEval = kind === 'trips' && now && !now.deleted ? (evaluation?.trips.get(id) ?? null) : null;
    if ('write' in d) {
      touched.push(...cadreYearsOf(kind, d.write.record as EntityByKind[K], years));
      if (d.write.change.old) touched.push(...cadreYearsOf(kind, d.write.change.old as EntityByKind[K], years));
    } else if (now) touched.push(...cadreYearsOf(kind, now.record as EntityByKind[K], years));
    const version = 'write' in d ? (written.get(id) ?? now?.version ?? null) : (d.stored?.version ?? null);
    const judged = now ? judge(now) : undefined;
    if (judged) return result(id, version, { warnings: judged.warnings, derived: { suggested: judged.suggested } });
    return result(id, version, { warnings: tripEval?.warnings ?? [], derived: tripEval?.derived ?? null });
  });

  const compliance: YearComplianceRow[] = [];
  const liveCadres = state.rows.cadres;
  const byYear = new Map<number, Map<string, ComplianceRow>>();
  const rowOf = (ev: Evaluation, cadreId: string, year: number): ComplianceRow | undefined => {
    let rows = byYear.get(year);
    if (!rows) byYear.set(year, (rows = new Map(withEvaluations(ev.year(year), state, figures).cadres.map((c) => [c.cadreId, c]))));
    return rows.get(cadreId);
  };
  for (const { cadreId, year } of evaluation ? distinctCadreYears(touched) : []) {
    const cadre = liveCadres.get(cadreId);
    if (!cadre || cadre.deleted || !evaluation) continue;
    const row = rowOf(evaluation, cadreId, year);
    if (row) compliance.push({ ...row, year });
  }
  return { results, summary, compliance };
}

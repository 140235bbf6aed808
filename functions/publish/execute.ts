/**
 * A publish: load what the rows need (the roster, units and policies, the cadres' other rows;
 * of trips only the rows the request names), prepare and decide every row (pure), write the
 * created / updated / deleted rows with their audit in conditional transactions, re-decide the
 * rows that lost a race, merge the written trips into their cadre-years' digests, then compute
 * derived trip values and the touched compliance from the touched cadre-years' digests.
 *
 * Exactly once: every write is conditional (create-if-absent or If-Match on the version it was
 * decided from) and atomic with its audit entity; a retried request finds its rows already
 * stored with the same content and reports them `unchanged`, writing nothing.
 *
 * Trips the request names without a version are not read first: they are written
 * create-if-absent, and one that exists makes its transaction fail, whose rows are then read
 * and decided again (a retried request costs a read per row; a new one none). A trip with a
 * version, or a delete, is read by its id (its bucket).
 */
import { randomUUID } from 'node:crypto';
import { vietnamToday, yearOfIso } from '../../shared/dates';
import { compareCodePoints } from '../../shared/code-points';
import { errorMessage } from '../../shared/messages';
import { evaluateOrg } from '../../shared/engine/evaluate';
import type { ComplianceRow, EntityByKind, Evaluation as EvaluationRecord, IsoDate, Kind, Trip } from '../../shared/models';
import type { ValidationContext } from '../../shared/validate';
import { emptyOutcomeCounts, type FullPublishResult, type PublishResponse, type YearComplianceRow } from '../../shared/wire/publish';
import type { Principal } from '../auth/keys';
import { roleAtLeast } from '../../shared/roles';
import { engineInput, loadBaseState, tripsOfDigests, validationContext, withTrips, type OrgState } from '../domain/org-state';
import { evaluationDerived, evaluationFigures, withEvaluations } from '../domain/evaluations';
import { rowView, type EvaluationJudgement } from '../domain/row-view';
import { loadClosedYears, yearClosedError } from '../domain/closed-years';
import { cadreYearsOf, distinctCadreYears, type CadreYear } from '../domain/touched';
import type { Services } from '../services';
import { goneEntry, liveEntry, type DigestEntry } from '../storage/digest';
import { digestKey, parseDigestKey } from '../storage/keys';
import { isUnavailable } from '../storage/errors';
import { Limiter } from '../storage/limit';
import type { Store } from '../storage/store';
import type { PlannedWrite, StoredRow } from '../storage/types';
import { decide, type Decision, type DecideOptions } from './decide';
import { createPreparer, type PreparedRow } from './prepare';

const MAX_ROUNDS = 5;
const TRANSACTION_CONCURRENCY = 4;
/** Point reads of rows in flight at once. */
const READ_CONCURRENCY = 16;

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

function refOf(raw: unknown): unknown {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) && 'ref' in raw ? (raw as { ref: unknown }).ref : null;
}

/** Rows read by id, in parallel: id → row (absent ids left out). */
async function readRows<T>(store: Store, org: string, kind: Kind, ids: readonly string[]): Promise<Map<string, StoredRow<T>>> {
  const out = new Map<string, StoredRow<T>>();
  const limiter = new Limiter(READ_CONCURRENCY);
  await Promise.all(
    ids.map((id) =>
      limiter.run(async () => {
        const row = await store.getRow<T>(org, kind, id);
        if (row) out.set(id, row);
      }),
    ),
  );
  return out;
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
  const [base, closed] = await Promise.all([loadBaseState(store, org), loadClosedYears(store, org)]);
  const today = vietnamToday(services.now());
  const years = { currentYear: yearOfIso(today), asOfYear: yearOfIso(asOf) };

  // Digests of the cadre-years loaded so far (key → entries).
  const digests = new Map<string, DigestEntry[]>();
  const loadDigests = async (keys: Iterable<string>): Promise<void> => {
    const missing = [...new Set(keys)].filter((k) => !digests.has(k));
    if (missing.length === 0) return;
    await store.ensureLayout(org);
    for (const [k, v] of await store.readDigests(org, missing)) digests.set(k, v);
  };
  const stateNow = (): OrgState => withTrips(base, tripsOfDigests(digests));

  // Prepare every row. An evaluation's figures need its cadre-year's trips: asked for once to
  // learn which, then prepared again with them.
  const context: ValidationContext = { ...validationContext(base, today), actor: principal.name };
  const prepareAll = (ctx: ValidationContext): PreparedRow<K>[] => {
    const prepare = createPreparer(kind, ctx, randomUUID);
    return rows.map((raw, i): PreparedRow<K> => {
      try {
        return prepare(raw, i);
      } catch (err) {
        // One row's unexpected failure rejects that row only.
        const d = internalDecision(services, requestId, kind, i, null, err);
        return { type: 'rejected', index: i, ref: refOf(raw), id: null, errors: d.outcome === 'rejected' ? d.errors : [] };
      }
    });
  };
  let prepared: PreparedRow<K>[];
  if (kind === 'evaluations') {
    const asked: string[] = [];
    prepareAll({
      ...context,
      evaluationFigures: (cadreId, year) => {
        try {
          asked.push(digestKey(year, cadreId));
        } catch {
          // not a key: no trips to read for it
        }
        return { suggested: null, counted: 0, required: 0 };
      },
    });
    await loadDigests(asked);
    prepared = prepareAll({ ...context, evaluationFigures: evaluationFigures(stateNow(), today) });
  } else {
    prepared = prepareAll(context);
  }

  // What is stored for the rows: of trips, the rows named with a version or deleted (read by
  // id); of other kinds, every row of the kind (an org's roster-sized collections).
  const stored = (kind === 'trips' ? new Map<string, StoredRow>() : base.rows[kind]) as Map<string, StoredRow<EntityByKind[K]>>;
  /** Trips read from storage by this request (their digests are repaired from them if stale). */
  const observed = new Map<string, StoredRow<Trip>>();
  const noteRead = (id: string, row: StoredRow<EntityByKind[K]> | undefined): void => {
    if (row) stored.set(id, row);
    else stored.delete(id);
    if (kind === 'trips' && row) observed.set(id, row as unknown as StoredRow<Trip>);
  };
  if (kind === 'trips') {
    // Also read: a row into a closed year (the same content again is `unchanged`, not refused).
    const intoClosed = (p: PreparedRow<K>): boolean =>
      p.type === 'upsert' && closed.size > 0 && yearClosedError(kind, p.record, new Set(closed.keys()), years.currentYear) !== null;
    const named = prepared.filter((p) => p.type === 'delete' || (p.type === 'upsert' && p.version !== null) || intoClosed(p)).map((p) => p.id as string);
    const read = await readRows<EntityByKind[K]>(store, org, kind, named);
    for (const id of named) noteRead(id, read.get(id));
  }
  let liveTripsOfCadre = new Map<string, string[]>();
  if (kind === 'cadres' && prepared.some((p) => p.type === 'delete')) {
    const deleting = new Set(prepared.filter((p) => p.type === 'delete').map((p) => p.id as string));
    await store.ensureLayout(org);
    const all = await store.listDigests(org);
    const theirs = [...all].filter(([key]) => deleting.has(parseDigestKey(key).cadreId));
    liveTripsOfCadre = new Map();
    for (const [id, t] of tripsOfDigests(theirs)) {
      const list = liveTripsOfCadre.get(t.record.cadreId) ?? [];
      list.push(id);
      liveTripsOfCadre.set(t.record.cadreId, list);
    }
    for (const list of liveTripsOfCadre.values()) list.sort(compareCodePoints);
  }
  const opts: DecideOptions = {
    canApprove: roleAtLeast(principal.role, 'leader'),
    tripsOfCadre: (id: string) => liveTripsOfCadre.get(id) ?? [],
    closedYears: new Set(closed.keys()),
    currentYear: years.currentYear,
  };
  /** The decision of one row against what is stored for it; a trip's write carries its write count. */
  const decideRow = (p: PreparedRow<K>): Decision => {
    try {
      const before = p.type === 'rejected' ? null : stored.get(p.id);
      const d = decide(kind, p, before, opts);
      if (kind === 'trips' && 'write' in d) return { ...d, write: { ...d.write, seq: (before?.seq ?? 0) + 1 } };
      return d;
    } catch (err) {
      return internalDecision(services, requestId, kind, p.index, p.id, err);
    }
  };

  const decisions: Decision[] = prepared.map(decideRow);
  /** The stored row each written row was decided against (for the cadre-years it leaves). */
  const before = new Map<string, StoredRow | undefined>();
  const writes: PlannedWrite[] = [];
  for (const p of prepared) {
    const d = decisions[p.index];
    if ('write' in d) {
      writes.push(d.write);
      before.set(d.write.id, stored.get(d.write.id));
    }
  }
  const writtenVersions = new Map<string, string>();
  const limiter = new Limiter(TRANSACTION_CONCURRENCY);
  const failed = new Map<string, unknown>();
  let contended: string[] = [];
  if (writes.length > 0) {
    await store.registerOrg(org);
    const result = await store.commit(org, kind, writes, principal.name, () => services.now(), limiter);
    for (const [id, version] of result.versions) writtenVersions.set(id, version);
    contended = result.contended;
    for (const [id, err] of result.failed) failed.set(id, err);
  }

  // Rows that lost a race (or, trips, that exist though sent without a version): read them and
  // decide again from what is stored now.
  for (let round = 1; contended.length > 0; round++) {
    const lost = new Set(contended);
    const again = prepared.filter((p): p is Exclude<PreparedRow<K>, { type: 'rejected' }> => p.type !== 'rejected' && lost.has(p.id));
    const fresh = await readRows<EntityByKind[K]>(store, org, kind, again.map((p) => p.id));
    const retry: PlannedWrite[] = [];
    for (const p of again) {
      noteRead(p.id, fresh.get(p.id));
      let d = decideRow(p);
      if (round >= MAX_ROUNDS && 'write' in d) d = { outcome: 'conflict', stored: fresh.get(p.id) ?? null };
      decisions[p.index] = d;
      if ('write' in d) {
        retry.push(d.write);
        before.set(d.write.id, stored.get(d.write.id));
      }
    }
    if (retry.length === 0) break;
    const result = await store.commit(org, kind, retry, principal.name, () => services.now(), limiter, false);
    for (const [id, version] of result.versions) writtenVersions.set(id, version);
    contended = result.contended;
    for (const [id, err] of result.failed) failed.set(id, err);
  }

  // Rows whose write failed unexpectedly: rejected (nothing of them stored), logged.
  if (failed.size > 0) {
    for (const p of prepared) {
      if (p.type === 'rejected' || !failed.has(p.id) || !('write' in decisions[p.index])) continue;
      decisions[p.index] = internalDecision(services, requestId, kind, p.index, p.id, failed.get(p.id));
    }
  }

  // The rows after the writes.
  const written: PlannedWrite[] = [];
  for (const p of prepared) {
    const d = decisions[p.index];
    if (!('write' in d)) continue;
    const version = writtenVersions.get(d.write.id);
    if (version === undefined) continue;
    written.push(d.write);
    stored.set(d.write.id, { id: d.write.id, record: d.write.record as EntityByKind[K], version, deleted: d.write.deleted, ...(d.write.seq !== undefined ? { seq: d.write.seq } : {}) });
  }

  if (kind === 'trips') {
    try {
      await mergeTripDigests(store, org, years, written, before, observed, digests);
    } catch (err) {
      // Storage down: 503, and the client's retry (its rows then `unchanged`, read by id) merges them.
      if (isUnavailable(err)) throw err;
      services.log('digest merge failed', { requestId, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
    }
  }
  let evaluation: Evaluation | null = null;
  let state: OrgState = base;
  try {
    // Derived values and compliance come from the touched cadre-years' digests.
    const keys: string[] = [];
    for (const cy of touchedCadreYears(kind, prepared, decisions, stored, years)) keys.push(digestKey(cy.year, cy.cadreId));
    await loadDigests(keys);
    state = stateNow();
    evaluation = evaluateOrg(engineInput(state, asOf));
  } catch (err) {
    // Rows were written: the answer reports them, without derived values, rather than a 500.
    services.log('evaluation failed', { requestId, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  }
  return respond(kind, state, stored, prepared, decisions, writtenVersions, asOf, today, evaluation, evaluationFigures(state, today, evaluation ? { date: asOf, evaluation } : undefined));
}

type Years = { currentYear: number; asOfYear: number };

/** The cadre-years of a publish's rows: written (old and new), unchanged and conflicting. */
function touchedCadreYears<K extends Kind>(
  kind: K,
  prepared: readonly PreparedRow<K>[],
  decisions: readonly Decision[],
  stored: ReadonlyMap<string, StoredRow<EntityByKind[K]>>,
  years: Years,
): CadreYear[] {
  const out: CadreYear[] = [];
  for (const p of prepared) {
    const d = decisions[p.index];
    if (d.outcome === 'rejected' || p.id === null) continue;
    if ('write' in d) {
      out.push(...cadreYearsOf(kind, d.write.record as EntityByKind[K], years));
      if (d.write.change.old) out.push(...cadreYearsOf(kind, d.write.change.old as EntityByKind[K], years));
    } else if (d.stored && d.stored.record) out.push(...cadreYearsOf(kind, d.stored.record as EntityByKind[K], years));
    const now = stored.get(p.id);
    if (now && now.record) out.push(...cadreYearsOf(kind, now.record, years));
  }
  return distinctCadreYears(out);
}

/**
 * Merges a trips publish into its cadre-years' digests: each written trip live in the
 * cadre-years of its new record and gone from those of the old one it left; and each trip read
 * by id and not written as it was read (repairing a digest a failed request left behind).
 * The merged digests join `digests`.
 */
async function mergeTripDigests(
  store: Store,
  org: string,
  years: Years,
  written: readonly PlannedWrite[],
  before: ReadonlyMap<string, StoredRow | undefined>,
  observed: ReadonlyMap<string, StoredRow<Trip>>,
  digests: Map<string, DigestEntry[]>,
): Promise<void> {
  const changes = new Map<string, DigestEntry[]>();
  const add = (key: string, entry: DigestEntry): void => {
    const list = changes.get(key) ?? [];
    list.push(entry);
    changes.set(key, list);
  };
  const keysOf = (t: Trip): string[] => cadreYearsOf('trips', t, years).map((cy) => digestKey(cy.year, cy.cadreId));
  const writtenIds = new Set<string>();
  for (const w of written) {
    writtenIds.add(w.id);
    const seq = w.seq ?? 1;
    const record = w.record as Trip;
    const now = w.deleted ? [] : keysOf(record);
    for (const key of now) add(key, liveEntry(w.id, seq, record));
    const old = (w.change.old as Trip | null) ?? (before.get(w.id)?.record as Trip | undefined) ?? null;
    const left = new Set([...(old ? keysOf(old) : []), ...(w.deleted ? keysOf(record) : [])]);
    for (const key of now) left.delete(key);
    for (const key of left) add(key, goneEntry(w.id, seq));
  }
  for (const [id, row] of observed) {
    if (writtenIds.has(id) || !row.record) continue;
    const seq = row.seq ?? 0;
    for (const key of keysOf(row.record)) add(key, row.deleted ? goneEntry(id, seq) : liveEntry(id, seq, row.record));
  }
  if (changes.size === 0) return;
  for (const [key, entries] of await store.mergeDigests(org, changes)) digests.set(key, entries);
}

type Evaluation = ReturnType<typeof evaluateOrg>;

function respond<K extends Kind>(
  kind: K,
  state: OrgState,
  current: ReadonlyMap<string, StoredRow<EntityByKind[K]>>,
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
  const stored = current as ReadonlyMap<string, StoredRow>;
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

/**
 * A publish, under the org's lease (domain/org-lease.ts): load what the request names (see
 * publish/context.ts), prepare and decide every row (pure), write the created / updated /
 * deleted rows with their audit in conditional transactions, re-decide the rows that lost a
 * race, then bring the derived state up to date (the touched cadres' digests and cadre-year
 * states) and answer from the touched cadres evaluated alone.
 *
 * Exactly once: every write is conditional (create-if-absent or If-Match on the version it was
 * decided from) and atomic with its audit entity; a retried request finds its rows already
 * stored with the same content and reports them `unchanged`, writing nothing.
 */
import { randomUUID } from 'node:crypto';
import { vietnamToday, yearOfIso } from '../../shared/dates';
import { errorMessage } from '../../shared/messages';
import type { OrgEvaluation } from '../../shared/engine/evaluate';
import type { Absence, EntityByKind, IsoDate, Kind, Trip } from '../../shared/models';
import { emptyOutcomeCounts, type FullPublishResult, type PublishResponse, type YearComplianceRow } from '../../shared/wire/publish';
import type { Principal } from '../auth/keys';
import { roleAtLeast } from '../../shared/roles';
import { cadreYearState, evaluateCadre } from '../domain/cadre-years';
import { loadClosedYears } from '../domain/closed-years';
import { withOrgLease, type HeldLease } from '../domain/org-lease';
import { rowView } from '../domain/row-view';
import { cadreYearsOf, distinctCadreYears, type CadreYear } from '../domain/touched';
import type { Services } from '../services';
import { Limiter } from '../storage/limit';
import type { CadreYearState } from '../storage/state';
import type { CommitResult } from '../storage/store';
import type { PlannedWrite, StoredRow } from '../storage/types';
import { decide, type Decision, type DecideOptions } from './decide';
import { namedCadres, PublishContext } from './context';
import { createPreparer, type PreparedRow } from './prepare';

const MAX_ROUNDS = 5;
/** Rows prepared before their writes start (4 transactions of 99). */
const PIPELINE_CHUNK = 396;
const TRANSACTION_CONCURRENCY = 4;

type Kept<K extends Kind> = Exclude<PreparedRow<K>, { type: 'rejected' }>;

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
  const today = vietnamToday(services.now());
  return withOrgLease(services, org, (lease) => publishUnderLease(services, lease, org, kind, rows, principal, asOf, today, requestId));
}

async function publishUnderLease<K extends Kind>(
  services: Services,
  lease: HeldLease,
  org: string,
  kind: K,
  rows: readonly unknown[],
  principal: Principal,
  asOf: IsoDate,
  today: IsoDate,
  requestId: string,
): Promise<PublishResponse<FullPublishResult>> {
  const { store } = services;
  const [ctx, closed] = await Promise.all([PublishContext.load(services, org, kind, rows), loadClosedYears(store, org)]);
  // CADRE_HAS_TRIPS needs the trips of each cadre a row deletes
  if (kind === 'cadres') await ctx.ensureDigests(namedCadres(rows));
  const opts: DecideOptions = {
    canApprove: roleAtLeast(principal.role, 'leader'),
    tripsOfCadre: (id: string) => ctx.tripsOf(id),
    closedYears: new Set(closed.keys()),
    currentYear: yearOfIso(today),
  };

  // Prepare, decide and start writing chunk by chunk, so that validation overlaps storage I/O.
  const prepare = createPreparer(kind, ctx.validation(today), randomUUID);
  const prepared: PreparedRow<K>[] = [];
  const decisions: Decision[] = [];
  const writtenVersions = new Map<string, string>();
  const limiter = new Limiter(TRANSACTION_CONCURRENCY);
  const commits: Array<Promise<CommitResult>> = [];
  let registered = false;
  for (let start = 0; start < rows.length; start += PIPELINE_CHUNK) {
    const chunk: PreparedRow<K>[] = [];
    const failedRow = (i: number, err: unknown): PreparedRow<K> => {
      // One row's unexpected failure rejects that row only.
      const raw = rows[i];
      const ref = typeof raw === 'object' && raw !== null && !Array.isArray(raw) && 'ref' in raw ? (raw as { ref: unknown }).ref : null;
      const d = internalDecision(services, requestId, kind, i, null, err);
      return { type: 'rejected', index: i, ref, id: null, errors: d.outcome === 'rejected' ? d.errors : [] };
    };
    for (let i = start; i < Math.min(rows.length, start + PIPELINE_CHUNK); i++) {
      try {
        chunk.push(prepare(rows[i], i));
      } catch (err) {
        chunk.push(failedRow(i, err));
      }
    }
    const kept = chunk.filter((p): p is Kept<K> => p.type !== 'rejected');
    await ctx.read(kept.filter((p) => ctx.lookup(p) === 'read').map((p) => p.id));
    const writes: PlannedWrite[] = [];
    for (let p of chunk) {
      let d: Decision;
      try {
        const found = p.type === 'rejected' ? null : ctx.lookup(p);
        d = decide(kind, p, found === 'read' ? null : found, opts);
      } catch (err) {
        const rejected = failedRow(p.index, err);
        p = rejected;
        d = { outcome: 'rejected', errors: rejected.type === 'rejected' ? rejected.errors : [] };
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
    await lease.renew();
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

  // Rows that lost a race (or were planned as creates of ids already stored): re-read them
  // and decide again from what is stored now.
  for (let round = 1; contended.length > 0; round++) {
    const lost = new Set(contended);
    const again = prepared.filter((p): p is Kept<K> => p.type !== 'rejected' && lost.has(p.id));
    await ctx.read(again.map((p) => p.id));
    const writes: PlannedWrite[] = [];
    for (const p of again) {
      const fresh = ctx.lookup(p);
      const stored = fresh === 'read' ? null : fresh;
      let d = decide(kind, p, stored, opts);
      if (round >= MAX_ROUNDS && 'write' in d) d = { outcome: 'conflict', stored };
      decisions[p.index] = d;
      if ('write' in d) writes.push(d.write);
    }
    if (writes.length === 0) break;
    await lease.renew();
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

  // The state after the writes: the rows, then the touched cadres' digests.
  const written: Array<{ write: PlannedWrite; row: StoredRow }> = [];
  for (const p of prepared) {
    const d = decisions[p.index];
    if (!('write' in d)) continue;
    const version = writtenVersions.get(d.write.id);
    if (version === undefined) continue;
    const row: StoredRow = { id: d.write.id, record: d.write.record, version, deleted: d.write.deleted };
    ctx.remember(d.write.id, row as StoredRow<EntityByKind[K]>);
    written.push({ write: d.write, row });
  }
  if (kind === 'trips' || kind === 'absences') {
    const cadreOf = (record: unknown): string | null => (record ? (record as { cadreId: string }).cadreId : null);
    const affected = written.flatMap(({ write }) => [cadreOf(write.change.old), cadreOf(write.record)]).filter((c): c is string => c !== null);
    await ctx.ensureDigests(affected);
    for (const { write, row } of written) {
      const before = cadreOf(write.change.old);
      const after = write.deleted ? null : cadreOf(write.record);
      const drop = (cadreId: string | null) => {
        const d = cadreId === null ? undefined : ctx.digests.get(cadreId);
        if (d && (kind === 'trips' ? d.trips.delete(row.id) : d.absences.delete(row.id))) d.changed = true;
      };
      drop(before);
      if (write.deleted) drop(cadreOf(write.record));
      if (after !== null) {
        const d = ctx.digests.get(after)!;
        if (kind === 'trips') d.trips.set(row.id, row as StoredRow<Trip>);
        else d.absences.set(row.id, row.record as Absence);
        d.changed = true;
      }
    }
    const changed = [...ctx.digests.values()].filter((d) => d.changed);
    if (changed.length > 0) {
      await lease.renew();
      await services.state.putDigests(org, changed.map((d) => ctx.digest(d.cadreId)));
    }
  }
  return respond(services, lease, ctx, prepared, decisions, writtenVersions, asOf, today, requestId);
}

async function respond<K extends Kind>(
  services: Services,
  lease: HeldLease,
  ctx: PublishContext<K>,
  prepared: readonly PreparedRow<K>[],
  decisions: readonly Decision[],
  written: ReadonlyMap<string, string>,
  asOf: IsoDate,
  today: IsoDate,
  requestId: string,
): Promise<PublishResponse<FullPublishResult>> {
  const { kind, org } = ctx;
  const years = { currentYear: yearOfIso(today), asOfYear: yearOfIso(asOf) };

  // What each row is now, and the cadre-years the request touched.
  const touched: CadreYear[] = [];
  const nowOf = (p: Kept<K>, d: Decision): StoredRow | null => {
    const found = ctx.lookup(p);
    if (found !== 'read' && found !== null) return found;
    return 'stored' in d ? d.stored : null;
  };
  const evaluated = new Set<string>();
  for (const p of prepared) {
    const d = decisions[p.index];
    if (p.type === 'rejected' || d.outcome === 'rejected') continue;
    const now = nowOf(p, d);
    if (kind === 'trips' && now && !now.deleted) evaluated.add((now.record as Trip).cadreId);
    if (d.outcome === 'conflict') continue;
    if ('write' in d) {
      touched.push(...cadreYearsOf(kind, d.write.record as EntityByKind[K], years));
      if (d.write.change.old) touched.push(...cadreYearsOf(kind, d.write.change.old as EntityByKind[K], years));
    } else if (now) touched.push(...cadreYearsOf(kind, now.record as EntityByKind[K], years));
  }
  const cadreYears = distinctCadreYears(touched);
  for (const cy of cadreYears) evaluated.add(cy.cadreId);

  // The year states kept for GET compliance: their asOf and whether they are current.
  const touchedYears = new Set(cadreYears.map((cy) => cy.year));
  const keepStates = kind === 'trips' || kind === 'absences' || kind === 'registrations';
  const metas = new Map<number, IsoDate>();
  if (keepStates) {
    await Promise.all(
      [...touchedYears].map(async (y) => {
        const meta = await services.state.getYearMeta(org, y);
        if (meta && meta.gen === lease.gen) metas.set(y, meta.asOf);
      }),
    );
  } else lease.invalidateYears(); // cadres and units: every year's rows and summary may change

  const yearsOf = new Map<string, Set<number>>();
  for (const cy of cadreYears) {
    const set = yearsOf.get(cy.cadreId) ?? new Set<number>();
    set.add(cy.year);
    yearsOf.set(cy.cadreId, set);
  }
  await ctx.ensureCadres(evaluated);
  await ctx.ensureDigests(evaluated);
  await ctx.ensureRegistrations(cadreYears);

  // Each touched cadre evaluated alone (a cadre's rows and trips depend only on its own data).
  // (rows were written: an evaluation that fails answers them without derived values, never a 500)
  const evaluations = new Map<string, OrgEvaluation | null>();
  const evaluationOf = (cadreId: string, at: IsoDate = asOf): OrgEvaluation | null => {
    const key = `${at}\u0000${cadreId}`;
    if (!evaluations.has(key)) {
      try {
        evaluations.set(key, evaluateCadre(at, ctx.policies, ctx.units, ctx.liveCadre(cadreId), ctx.digest(cadreId), ctx.registrationsOf(cadreId, yearsOf.get(cadreId) ?? [])));
      } catch (err) {
        services.log('evaluation failed', { requestId, cadreId, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
        evaluations.set(key, null);
      }
    }
    return evaluations.get(key) ?? null;
  };
  const tripEvaluation = (row: StoredRow | null) =>
    kind === 'trips' && row && !row.deleted ? (evaluationOf((row.record as Trip).cadreId)?.trips.get(row.id) ?? null) : null;

  const summary = emptyOutcomeCounts();
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
    const kept = p as Kept<K>;
    if (d.outcome === 'conflict') {
      const current = d.stored ? rowView(kind, d.stored, tripEvaluation(d.stored)) : null;
      return result(kept.id, d.stored?.version ?? null, { current });
    }
    const now = nowOf(kept, d);
    const tripEval = tripEvaluation(now);
    const version = 'write' in d ? (written.get(kept.id) ?? now?.version ?? null) : (d.stored?.version ?? null);
    return result(kept.id, version, { warnings: tripEval?.warnings ?? [], derived: tripEval?.derived ?? null });
  });

  const compliance: YearComplianceRow[] = [];
  const states = new Map<number, CadreYearState[]>();
  for (const { cadreId, year } of cadreYears) {
    const ev = evaluationOf(cadreId);
    if (ctx.liveCadre(cadreId) && ev) {
      const row = ev.year(year).cadres.find((c) => c.cadreId === cadreId);
      if (row) compliance.push({ ...row, year });
    }
    const stateAsOf = metas.get(year);
    if (stateAsOf !== undefined) {
      const stateEv = evaluationOf(cadreId, stateAsOf);
      if (stateEv) {
        const list = states.get(year) ?? [];
        list.push(cadreYearState(stateEv, cadreId, year));
        states.set(year, list);
      } else lease.invalidateYears(); // a cadre-year that could not be computed: the years are rebuilt on the next GET
    }
  }
  if (states.size > 0) {
    await lease.renew();
    await Promise.all([...states].map(([year, list]) => services.state.putYear(org, year, list)));
  }
  return { results, summary, compliance };
}

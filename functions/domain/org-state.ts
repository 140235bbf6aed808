/**
 * An org's stored collections and what the engine and validation take from them. Trips come
 * either as rows (every bucket: GET trips, the report, the nightly job) or from the digests of
 * some cadre-years (compliance, a publish's derived values): then each trip's record lacks the
 * long texts the engine never reads, and its version is not known (empty).
 */
import { policyLookup } from '../../shared/defaults';
import type { EngineInput, EntityByKind, IsoDate, Kind, Policy, Trip } from '../../shared/models';
import type { ValidationContext } from '../../shared/validate';
import { liveTrips, type DigestEntry } from '../storage/digest';
import type { Store } from '../storage/store';
import type { StoredRow } from '../storage/types';

export type StoredCollections = { [K in Kind]: Map<string, StoredRow<EntityByKind[K]>> };

export interface OrgState {
  readonly rows: StoredCollections;
  readonly policyRows: Map<string, StoredRow<Policy>>;
}

/** Every collection of an org, trips as rows (every bucket). */
export async function loadOrgState(store: Store, org: string): Promise<OrgState> {
  const [base, trips] = await Promise.all([loadBaseState(store, org), store.listRows<EntityByKind['trips']>(org, 'trips')]);
  return withTrips(base, trips);
}

/** Every collection of an org but trips (none): the roster, units, policies and the cadres' other rows. */
export async function loadBaseState(store: Store, org: string): Promise<OrgState> {
  const [cadres, units, absences, registrations, evaluations, policyRows] = await Promise.all([
    store.listRows<EntityByKind['cadres']>(org, 'cadres'),
    store.listRows<EntityByKind['units']>(org, 'units'),
    store.listRows<EntityByKind['absences']>(org, 'absences'),
    store.listRows<EntityByKind['registrations']>(org, 'registrations'),
    store.listRows<EntityByKind['evaluations']>(org, 'evaluations'),
    store.listRows<Policy>(org, 'policies'),
  ]);
  return { rows: { cadres, units, absences, trips: new Map(), registrations, evaluations }, policyRows };
}

/** Every collection of an org, trips those of one year's digests: what the year's compliance needs. */
export async function loadYearState(store: Store, org: string, year: number): Promise<OrgState> {
  await store.ensureLayout(org);
  const [base, digests] = await Promise.all([loadBaseState(store, org), store.listDigests(org, year)]);
  return withTrips(base, tripsOfDigests(digests));
}

export function withTrips(state: OrgState, trips: Map<string, StoredRow<Trip>>): OrgState {
  return { ...state, rows: { ...state.rows, trips } };
}

/** Per digest (the storage layer hands out the same array while its ETag holds): its live trips as rows and its gone ids. */
const digestRows = new WeakMap<readonly DigestEntry[], { live: StoredRow<Trip>[]; gone: Array<[string, number]> }>();

function rowsOfDigest(key: string, entries: readonly DigestEntry[]): { live: StoredRow<Trip>[]; gone: Array<[string, number]> } {
  let rows = digestRows.get(entries);
  if (!rows) {
    const live: StoredRow<Trip>[] = [];
    const gone: Array<[string, number]> = [];
    for (const [id, t] of liveTrips([[key, entries]])) live.push({ id, record: t.record, version: '', deleted: false, seq: t.seq });
    for (const e of entries) if (e.length === 2) gone.push([e[0], e[1]]);
    rows = { live, gone };
    digestRows.set(entries, rows);
  }
  return rows;
}

/**
 * The live trips of digests as stored rows (record without long texts, version unknown): per
 * id the highest write count; a trip gone from one cadre-year at a higher count than it is
 * live in another is gone (at an equal count it moved, and is live where it went).
 */
export function tripsOfDigests(digests: Iterable<readonly [string, readonly DigestEntry[]]>): Map<string, StoredRow<Trip>> {
  const out = new Map<string, StoredRow<Trip>>();
  const gone = new Map<string, number>();
  for (const [key, entries] of digests) {
    const rows = rowsOfDigest(key, entries);
    for (const row of rows.live) {
      const old = out.get(row.id);
      if (!old || (row.seq ?? 0) > (old.seq ?? 0)) out.set(row.id, row);
    }
    for (const [id, seq] of rows.gone) if ((gone.get(id) ?? -1) < seq) gone.set(id, seq);
  }
  for (const [id, seq] of gone) {
    const row = out.get(id);
    if (row && (row.seq ?? 0) < seq) out.delete(id);
  }
  return out;
}

export function liveRecords<T>(rows: ReadonlyMap<string, StoredRow<T>>): T[] {
  const out: T[] = [];
  for (const row of rows.values()) if (!row.deleted) out.push(row.record);
  return out;
}

export function storedPolicies(state: OrgState): Record<number, Policy> {
  const out: Record<number, Policy> = {};
  for (const row of state.policyRows.values()) if (!row.deleted) out[row.record.year] = row.record;
  return out;
}

export function engineInput(state: OrgState, asOf: IsoDate): EngineInput {
  return {
    asOf,
    policies: storedPolicies(state),
    cadres: liveRecords(state.rows.cadres),
    units: liveRecords(state.rows.units),
    absences: liveRecords(state.rows.absences),
    trips: liveRecords(state.rows.trips),
    registrations: liveRecords(state.rows.registrations),
  };
}

export function validationContext(state: OrgState, today: IsoDate): ValidationContext {
  const cadres = state.rows.cadres;
  return {
    policyFor: policyLookup(storedPolicies(state)),
    today,
    units: liveRecords(state.rows.units),
    hasCadre: (id) => {
      const row = cadres.get(id);
      return row !== undefined && !row.deleted;
    },
  };
}

/** An org's stored collections, loaded at once, and what the engine and validation take from them. */
import { policyLookup } from '../../shared/defaults';
import type { EngineInput, EntityByKind, IsoDate, Kind, Policy } from '../../shared/models';
import type { ValidationContext } from '../../shared/validate';
import type { Store } from '../storage/store';
import type { StoredRow } from '../storage/types';

export type StoredCollections = { [K in Kind]: Map<string, StoredRow<EntityByKind[K]>> };

export interface OrgState {
  readonly rows: StoredCollections;
  readonly policyRows: Map<string, StoredRow<Policy>>;
}

export async function loadOrgState(store: Store, org: string): Promise<OrgState> {
  const [cadres, units, absences, trips, registrations, evaluations, policyRows] = await Promise.all([
    store.listRows<EntityByKind['cadres']>(org, 'cadres'),
    store.listRows<EntityByKind['units']>(org, 'units'),
    store.listRows<EntityByKind['absences']>(org, 'absences'),
    store.listRows<EntityByKind['trips']>(org, 'trips'),
    store.listRows<EntityByKind['registrations']>(org, 'registrations'),
    store.listRows<EntityByKind['evaluations']>(org, 'evaluations'),
    store.listRows<Policy>(org, 'policies'),
  ]);
  return { rows: { cadres, units, absences, trips, registrations, evaluations }, policyRows };
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

/** Live trip ids per cadre (for CADRE_HAS_TRIPS). */
export function tripsByCadre(state: OrgState): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const row of state.rows.trips.values()) {
    if (row.deleted) continue;
    const list = out.get(row.record.cadreId) ?? [];
    list.push(row.id);
    out.set(row.record.cadreId, list);
  }
  return out;
}

/**
 * What a publish reads: the org's units and policies, and only the rows its request names and
 * the touched cadres need. Trips: the named cadres (point reads) and their digests, whose trips
 * (with versions) answer "what is stored for this id"; an id found in none is read by id when
 * the row carries a version or deletes, and otherwise planned as a create (create-if-absent:
 * storage refuses it when the id exists, and the row is then read and decided again). Other
 * kinds: their own partition (an org's roster, units and registrations, not its trips).
 */
import { policyLookup } from '../../shared/defaults';
import type { Absence, Cadre, EntityByKind, IsoDate, Kind, Policy, Registration, Trip, Unit } from '../../shared/models';
import { code, Problem } from '../../shared/schemas/fields';
import type { ValidationContext } from '../../shared/validate';
import { cadreYearId as registrationId } from '../../shared/kinds';
import type { Services } from '../services';
import type { CadreDigest } from '../storage/state';
import type { StoredRow } from '../storage/types';
import type { PreparedRow } from './prepare';

/** A cadre's digest being edited: live trips and absences by id. */
export interface DigestEdit {
  readonly cadreId: string;
  readonly trips: Map<string, StoredRow<Trip>>;
  readonly absences: Map<string, Absence>;
  changed: boolean;
}

/** For a row: what is stored, null when nothing is, or 'read' when it must be read by id. */
export type StoredLookup<T> = StoredRow<T> | null | 'read';

async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

/** The cadre ids request rows name (as validation reads them; ids of no valid form left out). */
export function namedCadres(rawRows: readonly unknown[]): Set<string> {
  const named = new Set<string>();
  for (const raw of rawRows) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) continue;
    const id = code((raw as Record<string, unknown>).cadreId);
    if (!(id instanceof Problem)) named.add(id);
  }
  return named;
}

const live = <T>(rows: Map<string, StoredRow<T>>): T[] => [...rows.values()].filter((r) => !r.deleted).map((r) => r.record);

export class PublishContext<K extends Kind> {
  /** Stored cadres read so far (null: not stored). */
  readonly cadres = new Map<string, StoredRow<Cadre> | null>();
  readonly digests = new Map<string, DigestEdit>();
  /** Registrations read so far, by id (null: not stored). */
  readonly registrations = new Map<string, StoredRow<Registration> | null>();
  /** Rows of the kind read by id (trips). */
  private readonly fetched = new Map<string, StoredRow<EntityByKind[K]> | null>();

  private constructor(
    private readonly services: Services,
    readonly org: string,
    readonly kind: K,
    readonly units: Unit[],
    readonly policies: Record<number, Policy>,
    /** The kind's whole partition (every kind but trips). */
    readonly kindRows: Map<string, StoredRow<EntityByKind[K]>> | null,
  ) {}

  static async load<K extends Kind>(services: Services, org: string, kind: K, rawRows: readonly unknown[]): Promise<PublishContext<K>> {
    const { store } = services;
    const [unitRows, policyRows, kindRows] = await Promise.all([
      store.listRows<Unit>(org, 'units'),
      store.listRows<Policy>(org, 'policies'),
      kind === 'trips' ? Promise.resolve(null) : store.listRows<EntityByKind[K]>(org, kind),
    ]);
    const policies: Record<number, Policy> = {};
    for (const row of policyRows.values()) if (!row.deleted) policies[row.record.year] = row.record;
    const ctx = new PublishContext<K>(services, org, kind, live(unitRows), policies, kindRows);
    if (kind === 'cadres') {
      for (const [id, row] of kindRows as Map<string, StoredRow<Cadre>>) ctx.cadres.set(id, row);
    } else if (kind === 'trips' || kind === 'absences' || kind === 'registrations') {
      // the cadres the rows name (as validation will read them)
      const named = namedCadres(rawRows);
      await ctx.ensureCadres(named);
      if (kind === 'trips') await ctx.ensureDigests(named);
    }
    if (kind === 'registrations') for (const [id, row] of kindRows as Map<string, StoredRow<Registration>>) ctx.registrations.set(id, row);
    return ctx;
  }

  validation(today: IsoDate): ValidationContext {
    return {
      policyFor: policyLookup(this.policies),
      today,
      units: this.units,
      hasCadre: (id) => {
        const row = this.cadres.get(id);
        return row !== undefined && row !== null && !row.deleted;
      },
    };
  }

  /** Live trip ids of a cadre whose digest was read (for CADRE_HAS_TRIPS). */
  tripsOf(cadreId: string): string[] {
    return [...(this.digests.get(cadreId)?.trips.keys() ?? [])];
  }

  async ensureCadres(ids: Iterable<string>): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.cadres.has(id));
    await eachLimited(missing, 16, async (id) => {
      this.cadres.set(id, await this.services.store.getRow<Cadre>(this.org, 'cadres', id));
    });
  }

  async ensureDigests(ids: Iterable<string>): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.digests.has(id));
    if (missing.length === 0) return;
    const read = await this.services.state.getDigests(this.org, missing);
    for (const [id, d] of read) {
      this.digests.set(id, {
        cadreId: id,
        trips: new Map(d.trips.map((t) => [t.id, t])),
        absences: new Map(d.absences.map((a) => [a.id, a])),
        changed: false,
      });
    }
  }

  async ensureRegistrations(pairs: Iterable<{ cadreId: string; year: number }>): Promise<void> {
    const ids = [...new Set([...pairs].map((p) => registrationId(p.cadreId, p.year)))].filter((id) => !this.registrations.has(id));
    await eachLimited(ids, 16, async (id) => {
      this.registrations.set(id, await this.services.store.getRow<Registration>(this.org, 'registrations', id));
    });
  }

  /** What is stored for a prepared row, as far as known without reading it by id. */
  lookup(p: Exclude<PreparedRow<K>, { type: 'rejected' }>): StoredLookup<EntityByKind[K]> {
    if (this.kindRows) return this.kindRows.get(p.id) ?? null;
    if (this.fetched.has(p.id)) return this.fetched.get(p.id)!;
    if (p.type === 'upsert') {
      const found = this.digests.get((p.record as Trip).cadreId)?.trips.get(p.id);
      if (found) return found as unknown as StoredRow<EntityByKind[K]>;
    }
    return p.type === 'delete' || p.version !== null ? 'read' : null;
  }

  /** Reads rows by id (trips); afterwards `lookup` answers for them. */
  async read(ids: Iterable<string>): Promise<void> {
    const list = [...new Set(ids)];
    await eachLimited(list, 16, async (id) => {
      this.remember(id, await this.services.store.getRow<EntityByKind[K]>(this.org, this.kind, id));
    });
  }

  /** Records what is stored for an id now (after a write, or a fresh read). */
  remember(id: string, row: StoredRow<EntityByKind[K]> | null): void {
    if (this.kind === 'cadres') this.cadres.set(id, row as StoredRow<Cadre> | null);
    if (this.kind === 'registrations') this.registrations.set(id, row as StoredRow<Registration> | null);
    if (this.kindRows) {
      if (row) this.kindRows.set(id, row);
      else this.kindRows.delete(id);
    } else this.fetched.set(id, row);
  }

  /** The digests as stored (for the engine). */
  digest(cadreId: string): CadreDigest {
    const d = this.digests.get(cadreId);
    return { cadreId, trips: d ? [...d.trips.values()] : [], absences: d ? [...d.absences.values()] : [] };
  }

  registrationsOf(cadreId: string, years: Iterable<number>): Registration[] {
    const out: Registration[] = [];
    for (const y of years) {
      const row = this.registrations.get(registrationId(cadreId, y));
      if (row && !row.deleted) out.push(row.record);
    }
    return out;
  }

  liveCadre(cadreId: string): Cadre | undefined {
    const row = this.cadres.get(cadreId);
    return row && !row.deleted ? row.record : undefined;
  }
}

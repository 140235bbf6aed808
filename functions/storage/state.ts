/**
 * The state table: what is derived from an org's rows and kept current by its publishes, so
 * that a publish reads only what its request touches and `GET compliance` reads one partition.
 *
 * - `<org>` / `lease`: one writer of the org at a time (holder, expiry), whether the derived
 *   state must be rebuilt (`stale`), the storage layout of the org's rows, and the generation
 *   of the year states (`gen`; a units or policy change starts a new one).
 * - `<org>_cadres` / `c_<cadreId>`: each cadre's live trips (with their versions) and absences.
 * - `<org>_y<year>` / `m`: a year's state (its asOf, generation, policy, the codes of the units
 *   valid in the year); `c_<cadreId>`: the cadre-year's compliance row and summary parts.
 *
 * Nothing here is a source of truth: every entity can be rebuilt from `records`.
 */
import { odata, type TableClient, type TableEntity, type TransactionAction } from '@azure/data-tables';
import type { Absence, ComplianceRow, IsoDate, Policy, Trip } from '../../shared/models';
import { getGzipJson, getJson, putGzipJson, putJson, type EntityProps } from './entities';
import { guard, isContention, isNotFound } from './errors';
import { checkedKey, statePartition } from './keys';
import type { Tables } from './tables';
import type { StoredRow } from './types';

/** The org's rows are in trip buckets (layout 2) or all trips in one partition (before: 0). */
export const CURRENT_LAYOUT = 2;

export interface LeaseState {
  readonly holder: string;
  /** Epoch ms after which another writer may take the lease over. */
  readonly expires: number;
  readonly stale: boolean;
  readonly layout: number;
  readonly gen: number;
  readonly etag: string | null;
}

export interface CadreDigest {
  readonly cadreId: string;
  readonly trips: StoredRow<Trip>[];
  readonly absences: Absence[];
}

/** What one cadre-year adds to the year's summary. */
export interface CadreYearParts {
  /** Trips and counted half-days per category code. */
  readonly categories: Record<string, { trips: number; halves: number }>;
  /** Unit keys visited (a unit's code, or the text as written when it matches none). */
  readonly units: string[];
  readonly reports: { on_time: number; late: number; pending: number; overdue: number };
  readonly cost: number;
}

export interface CadreYearState {
  readonly cadreId: string;
  /** The compliance row, null when the cadre is not listed for the year. */
  readonly row: ComplianceRow | null;
  readonly parts: CadreYearParts;
}

export interface YearMeta {
  readonly asOf: IsoDate;
  readonly gen: number;
  readonly policy: Policy;
  /** Codes of the org's units valid on some date of the year, sorted. */
  readonly unitCodes: string[];
}

const CADRE_PREFIX = 'c_';
const META = 'm';

async function collect<T extends object>(iter: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iter) out.push(item);
  return out;
}

export class StateStore {
  constructor(private readonly tables: Tables) {}

  private get client(): TableClient {
    return this.tables.clients.state;
  }

  async getLease(org: string): Promise<LeaseState> {
    await guard(() => this.tables.ensure());
    try {
      const e = await guard(() => this.client.getEntity<EntityProps>(statePartition(org, 'lease'), 'lease'));
      return {
        holder: typeof e.holder === 'string' ? e.holder : '',
        expires: typeof e.expires === 'number' ? e.expires : 0,
        stale: e.stale === true,
        layout: typeof e.layout === 'number' ? e.layout : 0,
        gen: typeof e.gen === 'number' ? e.gen : 0,
        etag: String(e.etag),
      };
    } catch (err) {
      if (isNotFound(err)) return { holder: '', expires: 0, stale: true, layout: 0, gen: 0, etag: null };
      throw err;
    }
  }

  /** Writes the lease if it is still `expected` (its etag); null when another writer changed it. */
  async putLease(org: string, next: Omit<LeaseState, 'etag'>, expected: string | null): Promise<string | null> {
    const entity: TableEntity<EntityProps> = {
      partitionKey: statePartition(org, 'lease'),
      rowKey: 'lease',
      holder: next.holder,
      expires: next.expires,
      stale: next.stale,
      layout: next.layout,
      gen: next.gen,
    };
    try {
      const response = await guard(() =>
        expected === null ? this.client.createEntity(entity) : this.client.updateEntity(entity, 'Replace', { etag: expected }),
      );
      return String(response.etag);
    } catch (err) {
      if (isContention(err) || isNotFound(err)) return null;
      throw err;
    }
  }

  async getDigests(org: string, cadreIds: Iterable<string>, concurrency = 16): Promise<Map<string, CadreDigest>> {
    const ids = [...new Set(cadreIds)];
    const out = new Map<string, CadreDigest>();
    const pk = statePartition(org, 'cadres');
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(concurrency, ids.length) }, async () => {
        while (next < ids.length) {
          const id = ids[next++];
          try {
            const e = await guard(() => this.client.getEntity<EntityProps>(pk, checkedKey(`${CADRE_PREFIX}${id}`)));
            out.set(id, digestOf(id, e));
          } catch (err) {
            if (!isNotFound(err)) throw err;
            out.set(id, { cadreId: id, trips: [], absences: [] });
          }
        }
      }),
    );
    return out;
  }

  async listDigests(org: string): Promise<CadreDigest[]> {
    const pk = statePartition(org, 'cadres');
    const entities = await guard(() => collect(this.client.listEntities<EntityProps>({ queryOptions: { filter: odata`PartitionKey eq ${pk}` } })));
    return entities.map((e) => digestOf(String(e.rowKey).slice(CADRE_PREFIX.length), e));
  }

  /** Stores digests (an empty one is removed) and removes the digests of `remove`. */
  async putDigests(org: string, digests: Iterable<CadreDigest>, remove: Iterable<string> = []): Promise<void> {
    const pk = statePartition(org, 'cadres');
    const actions: TransactionAction[] = [];
    for (const d of digests) {
      const rowKey = checkedKey(`${CADRE_PREFIX}${d.cadreId}`);
      if (d.trips.length === 0 && d.absences.length === 0) {
        actions.push(['delete', { partitionKey: pk, rowKey }]);
        continue;
      }
      const entity: TableEntity<EntityProps> = { partitionKey: pk, rowKey };
      putGzipJson(entity, 'digest', { trips: d.trips, absences: d.absences });
      actions.push(['upsert', entity, 'Replace']);
    }
    for (const id of remove) actions.push(['delete', { partitionKey: pk, rowKey: checkedKey(`${CADRE_PREFIX}${id}`) }]);
    await this.submit(actions);
  }

  async getYearMeta(org: string, year: number): Promise<YearMeta | null> {
    try {
      const e = await guard(() => this.client.getEntity<EntityProps>(statePartition(org, year), META));
      return getJson(e, 'meta') as YearMeta;
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  /** A year's meta and cadre-year rows, read in one query of its partition. */
  async readYear(org: string, year: number): Promise<{ meta: YearMeta | null; rows: CadreYearState[] }> {
    const pk = statePartition(org, year);
    const entities = await guard(() => collect(this.client.listEntities<EntityProps>({ queryOptions: { filter: odata`PartitionKey eq ${pk}` } })));
    let meta: YearMeta | null = null;
    const rows: CadreYearState[] = [];
    for (const e of entities) {
      if (e.rowKey === META) meta = getJson(e, 'meta') as YearMeta;
      else rows.push(getJson(e, 'state') as CadreYearState);
    }
    return { meta, rows };
  }

  /** Stores cadre-year rows; with `meta`, the whole year (rows of other cadres removed, meta last). */
  async putYear(org: string, year: number, rows: readonly CadreYearState[], meta?: YearMeta): Promise<void> {
    const pk = statePartition(org, year);
    const actions: TransactionAction[] = [];
    const keep = new Set<string>();
    for (const r of rows) {
      const rowKey = checkedKey(`${CADRE_PREFIX}${r.cadreId}`);
      keep.add(rowKey);
      const entity: TableEntity<EntityProps> = { partitionKey: pk, rowKey };
      putJson(entity, 'state', r);
      actions.push(['upsert', entity, 'Replace']);
    }
    if (meta) {
      const existing = await guard(() =>
        collect(this.client.listEntities<EntityProps>({ queryOptions: { filter: odata`PartitionKey eq ${pk}`, select: ['RowKey'] } })),
      );
      for (const e of existing) {
        const rk = String(e.rowKey);
        if (rk !== META && !keep.has(rk)) actions.push(['delete', { partitionKey: pk, rowKey: rk }]);
      }
    }
    await this.submit(actions);
    if (meta) {
      const entity: TableEntity<EntityProps> = { partitionKey: pk, rowKey: META };
      putJson(entity, 'meta', meta);
      await guard(() => this.client.upsertEntity(entity, 'Replace'));
    }
  }

  /** Transactions of ≤ 100 actions of one partition, 4 at a time. */
  private async submit(actions: readonly TransactionAction[]): Promise<void> {
    const chunks: TransactionAction[][] = [];
    for (let i = 0; i < actions.length; i += 100) chunks.push(actions.slice(i, i + 100));
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(4, chunks.length) }, async () => {
        while (next < chunks.length) {
          const chunk = chunks[next++];
          try {
            await guard(() => this.client.submitTransaction(chunk));
          } catch (err) {
            // a delete of an entity already gone fails the whole transaction: do them one by one
            if (!isNotFound(err)) throw err;
            for (const action of chunk) {
              try {
                await guard(() => this.client.submitTransaction([action]));
              } catch (one) {
                if (!isNotFound(one)) throw one;
              }
            }
          }
        }
      }),
    );
  }
}

function digestOf(cadreId: string, e: EntityProps): CadreDigest {
  const body = getGzipJson(e, 'digest') as { trips: StoredRow<Trip>[]; absences: Absence[] };
  return { cadreId, trips: body.trips, absences: body.absences };
}

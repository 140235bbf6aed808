/**
 * The storage operations the API needs, over the tables of `tables.ts`. Every query is built
 * with the SDK's `odata` tag; every row write is conditional on the version (ETag) it was
 * planned from and goes into one entity-group transaction with its audit entity.
 */
import { randomBytes } from 'node:crypto';
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { compareCodePoints } from '../../shared/code-points';
import { KIND_LIST } from '../../shared/kinds';
import type { HistoryRow } from '../../shared/wire/compliance';
import type { IsoDate, Summary } from '../../shared/models';
import { planBatches, DEFAULT_BATCH_LIMITS, type BatchLimits } from './batches';
import { auditEntity, auditEntityToRows, entityToStoredRow, getGzipJson, getJson, putGzipJson, putJson, rowEntity, type EntityProps } from './entities';
import { guard, isContention, isNotFound, isUnavailable } from './errors';
import { StorageUnavailableError } from '../http/errors';
import {
  AUDIT_PREFIX,
  compactInstant,
  checkedKey,
  ORGS_PARTITION,
  ROW_PREFIX,
  ROW_PREFIX_END,
  recordsPartition,
  rowKey,
  rowPartition,
  tripPartitions,
  yearPartition,
  type PartitionKind,
} from './keys';
import { Limiter } from './limit';
import type { Tables } from './tables';
import type { AuditRow, PlannedWrite, StoredRow } from './types';

export const AUDITED_PARTITIONS: readonly PartitionKind[] = [...KIND_LIST, 'policies', 'members', 'profile', 'years'];

/** Partitions holding rows of a kind: trips' buckets, then the layout before buckets (read until migrated). */
export function partitionsOf(org: string, kind: PartitionKind): string[] {
  return kind === 'trips' ? [...tripPartitions(org), recordsPartition(org, 'trips')] : [recordsPartition(org, kind)];
}

export interface CommitResult {
  /** New versions of the rows written. */
  readonly versions: Map<string, string>;
  /** Rows not written because their stored version changed meanwhile (re-read and re-plan). */
  readonly contended: string[];
  /** Rows not written because their write failed unexpectedly (alone, after its batch failed). */
  readonly failed: Map<string, unknown>;
}

let sequence = 0;
/** Unique within the process and increasing, so audit records of one millisecond keep their order. */
const uniqueSuffix = (): string => `${(sequence++ % 0x100000000).toString(16).padStart(8, '0')}${randomBytes(4).toString('hex')}`;

async function collect<T extends object>(iter: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iter) out.push(item);
  return out;
}

async function eachLimited<T>(items: readonly T[], limiter: Limiter, work: (item: T) => Promise<void>): Promise<void> {
  let failure: unknown = null;
  await Promise.all(
    items.map((item) =>
      limiter.run(async () => {
        if (failure !== null) return;
        try {
          await work(item);
        } catch (err) {
          failure ??= err;
        }
      }),
    ),
  );
  if (failure !== null) throw failure;
}

export class Store {
  constructor(
    private readonly tables: Tables,
    private readonly limits: BatchLimits = DEFAULT_BATCH_LIMITS,
    private readonly transactionConcurrency = 4,
  ) {}

  private get records(): TableClient {
    return this.tables.clients.records;
  }

  /** Creates the tables on first use. */
  ready(): Promise<void> {
    return guard(() => this.tables.ensure());
  }

  /** One cheap round trip: throws StorageUnavailableError when storage cannot be reached. */
  async ping(): Promise<void> {
    await this.ready();
    await guard(async () => {
      const pages = this.tables.clients.orgs.listEntities({ queryOptions: { select: ['RowKey'] } }).byPage({ maxPageSize: 1 });
      await pages.next();
    });
  }

  /** Every stored row of one partition, deleted markers included. */
  async listPartitionRows<T>(pk: string): Promise<StoredRow<T>[]> {
    await this.ready();
    const entities = await guard(() =>
      collect(
        this.records.listEntities<EntityProps>({
          queryOptions: { filter: odata`PartitionKey eq ${pk} and RowKey ge ${ROW_PREFIX} and RowKey lt ${ROW_PREFIX_END}` },
        }),
      ),
    );
    return entities.map((e) => entityToStoredRow<T>(e));
  }

  /** Every stored row of one kind of an org, deleted markers included (trips: every bucket, and the layout before buckets). */
  async listRows<T>(org: string, kind: PartitionKind): Promise<Map<string, StoredRow<T>>> {
    const partitions = partitionsOf(org, kind).reverse(); // the layout before buckets first: a bucket's row wins
    const lists = await Promise.all(partitions.map((pk) => this.listPartitionRows<T>(pk)));
    const rows = new Map<string, StoredRow<T>>();
    for (const list of lists) for (const row of list) rows.set(row.id, row);
    return rows;
  }

  async getRow<T>(org: string, kind: PartitionKind, id: string): Promise<StoredRow<T> | null> {
    await this.ready();
    const read = async (pk: string): Promise<StoredRow<T> | null> => {
      try {
        const e = await guard(() => this.records.getEntity<EntityProps>(pk, rowKey(id)));
        return entityToStoredRow<T>(e);
      } catch (err) {
        if (isNotFound(err)) return null;
        throw err;
      }
    };
    const found = await read(rowPartition(org, kind, id));
    return found ?? (kind === 'trips' ? read(recordsPartition(org, 'trips')) : null);
  }

  /**
   * Writes rows with their audit: each transaction holds ≤ 99 row writes of one partition and
   * the one audit entity that records them, so a row is never stored without its audit record
   * (nor an audit record without its row). A transaction that loses a conditional write is
   * retried row by row; the rows that still lose come back in `contended`. A transaction that
   * fails for another reason (not "storage unavailable") is also retried row by row, so one
   * bad row never fails the others; the rows that still fail come back in `failed`.
   */
  async commit(
    org: string,
    kind: PartitionKind,
    writes: readonly PlannedWrite[],
    who: string,
    now: () => Date,
    limiter: Limiter = new Limiter(this.transactionConcurrency),
  ): Promise<CommitResult> {
    await this.ready();
    const versions = new Map<string, string>();
    const contended: string[] = [];
    const failed = new Map<string, unknown>();
    const byPartition = new Map<string, PlannedWrite[]>();
    for (const w of writes) {
      const pk = rowPartition(org, kind, w.id);
      const list = byPartition.get(pk);
      if (list) list.push(w);
      else byPartition.set(pk, [w]);
    }
    const run = async ({ pk, batch }: { pk: string; batch: readonly PlannedWrite[] }): Promise<void> => {
      const actions: TransactionAction[] = batch.map((w) => {
        const entity = rowEntity(pk, w.id, w.record, w.deleted);
        return w.expectedVersion === null
          ? (['create', entity] as TransactionAction)
          : (['update', entity, 'Replace', { etag: w.expectedVersion }] as TransactionAction);
      });
      actions.push(['create', auditEntity(pk, now(), uniqueSuffix(), who, batch.map((w) => w.change))]);
      try {
        const response = await this.records.submitTransaction(actions);
        for (const w of batch) {
          const etag = response.getResponseForEntity(rowKey(w.id))?.etag;
          if (etag) versions.set(w.id, etag);
        }
        const missing = batch.filter((w) => !versions.has(w.id));
        if (missing.length > 0) {
          for (const w of missing) {
            const stored = await this.getRow(org, kind, w.id);
            if (stored) versions.set(w.id, stored.version);
          }
        }
      } catch (err) {
        if (isContention(err)) {
          if (batch.length === 1) contended.push(batch[0].id);
          else for (const w of batch) await run({ pk, batch: [w] });
          return;
        }
        if (isUnavailable(err)) throw new StorageUnavailableError();
        if (batch.length === 1) failed.set(batch[0].id, err);
        else for (const w of batch) await run({ pk, batch: [w] });
      }
    };
    const work: Array<{ pk: string; batch: readonly PlannedWrite[] }> = [];
    for (const [pk, list] of byPartition) for (const batch of planBatches(list, this.limits)) work.push({ pk, batch });
    await eachLimited(work, limiter, run);
    return { versions, contended, failed };
  }

  /**
   * Moves the trips of the layout before buckets (`<org>_trips`) into their buckets, keeping
   * each row's ETag as `v0` (a version clients may still send), then removes the old rows.
   * Audit records stay where they are (listAudit reads that partition too). Idempotent: a run
   * cut short is completed by the next one (bucket rows are written before old ones go).
   * Returns the rows moved, as now stored (new ETag; the old one as `legacyVersion`).
   */
  async migrateLegacyTrips(org: string): Promise<StoredRow[]> {
    await this.ready();
    const legacy = recordsPartition(org, 'trips');
    const rows = await this.listPartitionRows(legacy);
    const moves = new Map<string, TransactionAction[]>();
    for (const row of rows) {
      const pk = rowPartition(org, 'trips', row.id);
      const list = moves.get(pk) ?? [];
      list.push(['upsert', rowEntity(pk, row.id, row.record, row.deleted, row.legacyVersion ?? row.version), 'Replace']);
      moves.set(pk, list);
    }
    const chunks: TransactionAction[][] = [];
    for (const list of moves.values()) for (let i = 0; i < list.length; i += 100) chunks.push(list.slice(i, i + 100));
    const removals = rows.map((row): TransactionAction => ['delete', { partitionKey: legacy, rowKey: rowKey(row.id) }]);
    const etags = new Map<string, string>();
    const run = async (all: TransactionAction[][]): Promise<void> => {
      let next = 0;
      await Promise.all(
        Array.from({ length: Math.min(this.transactionConcurrency, all.length) }, async () => {
          while (next < all.length) {
            const chunk = all[next++];
            const response = await guard(() => this.records.submitTransaction(chunk));
            for (const action of chunk) {
              const rk = String(action[1].rowKey);
              const etag = action[0] === 'upsert' ? response.getResponseForEntity(rk)?.etag : undefined;
              if (etag) etags.set(rk, etag);
            }
          }
        }),
      );
    };
    await run(chunks);
    const removalChunks: TransactionAction[][] = [];
    for (let i = 0; i < removals.length; i += 100) removalChunks.push(removals.slice(i, i + 100));
    await run(removalChunks);
    const moved: StoredRow[] = [];
    for (const row of rows) {
      const version = etags.get(rowKey(row.id));
      if (version) moved.push({ ...row, version, legacyVersion: row.legacyVersion ?? row.version });
      else {
        const fresh = await this.getRow(org, 'trips', row.id); // an answer without the entity's ETag
        if (fresh) moved.push(fresh);
      }
    }
    return moved;
  }

  /** Audit rows of an org between two instants (`from` inclusive, `to` exclusive), oldest first. */
  async listAudit(org: string, from: Date, to: Date): Promise<AuditRow[]> {
    await this.ready();
    const low = `${AUDIT_PREFIX}${compactInstant(from)}`;
    const high = `${AUDIT_PREFIX}${compactInstant(to)}`;
    const perPartition = await Promise.all(
      AUDITED_PARTITIONS.flatMap((kind) => partitionsOf(org, kind)).map((pk) => {
        return guard(() =>
          collect(
            this.records.listEntities<EntityProps>({
              queryOptions: { filter: odata`PartitionKey eq ${pk} and RowKey ge ${low} and RowKey lt ${high}` },
            }),
          ),
        );
      }),
    );
    return perPartition
      .flat()
      .sort((a, b) => compareCodePoints(String(a.rowKey), String(b.rowKey)))
      .flatMap((e) => auditEntityToRows(e));
  }

  /** Remembers that an org has data (for the nightly job). Idempotent. */
  async registerOrg(org: string): Promise<void> {
    await this.ready();
    await guard(() =>
      this.tables.clients.orgs.upsertEntity({ partitionKey: ORGS_PARTITION, rowKey: checkedKey(org) }, 'Replace'),
    );
  }

  async listOrgs(): Promise<string[]> {
    await this.ready();
    const entities = await guard(() =>
      collect(
        this.tables.clients.orgs.listEntities<EntityProps>({
          queryOptions: { filter: odata`PartitionKey eq ${ORGS_PARTITION}`, select: ['RowKey'] },
        }),
      ),
    );
    return entities.map((e) => String(e.rowKey)).sort();
  }

  /**
   * Stores a year's totals (one entity per cadre) so that they equal `rows`: unchanged ones are
   * not rewritten, stale ones are removed. Running it twice leaves the same stored state.
   */
  async putTotals(org: string, year: number, rows: ReadonlyArray<{ cadreId: string }>, meta: { asOf: IsoDate; computedAt: string }): Promise<number> {
    await this.ready();
    const client = this.tables.clients.totals;
    const pk = yearPartition(org, year);
    const existing = await guard(() =>
      collect(client.listEntities<EntityProps>({ queryOptions: { filter: odata`PartitionKey eq ${pk}` } })),
    );
    const byKey = new Map(existing.map((e) => [String(e.rowKey), e]));
    const actions: TransactionAction[] = [];
    for (const row of rows) {
      const rk = checkedKey(row.cadreId);
      const old = byKey.get(rk);
      byKey.delete(rk);
      if (old && old.asOf === meta.asOf && JSON.stringify(getJson(old, 'data')) === JSON.stringify(row)) continue;
      const entity: EntityProps & { partitionKey: string; rowKey: string } = { partitionKey: pk, rowKey: rk, asOf: meta.asOf, computedAt: meta.computedAt };
      putJson(entity, 'data', row);
      actions.push(['upsert', entity, 'Replace']);
    }
    for (const stale of byKey.values()) actions.push(['delete', { partitionKey: pk, rowKey: String(stale.rowKey) }]);
    for (let i = 0; i < actions.length; i += 100) {
      const chunk = actions.slice(i, i + 100);
      await guard(() => client.submitTransaction(chunk));
    }
    return actions.length;
  }

  async listTotals(org: string, year: number): Promise<Array<{ cadreId: string; data: unknown; asOf: string; computedAt: string }>> {
    await this.ready();
    const pk = yearPartition(org, year);
    const entities = await guard(() =>
      collect(this.tables.clients.totals.listEntities<EntityProps>({ queryOptions: { filter: odata`PartitionKey eq ${pk}` } })),
    );
    return entities.map((e) => ({ cadreId: String(e.rowKey), data: getJson(e, 'data'), asOf: String(e.asOf), computedAt: String(e.computedAt) }));
  }

  /** Stores the summary of a date; unchanged when the stored one has the same summary. */
  async putSnapshot(org: string, year: number, snapshot: HistoryRow): Promise<boolean> {
    await this.ready();
    const client = this.tables.clients.snapshots;
    const pk = yearPartition(org, year);
    const rk = checkedKey(snapshot.date);
    let old: EntityProps | null = null;
    try {
      old = await guard(() => client.getEntity<EntityProps>(pk, rk));
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    if (old && JSON.stringify(getJson(old, 'summary')) === JSON.stringify(snapshot.summary)) return false;
    const entity: EntityProps & { partitionKey: string; rowKey: string } = { partitionKey: pk, rowKey: rk, computedAt: snapshot.computedAt };
    putJson(entity, 'summary', snapshot.summary);
    await guard(() => client.upsertEntity(entity, 'Replace'));
    return true;
  }

  /** Stores the compliance frozen by one close of a year (gzipped JSON, binary chunks). */
  async putFrozen(org: string, year: number, key: string, body: unknown): Promise<void> {
    await this.ready();
    const entity: EntityProps & { partitionKey: string; rowKey: string } = { partitionKey: yearPartition(org, year), rowKey: checkedKey(key) };
    putGzipJson(entity, 'body', body);
    await guard(() => this.tables.clients.frozen.upsertEntity(entity, 'Replace'));
  }

  async getFrozen(org: string, year: number, key: string): Promise<unknown> {
    await this.ready();
    try {
      const e = await guard(() => this.tables.clients.frozen.getEntity<EntityProps>(yearPartition(org, year), checkedKey(key)));
      return getGzipJson(e, 'body');
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  async listSnapshots(org: string, year: number): Promise<HistoryRow[]> {
    await this.ready();
    const pk = yearPartition(org, year);
    const entities = await guard(() =>
      collect(this.tables.clients.snapshots.listEntities<EntityProps>({ queryOptions: { filter: odata`PartitionKey eq ${pk}` } })),
    );
    return entities
      .map((e) => ({ date: String(e.rowKey), summary: getJson(e, 'summary') as Summary, computedAt: String(e.computedAt) }))
      .sort((a, b) => compareCodePoints(a.date, b.date));
  }

  /**
   * The snapshot stored last for a year (latest `computedAt`; on a tie the later date), or
   * null: reads the keys of the year's snapshots, then that one summary.
   */
  async latestSnapshot(org: string, year: number): Promise<HistoryRow | null> {
    await this.ready();
    const client = this.tables.clients.snapshots;
    const pk = yearPartition(org, year);
    const keys = await guard(() =>
      collect(client.listEntities<EntityProps>({ queryOptions: { filter: odata`PartitionKey eq ${pk}`, select: ['RowKey', 'computedAt'] } })),
    );
    let best: { date: string; computedAt: string } | null = null;
    for (const e of keys) {
      const row = { date: String(e.rowKey), computedAt: String(e.computedAt) };
      if (!best || row.computedAt > best.computedAt || (row.computedAt === best.computedAt && row.date > best.date)) best = row;
    }
    if (!best) return null;
    try {
      const e = await guard(() => client.getEntity<EntityProps>(pk, best.date));
      return { date: best.date, summary: getJson(e, 'summary') as Summary, computedAt: String(e.computedAt) };
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }
}

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
import { guard, isContention, isNotFound, isUnavailable, StorageUnavailableError } from './errors';
import {
  AUDIT_PREFIX,
  compactInstant,
  checkedKey,
  DIGEST_PREFIX,
  digestKey,
  digestPartition,
  LAYOUT_KEY,
  ORGS_PARTITION,
  ROW_PREFIX,
  ROW_PREFIX_END,
  recordsPartition,
  rowKey,
  TRIP_BUCKETS,
  tripBucket,
  tripsPartition,
  yearPartition,
  type PartitionKind,
} from './keys';
import { goneEntry, liveEntry, mergeEntries, type DigestEntry } from './digest';
import type { Trip } from '../../shared/models';
import { Limiter } from './limit';
import type { StorageStats, Tables } from './tables';
import type { AuditRow, PlannedWrite, StoredRow } from './types';

export const AUDITED_PARTITIONS: readonly PartitionKind[] = [...KIND_LIST, 'policies', 'members', 'profile', 'years'];

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

/** Attempts of one digest's read-merge-write before giving up (each loses only to another writer's success). */
const DIGEST_ATTEMPTS = 50;
/** Trips of digests a process keeps in memory (measured: ~65 MB with the rows made from them for the engine). */
const DIGEST_CACHE_ENTRIES = 150_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Properties of a row entity that are its content (not keys, ETag or timestamps). */
function contentProps(e: EntityProps): EntityProps {
  const out: EntityProps = {};
  for (const [k, v] of Object.entries(e)) if (k === 'deleted' || k.startsWith('data')) out[k] = v;
  return out;
}

export class Store {
  /** Orgs whose trips are known to be in buckets (the `layout` entity seen or written). */
  private readonly laidOut = new Set<string>();
  private readonly layoutRuns = new Map<string, Promise<void>>();

  constructor(
    private readonly tables: Tables,
    private readonly limits: BatchLimits = DEFAULT_BATCH_LIMITS,
    private readonly transactionConcurrency = 4,
  ) {}

  private get records(): TableClient {
    return this.tables.clients.records;
  }

  /** Requests sent to storage so far (and their answers' bytes). */
  get stats(): Readonly<StorageStats> {
    return this.tables.stats;
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

  /** The partition a row is stored in: its kind's, for trips its bucket's. */
  private partitionOf(org: string, kind: PartitionKind, id: string): string {
    return kind === 'trips' ? tripsPartition(org, tripBucket(id)) : recordsPartition(org, kind);
  }

  private listRowEntities(pk: string): Promise<EntityProps[]> {
    return guard(() =>
      collect(
        this.records.listEntities<EntityProps>({
          queryOptions: { filter: odata`PartitionKey eq ${pk} and RowKey ge ${ROW_PREFIX} and RowKey lt ${ROW_PREFIX_END}` },
        }),
      ),
    );
  }

  /** Every stored row of one kind of an org, deleted markers included (trips: every bucket). */
  async listRows<T>(org: string, kind: PartitionKind): Promise<Map<string, StoredRow<T>>> {
    await this.ready();
    let entities: EntityProps[];
    if (kind === 'trips') {
      await this.ensureLayout(org);
      const buckets = Array.from({ length: TRIP_BUCKETS }, (_, n) => tripsPartition(org, n));
      entities = (await Promise.all(buckets.map((pk) => this.listRowEntities(pk)))).flat();
    } else {
      entities = await this.listRowEntities(recordsPartition(org, kind));
    }
    const rows = new Map<string, StoredRow<T>>();
    for (const e of entities) {
      const row = entityToStoredRow<T>(e);
      rows.set(row.id, row);
    }
    return rows;
  }

  async getRow<T>(org: string, kind: PartitionKind, id: string): Promise<StoredRow<T> | null> {
    await this.ready();
    if (kind === 'trips') await this.ensureLayout(org);
    try {
      const e = await guard(() => this.records.getEntity<EntityProps>(this.partitionOf(org, kind, id), rowKey(id)));
      return entityToStoredRow<T>(e);
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  /**
   * Writes rows of one partition with their audit: each transaction holds ≤ 99 row writes and
   * the one audit entity that records them, so a row is never stored without its audit record
   * (nor an audit record without its row). A transaction that loses a conditional write is
   * retried row by row; the rows that still lose come back in `contended`. A transaction that
   * fails for another reason (not "storage unavailable") is also retried row by row, so one
   * bad row never fails the others; the rows that still fail come back in `failed`.
   *
   * Trips go to their buckets (a transaction per bucket, its audit entity in that bucket).
   * With `wholeBatches` (trips' first round) a transaction that loses a conditional write
   * returns all its rows in `contended`: the caller reads them again at once, rather than one
   * write and one read per row (a retried request of new trips loses every transaction).
   */
  async commit(
    org: string,
    kind: PartitionKind,
    writes: readonly PlannedWrite[],
    who: string,
    now: () => Date,
    limiter: Limiter = new Limiter(this.transactionConcurrency),
    wholeBatches = kind === 'trips',
  ): Promise<CommitResult> {
    await this.ready();
    if (kind === 'trips') await this.ensureLayout(org);
    const versions = new Map<string, string>();
    const contended: string[] = [];
    const failed = new Map<string, unknown>();
    const byPartition = new Map<string, PlannedWrite[]>();
    for (const w of writes) {
      const pk = this.partitionOf(org, kind, w.id);
      const list = byPartition.get(pk) ?? [];
      list.push(w);
      byPartition.set(pk, list);
    }
    const run = async (batch: readonly PlannedWrite[]): Promise<void> => {
      const pk = this.partitionOf(org, kind, batch[0].id);
      const actions: TransactionAction[] = batch.map((w) => {
        const entity = rowEntity(pk, w.id, w.record, w.deleted, w.seq);
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
          if (batch.length === 1 || wholeBatches) contended.push(...batch.map((w) => w.id));
          else for (const w of batch) await run([w]);
          return;
        }
        if (isUnavailable(err)) throw new StorageUnavailableError(err);
        if (batch.length === 1) failed.set(batch[0].id, err);
        else for (const w of batch) await run([w]);
      }
    };
    const batches = [...byPartition.values()].flatMap((list) => planBatches(list, this.limits));
    await eachLimited(batches, limiter, run);
    return { versions, contended, failed };
  }

  /** Audit rows of an org between two instants (`from` inclusive, `to` exclusive), oldest first. */
  async listAudit(org: string, from: Date, to: Date): Promise<AuditRow[]> {
    await this.ready();
    const low = `${AUDIT_PREFIX}${compactInstant(from)}`;
    const high = `${AUDIT_PREFIX}${compactInstant(to)}`;
    const partitions = [
      ...AUDITED_PARTITIONS.map((kind) => recordsPartition(org, kind)),
      ...Array.from({ length: TRIP_BUCKETS }, (_, n) => tripsPartition(org, n)),
    ];
    const perPartition = await Promise.all(
      partitions.map((pk) => {
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

  // --- trip digests (digest.ts) and the layout of trips ------------------------------------

  private get digests(): TableClient {
    return this.tables.clients.digests;
  }

  private async getDigest(org: string, key: string): Promise<{ etag: string | null; entries: DigestEntry[] }> {
    try {
      const e = await guard(() => this.digests.getEntity<EntityProps>(digestPartition(org), key));
      const entries = getGzipJson(e, 'trips') as DigestEntry[];
      this.remember(org, key, String(e.etag), entries);
      return { etag: String(e.etag), entries };
    } catch (err) {
      if (isNotFound(err)) return { etag: null, entries: [] };
      throw err;
    }
  }

  /**
   * Digests this process read or wrote last, by org and key, with their ETags: a digest whose
   * stored ETag is the remembered one is not read again, and a merge first writes conditional
   * on the remembered ETag without reading (another process's write makes it read). At most
   * DIGEST_CACHE_ENTRIES trips in all (the oldest dropped first).
   */
  private readonly digestCache = new Map<string, { etag: string; entries: DigestEntry[] }>();
  private digestCacheSize = 0;

  private remember(org: string, key: string, etag: string, entries: DigestEntry[]): void {
    const id = `${org}/${key}`;
    const old = this.digestCache.get(id);
    if (old) {
      this.digestCacheSize -= old.entries.length;
      this.digestCache.delete(id);
    }
    this.digestCache.set(id, { etag, entries });
    this.digestCacheSize += entries.length;
    for (const [k, v] of this.digestCache) {
      if (this.digestCacheSize <= DIGEST_CACHE_ENTRIES) break;
      this.digestCache.delete(k);
      this.digestCacheSize -= v.entries.length;
    }
  }

  private cached(org: string, key: string): { etag: string; entries: DigestEntry[] } | undefined {
    return this.digestCache.get(`${org}/${key}`);
  }

  /** The digests of some cadre-years (`digestKey`), an absent one as empty. */
  async readDigests(org: string, keys: Iterable<string>): Promise<Map<string, DigestEntry[]>> {
    await this.ready();
    const out = new Map<string, DigestEntry[]>();
    const list = [...new Set(keys)];
    await eachLimited(list, new Limiter(8), async (key) => {
      out.set(key, (await this.getDigest(org, key)).entries);
    });
    return out;
  }

  /**
   * Every digest of an org, or of one year: key → entries. Lists the keys and ETags only; the
   * digests this process does not hold at that ETag are then read.
   */
  async listDigests(org: string, year?: number): Promise<Map<string, DigestEntry[]>> {
    await this.ready();
    const pk = digestPartition(org);
    const low = year === undefined ? DIGEST_PREFIX : `${DIGEST_PREFIX}${year}_`;
    const high = year === undefined ? `${DIGEST_PREFIX}~` : `${DIGEST_PREFIX}${year}\``;
    const keys = await guard(() =>
      collect(
        this.digests.listEntities<EntityProps>({
          queryOptions: { filter: odata`PartitionKey eq ${pk} and RowKey ge ${low} and RowKey lt ${high}`, select: ['RowKey'] },
        }),
      ),
    );
    const out = new Map<string, DigestEntry[]>();
    const missing: string[] = [];
    for (const e of keys) {
      const key = String(e.rowKey);
      const hit = this.cached(org, key);
      if (hit && hit.etag === String(e.etag)) out.set(key, hit.entries);
      else missing.push(key);
    }
    for (const [key, entries] of await this.readDigests(org, missing)) out.set(key, entries);
    return new Map([...out].sort(([a], [b]) => compareCodePoints(a, b)));
  }

  /**
   * Merges entries into digests (the higher seq wins per id), each digest by read, merge and a
   * write conditional on what was read (create-if-absent for a new one), again on a lost race:
   * writers of different cadre-years never wait for each other, writers of one retry. Answers
   * every merged digest's entries.
   */
  async mergeDigests(org: string, changes: ReadonlyMap<string, readonly DigestEntry[]>): Promise<Map<string, DigestEntry[]>> {
    await this.ready();
    const pk = digestPartition(org);
    const out = new Map<string, DigestEntry[]>();
    await eachLimited([...changes.keys()], new Limiter(8), async (key) => {
      for (let attempt = 1; ; attempt++) {
        // first the remembered digest, written conditional on its ETag without a read
        const { etag, entries } = (attempt === 1 ? this.cached(org, key) : undefined) ?? (await this.getDigest(org, key));
        const merged = mergeEntries(entries, changes.get(key) ?? []);
        if (!merged.changed) {
          out.set(key, merged.entries);
          return;
        }
        const entity: EntityProps & { partitionKey: string; rowKey: string } = { partitionKey: pk, rowKey: key, n: merged.entries.length };
        putGzipJson(entity, 'trips', merged.entries, 1);
        try {
          const written = etag === null ? await guard(() => this.digests.createEntity(entity)) : await guard(() => this.digests.updateEntity(entity, 'Replace', { etag }));
          if (written.etag) this.remember(org, key, written.etag, merged.entries);
          out.set(key, merged.entries);
          return;
        } catch (err) {
          if (!isContention(err) || attempt >= DIGEST_ATTEMPTS) throw err;
          await sleep(Math.random() * Math.min(50, 2 * attempt));
        }
      }
    });
    return out;
  }

  /**
   * Makes sure an org's trips are in their buckets: once per process an org is checked (the
   * `layout` entity), and an org written before buckets has its rows of `<org>_trips` copied to
   * their buckets (create-if-absent, keeping the old ETag as `v0`, write count 0), its digests
   * built, its old rows removed, then `layout` written. Idempotent: a run cut short is finished
   * by the next request; concurrent runs agree (a copy never overwrites, digests merge by seq).
   */
  async ensureLayout(org: string): Promise<void> {
    if (this.laidOut.has(org)) return;
    let run = this.layoutRuns.get(org);
    if (!run) {
      run = this.layOut(org).finally(() => this.layoutRuns.delete(org));
      this.layoutRuns.set(org, run);
    }
    await run;
  }

  private async layOut(org: string): Promise<void> {
    await this.ready();
    const pk = digestPartition(org);
    try {
      await guard(() => this.digests.getEntity<EntityProps>(pk, LAYOUT_KEY));
      this.laidOut.add(org);
      return;
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    const old = await this.listRowEntities(recordsPartition(org, 'trips'));
    if (old.length > 0) await this.moveOldTrips(org, old);
    await guard(() => this.digests.upsertEntity({ partitionKey: pk, rowKey: LAYOUT_KEY, trips: 'buckets' }, 'Replace'));
    this.laidOut.add(org);
  }

  private async moveOldTrips(org: string, old: readonly EntityProps[]): Promise<void> {
    const byBucket = new Map<number, EntityProps[]>();
    for (const e of old) {
      const id = String(e.rowKey).slice(ROW_PREFIX.length);
      const list = byBucket.get(tripBucket(id)) ?? [];
      list.push({ ...contentProps(e), partitionKey: tripsPartition(org, tripBucket(id)), rowKey: String(e.rowKey), seq: 0, v0: String(e.etag) });
      byBucket.set(tripBucket(id), list);
    }
    const create = async (entity: EntityProps & { partitionKey: string; rowKey: string }): Promise<void> => {
      try {
        await guard(() => this.records.createEntity(entity));
      } catch (err) {
        if (!isContention(err)) throw err; // already moved (maybe written since): keep it
      }
    };
    const chunks: Array<Array<EntityProps & { partitionKey: string; rowKey: string }>> = [];
    for (const list of byBucket.values()) for (let i = 0; i < list.length; i += 100) chunks.push(list.slice(i, i + 100) as Array<EntityProps & { partitionKey: string; rowKey: string }>);
    await eachLimited(chunks, new Limiter(4), async (chunk) => {
      try {
        await guard(() => this.records.submitTransaction(chunk.map((e) => ['create', e] as TransactionAction)));
      } catch (err) {
        if (!isContention(err)) throw err;
        for (const e of chunk) await create(e);
      }
    });
    // Digests from the rows as they are now in the buckets.
    const moved = new Set(old.map((e) => String(e.rowKey).slice(ROW_PREFIX.length)));
    const rows = await Promise.all(Array.from({ length: TRIP_BUCKETS }, (_, n) => this.listRowEntities(tripsPartition(org, n))));
    const changes = new Map<string, DigestEntry[]>();
    for (const e of rows.flat()) {
      const row = entityToStoredRow<Trip>(e);
      if (!moved.has(row.id)) continue;
      const seq = row.seq ?? 0;
      const entry = row.deleted ? goneEntry(row.id, seq) : liveEntry(row.id, seq, row.record);
      for (let y = Number(row.record.startDate.slice(0, 4)); y <= Number(row.record.endDate.slice(0, 4)); y++) {
        const key = digestKey(y, row.record.cadreId);
        changes.set(key, [...(changes.get(key) ?? []), entry]);
      }
    }
    await this.mergeDigests(org, changes);
    const oldPk = recordsPartition(org, 'trips');
    const deletes: string[][] = [];
    const keys = old.map((e) => String(e.rowKey));
    for (let i = 0; i < keys.length; i += 100) deletes.push(keys.slice(i, i + 100));
    const remove = async (rk: string): Promise<void> => {
      try {
        await guard(() => this.records.deleteEntity(oldPk, rk));
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    };
    await eachLimited(deletes, new Limiter(4), async (chunk) => {
      try {
        await guard(() => this.records.submitTransaction(chunk.map((rk) => ['delete', { partitionKey: oldPk, rowKey: rk }] as TransactionAction)));
      } catch (err) {
        if (!isNotFound(err)) throw err;
        for (const rk of chunk) await remove(rk);
      }
    });
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

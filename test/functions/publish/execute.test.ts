/**
 * Cost follows the request, not the org (issue 8 item 10), proven by what storage is asked:
 * a publish into an org holding a thousand trips in other cadre-years sends the same storage
 * requests, and reads the same bytes, as into an org holding none; `GET compliance` of a year
 * reads no trip row and nothing of other years. And publishes to one org in parallel (one
 * cadre-year and several) all succeed, nothing lost or doubled, compliance as from scratch.
 */
import { odata, TableClient } from '@azure/data-tables';
import { createServices } from '../../../functions/services';
import { TRIP_BUCKETS } from '../../../functions/storage/keys';
import { computeCompliance } from '../../../functions/handlers/compliance';
import { loadOrgState } from '../../../functions/domain/org-state';
import { Store } from '../../../functions/storage/store';
import { createTables } from '../../../functions/storage/tables';
import { KEYS, startTestApi, testConnectionString, uniquePrefix, type TestApi } from '../../support/api';
import { cadre, NOW, trip } from '../../support/fixtures';

const roster = Array.from({ length: 20 }, (_, i) => cadre(`CB${String(i).padStart(2, '0')}`));
const pad = (n: number): string => String(n).padStart(2, '0');
/** n trips of the given cadres in `year`, one or two days each, spread over the year. */
function trips(prefix: string, n: number, cadreIds: readonly string[], year: number): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => {
    const day = 1 + (i % 27);
    const month = 1 + (Math.floor(i / cadreIds.length) % 12);
    return trip(`${prefix}-${i}`, cadreIds[i % cadreIds.length], `${day}/${month}/${year}`, `${day + (i % 2)}/${month}/${year}`, { orderNo: `QĐ-${i % 7}` });
  });
}
const ids = (from: number, to: number): string[] => Array.from({ length: to - from }, (_, i) => `CB${pad(from + i)}`);

/** A dev host whose storage requests are counted. */
async function countedApi(prefix: string): Promise<{ api: TestApi; store: Store }> {
  const store = new Store(createTables({ connectionString: testConnectionString(), prefix }));
  const api = await startTestApi({ TABLE_PREFIX: prefix }, { now: () => NOW, log: () => undefined, store });
  return { api, store };
}

async function measured<T>(store: Store, work: () => Promise<T>): Promise<{ result: T; requests: number; bytes: number }> {
  const before = { ...store.stats };
  const result = await work();
  return { result, requests: store.stats.requests - before.requests, bytes: store.stats.bytesReceived - before.bytesReceived };
}

describe('cost follows the request', () => {
  const prefix = uniquePrefix('cost');
  let api: TestApi;
  let store: Store;
  const publish = (org: string, kind: string, rows: unknown[]) => api.call('POST', `/api/orgs/${org}/${kind}/publish?asOf=2025-12-31`, { key: KEYS.all, body: { rows } });

  beforeAll(async () => {
    ({ api, store } = await countedApi(prefix));
    for (const org of ['small', 'big']) expect((await publish(org, 'cadres', roster)).status).toBe(200);
    // "big": 1,000 trips of 2024 and 200 of 2025 of cadres the measured publish does not touch
    const seeded = await publish('big', 'trips', [...trips('old', 1000, ids(0, 20), 2024), ...trips('other', 200, ids(10, 20), 2025)]);
    expect(seeded.body.summary.created).toBe(1200);
    // both orgs touched once (the check of their layout is made once per process)
    expect((await publish('small', 'trips', [trip('warm', 'CB19', '01/01/2026', '01/01/2026')])).body.summary.created).toBe(1);
  });
  afterAll(() => api.close());

  it('a publish into an org of 1,200 trips asks storage what the same publish into an empty org asks', async () => {
    const rows = trips('new', 200, ids(0, 10), 2025);
    const small = await measured(store, () => publish('small', 'trips', rows));
    const big = await measured(store, () => publish('big', 'trips', rows));
    for (const m of [small, big]) {
      expect(m.result.status).toBe(200);
      expect(m.result.body.summary.created).toBe(200);
    }
    expect(big.requests).toBe(small.requests);
    expect(big.bytes).toBeLessThan(small.bytes * 1.05 + 1024);
    // the writes spread over the org's trip buckets (each transaction one bucket's)
    const records = TableClient.fromConnectionString(testConnectionString(), `${prefix}records`, { allowInsecureConnection: true });
    const partitions = new Set<string>();
    for await (const e of records.listEntities({ queryOptions: { filter: odata`PartitionKey gt ${'small_trips_'} and PartitionKey lt ${'small_trips`'}`, select: ['PartitionKey'] } })) {
      partitions.add(String(e.partitionKey));
    }
    expect(partitions.size).toBeGreaterThan(TRIP_BUCKETS / 2);
    // and the answers are the same: those cadre-years hold the same trips in both orgs
    const strip = (r: { results: Array<Record<string, unknown>>; compliance: unknown }) => ({ derived: r.results.map((x) => [x.id, x.derived, x.warnings]), compliance: r.compliance });
    expect(strip(big.result.body)).toEqual(strip(small.result.body));
  });

  it('an update or a delete reads only the rows it names', async () => {
    const current = (await api.call('GET', '/api/orgs/big/trips?year=2025', { key: KEYS.all })).body.rows as Array<{ id: string; version: string }>;
    const named = current.filter((r) => r.id.startsWith('new-')).slice(0, 5);
    const edit = await measured(store, () =>
      publish('big', 'trips', [
        ...named.slice(0, 3).map((r, i) => ({ ...trip(r.id, 'CB01', `0${i + 1}/02/2025`, `0${i + 1}/02/2025`), version: r.version })),
        ...named.slice(3).map((r) => ({ id: r.id, deleted: true, version: r.version })),
      ]),
    );
    expect(edit.result.body.summary).toMatchObject({ updated: 3, deleted: 2 });
    // base collections (7 queries) + 5 reads + ≤ 5 transactions + the org index + ≤ 2 cadre-years' digests (read, write)
    expect(edit.requests).toBeLessThanOrEqual(7 + 5 + 5 + 1 + 2 * 2 * 2);
  });

  it('GET compliance of a year reads no trip row and nothing of other years', async () => {
    // fresh processes: nothing remembered
    const a = await countedApi(prefix);
    await a.store.ready(); // the tables, checked once per process
    try {
      const y2025 = await measured(a.store, () => a.api.call('GET', '/api/orgs/big/compliance?year=2025&asOf=2025-12-31', { key: KEYS.all }));
      const y2025small = await measured(a.store, () => a.api.call('GET', '/api/orgs/small/compliance?year=2025&asOf=2025-12-31', { key: KEYS.all }));
      expect(y2025.result.status).toBe(200);
      // big has 2025 digests of 20 cadres, small of 10: one read each, besides the same queries
      expect(y2025.requests - y2025small.requests).toBe(10);
      // the 1,000 trips of 2024 are not read: the bytes are those of 2025 (400 trips), not 1,400
      const again = await measured(a.store, () => a.api.call('GET', '/api/orgs/big/compliance?year=2025&asOf=2025-12-31', { key: KEYS.all }));
      expect(again.requests).toBe(y2025.requests - 21); // read once: the digests are remembered by their ETags (and the layout)
      const rows = await measured(a.store, () => a.api.call('GET', '/api/orgs/big/trips?year=2025', { key: KEYS.all }));
      expect(y2025.bytes).toBeLessThan(rows.bytes / 4);
    } finally {
      await a.api.close();
    }
    // the same figures as the engine over every stored row
    const services = createServices({ TABLES_CONNECTION_STRING: testConnectionString(), TABLE_PREFIX: prefix }, { now: () => NOW, log: () => undefined });
    for (const year of [2024, 2025]) {
      const full = await computeCompliance(services, 'big', year, '2025-12-31', await loadOrgState(services.store, 'big'));
      const served = (await api.call('GET', `/api/orgs/big/compliance?year=${year}&asOf=2025-12-31`, { key: KEYS.all })).body;
      expect({ cadres: served.cadres, summary: served.summary }).toEqual({ cadres: full.cadres, summary: full.summary });
    }
  });
});

describe('publishes to one org in parallel', () => {
  let api: TestApi;
  const org = 'demo';
  const publish = (kind: string, rows: unknown[], key: string = KEYS.editor) => api.call('POST', `/api/orgs/${org}/${kind}/publish?asOf=2025-12-31`, { key, body: { rows } });

  beforeAll(async () => {
    api = await startTestApi({}, { now: () => NOW, log: () => undefined });
    expect((await publish('cadres', roster.slice(0, 6))).status).toBe(200);
  });
  afterAll(() => api.close());

  it('all succeed, in one cadre-year and several; nothing lost or doubled; compliance as from scratch', async () => {
    const seeded = await publish('trips', trips('seed', 30, ['CB03'], 2025));
    const versions = new Map<string, string>((seeded.body.results as Array<{ id: string; version: string }>).map((r) => [r.id, r.version]));
    const moved = trips('seed', 30, ['CB03'], 2025).slice(0, 10).map((t) => ({ ...t, cadreId: 'CB04', version: versions.get(String(t.id)) }));
    const deleted = trips('seed', 30, ['CB03'], 2025).slice(10, 15).map((t) => ({ id: t.id, deleted: true, version: versions.get(String(t.id)) }));
    const sameCadre = [trips('a', 60, ['CB00'], 2025), trips('b', 60, ['CB00'], 2025), trips('c', 60, ['CB00', 'CB01'], 2025)];
    const requests = [
      ...sameCadre.map((rows) => publish('trips', rows)),
      publish('trips', trips('a', 60, ['CB00'], 2025), KEYS.admin), // the same rows as the first: each created once
      publish('trips', trips('d', 60, ['CB01', 'CB02'], 2025)),
      publish('trips', moved),
      publish('trips', deleted),
      publish('trips', trips('e', 40, ['CB05'], 2025).map((t, i) => ({ ...t, startDate: `${20 + (i % 10)}/12/2025`, endDate: `0${1 + (i % 5)}/01/2026` }))),
      publish('absences', [{ id: 'ab-1', cadreId: 'CB00', reason: 'sick', from: '01/03/2025', to: '10/03/2025' }]),
    ];
    const answers = await Promise.all(requests);
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    const [a1, , , a1again, , mv, del, , absence] = answers;
    expect(absence.body.summary.created).toBe(1);
    expect(a1.body.summary.created + a1again.body.summary.created).toBe(60);
    expect(a1.body.summary.created + a1.body.summary.unchanged).toBe(60);
    expect(a1again.body.summary.created + a1again.body.summary.unchanged).toBe(60);
    expect(mv.body.summary.updated).toBe(10);
    expect(del.body.summary.deleted).toBe(5);

    const expected = new Set<string>();
    for (const p of ['a', 'b', 'c', 'd']) for (let i = 0; i < 60; i++) expected.add(`${p}-${i}`);
    for (let i = 0; i < 40; i++) expected.add(`e-${i}`);
    for (let i = 0; i < 30; i++) if (i < 10 || i >= 15) expected.add(`seed-${i}`);
    const rows = (await api.call('GET', `/api/orgs/${org}/trips`)).body.rows as Array<{ id: string; cadreId: string }>;
    expect(rows.length).toBe(expected.size);
    expect(new Set(rows.map((r) => r.id))).toEqual(expected);
    expect(rows.filter((r) => r.cadreId === 'CB04').length).toBe(10);
    const audit = (await api.call('GET', `/api/orgs/${org}/audit?from=2025-01-01&to=2027-01-01`)).body.rows as Array<{ kind: string; id: string; outcome: string }>;
    const creates = audit.filter((r) => r.kind === 'trips' && r.outcome === 'created').map((r) => r.id);
    expect(creates.length).toBe(new Set(creates).size);

    const services = createServices({ TABLES_CONNECTION_STRING: testConnectionString(), TABLE_PREFIX: api.env.TABLE_PREFIX }, { now: () => NOW, log: () => undefined });
    const state = await loadOrgState(services.store, org);
    for (const year of [2025, 2026]) {
      const full = await computeCompliance(services, org, year, '2025-12-31', state);
      for (const host of [api, await startTestApi({ TABLE_PREFIX: api.env.TABLE_PREFIX }, { now: () => NOW, log: () => undefined })]) {
        const served = (await host.call('GET', `/api/orgs/${org}/compliance?year=${year}&asOf=2025-12-31`)).body;
        expect({ cadres: served.cadres, summary: served.summary }).toEqual({ cadres: full.cadres, summary: full.summary });
        if (host !== api) await host.close();
      }
    }
  });
});

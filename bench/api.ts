/**
 * `npm run bench:api`: the API's publish against Azurite (in memory). Exits 1 when any target
 * is missed.
 *
 * 1. 5,000 trips of one org in one publish request through HTTP (after a warm-up run; the
 *    median of ROUNDS runs, as is the floor's figure), against the floor: the same row
 *    entities written straight to Azurite in 100-entity transactions; and against one request
 *    per row (a sample of PER_ROW_SAMPLE rows, extrapolated to 5,000; `--full` sends all
 *    5,000). Targets: API ≤ 1.5× floor (median of runs); ≥ 10× faster than per-row.
 * 2. Cost follows the request, not the org: "publish 2,000 trips, then GET compliance" into an
 *    org already holding 40,000 trips (seeded straight into Azurite in batch transactions)
 *    against the same into an empty org with the same roster of 2,000 cadres (medians of
 *    SIZE_ROUNDS; the large org grows by 2,000 trips a round). Target ≤ 1.5×. Then `GET
 *    compliance` of the org, by then holding 50,000 trips: median ≤ 300 ms.
 * 3. 34 orgs publishing 500 trips each at the same time: every row stored exactly once (rows
 *    and audit records counted in storage); p50 / p99 latency of the requests.
 */
import { TableClient, type TransactionAction } from '@azure/data-tables';
import { performance } from 'node:perf_hooks';
import { startDevHost } from '../functions/dev/host';
import { createServices } from '../functions/services';
import { recordsPartition, tripPartition } from '../functions/storage/keys';
import { rowEntity } from '../functions/storage/entities';
import { CURRENT_LAYOUT } from '../functions/storage/state';
import { startAzurite } from '../scripts/azurite';

const KEY = 'bench-key';
const TRIPS = 5000;
const PER_ROW_SAMPLE = process.argv.includes('--full') ? TRIPS : 500;
const ORGS = 34;
const TRIPS_PER_ORG = 500;
const CADRES = 40;
const ROUNDS = 5;
const ROSTER = 2000;
const SEEDED = 40_000;
const PUBLISHED = 2000;
const SIZE_ROUNDS = 5;

const cadres = Array.from({ length: CADRES }, (_, i) => ({
  cadreId: `CB${String(i).padStart(2, '0')}`,
  fullName: `Cán bộ ${i}`,
  department: `Ban ${i % 5}`,
  position: 'Chuyên viên',
}));

/** Raw rows as the add-in sends them, and the normalised records the API stores for them. */
function trips(n: number, prefix: string): { raw: Record<string, unknown>[]; records: Record<string, unknown>[] } {
  const raw: Record<string, unknown>[] = [];
  const records: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const day = 1 + (i % 28);
    const month = 1 + (i % 12);
    const iso = `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const id = `${prefix}-${String(i).padStart(5, '0')}`;
    const cadreId = cadres[i % CADRES].cadreId;
    raw.push({ ref: i + 2, id, cadreId, unit: `X${i % 30}`, startDate: `${day}/${month}/2025`, endDate: `${day}/${month}/2025`, contents: 'Kiểm tra, giám sát', description: 'Làm việc với cơ sở' });
    records.push({ id, cadreId, unit: `X${i % 30}`, startDate: iso, endDate: iso, contents: ['kiem_tra'], description: 'Làm việc với cơ sở' });
  }
  return { raw, records };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (n: number): string => `${n.toFixed(0)} ms`;

async function main(): Promise<void> {
  const azurite = await startAzurite({ location: ':memory:' });
  const env = { TABLES_CONNECTION_STRING: azurite.connectionString, API_KEYS: `${KEY}:admin:*:bench` };
  const post = async (url: string, body: unknown): Promise<{ status: number; body: { summary: Record<string, number> } }> => {
    const res = await fetch(url, { method: 'POST', headers: { 'x-api-key': KEY, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as { summary: Record<string, number> } };
  };
  try {
    // --- 1. one org, 5,000 trips -------------------------------------------------------
    // A warm-up round first (JIT), then ROUNDS rounds, each writing the API's run and the
    // floor's run into fresh tables of the same Azurite, interleaved; the median of the rounds
    // (the machine is shared, so single runs are noisy).
    const { raw, records } = trips(TRIPS, 't');
    const apiRuns: number[] = [];
    const floorRuns: number[] = [];
    for (let round = 0; round <= ROUNDS; round++) {
      const api = await startDevHost({ port: 0, env: { ...env, TABLE_PREFIX: `benchapi${round}` }, services: { log: () => undefined } });
      await post(`${api.url}/api/orgs/bench/cadres/publish`, { rows: cadres });
      let t = performance.now();
      const one = await post(`${api.url}/api/orgs/bench/trips/publish?asOf=2025-12-31`, { rows: raw });
      if (round > 0) apiRuns.push(performance.now() - t);
      await api.close();
      if (one.status !== 200 || one.body.summary.created !== TRIPS) throw new Error(`API publish failed: ${JSON.stringify(one.body.summary ?? one)}`);

      const floorClient = TableClient.fromConnectionString(azurite.connectionString, `benchfloor${round}`, { allowInsecureConnection: true });
      await floorClient.createTable();
      const pk = recordsPartition('bench', 'trips');
      const entities = records.map((r) => rowEntity(pk, String(r.id), r, false));
      t = performance.now();
      const chunks: TransactionAction[][] = [];
      for (let i = 0; i < entities.length; i += 100) chunks.push(entities.slice(i, i + 100).map((e) => ['create', e] as TransactionAction));
      let next = 0;
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          while (next < chunks.length) await floorClient.submitTransaction(chunks[next++]);
        }),
      );
      if (round > 0) floorRuns.push(performance.now() - t);
    }
    const apiMs = median(apiRuns);
    const floorMs = median(floorRuns);
    const floorRatio = median(apiRuns.map((a, i) => a / floorRuns[i]));
    let t0: number;

    const perRowHost = await startDevHost({ port: 0, env: { ...env, TABLE_PREFIX: 'benchrow' }, services: { log: () => undefined } });
    await post(`${perRowHost.url}/api/orgs/bench/cadres/publish`, { rows: cadres });
    const sample = trips(PER_ROW_SAMPLE, 's').raw;
    t0 = performance.now();
    for (const row of sample) {
      const r = await post(`${perRowHost.url}/api/orgs/bench/trips/publish?asOf=2025-12-31`, { rows: [row] });
      if (r.body.summary.created !== 1) throw new Error('per-row publish failed');
    }
    const perRowSampleMs = performance.now() - t0;
    const perRowMs = (perRowSampleMs / PER_ROW_SAMPLE) * TRIPS;
    await perRowHost.close();

    console.log(`Publish ${TRIPS} trips of one org (Azurite in memory, ${process.platform}, node ${process.version}):`);
    console.log(`  API, one request:                 ${ms(apiMs)} (median of ${apiRuns.map(ms).join(', ')})`);
    console.log(`  floor, 100-entity transactions:   ${ms(floorMs)} (median of ${floorRuns.map(ms).join(', ')})`);
    console.log(
      `  one request per row:              ${ms(perRowMs)}${PER_ROW_SAMPLE < TRIPS ? ` (extrapolated from ${PER_ROW_SAMPLE} rows in ${ms(perRowSampleMs)})` : ''}`,
    );
    console.log(`  ratio API / floor:                ${floorRatio.toFixed(2)}× (median of the rounds' ratios; target ≤ 1.5×)`);
    console.log(`  ratio per-row / API:              ${(perRowMs / apiMs).toFixed(1)}× (target ≥ 10×)`);
    const missed: string[] = [];
    if (floorRatio > 1.5) missed.push('API / floor ≤ 1.5×');
    if (perRowMs / apiMs < 10) missed.push('per-row / API ≥ 10×');

    // --- 2. cost follows the request, not the org --------------------------------------
    missed.push(...(await sizeBench(azurite.connectionString, env, post)));

    // --- 3. 34 orgs × 500 trips at once -----------------------------------------------
    const prefix = 'benchmany';
    const many = await startDevHost({ port: 0, env: { ...env, TABLE_PREFIX: prefix }, services: { log: () => undefined } });
    const orgs = Array.from({ length: ORGS }, (_, i) => `org-${String(i).padStart(2, '0')}`);
    for (const org of orgs) await post(`${many.url}/api/orgs/${org}/cadres/publish`, { rows: cadres });
    const latencies: number[] = [];
    t0 = performance.now();
    const results = await Promise.all(
      orgs.map(async (org) => {
        const start = performance.now();
        const r = await post(`${many.url}/api/orgs/${org}/trips/publish?asOf=2025-12-31`, { rows: trips(TRIPS_PER_ORG, org).raw });
        latencies.push(performance.now() - start);
        return r;
      }),
    );
    const wallMs = performance.now() - t0;
    await many.close();
    const failed = results.filter((r) => r.status !== 200 || r.body.summary.created !== TRIPS_PER_ORG);
    const services = createServices({ TABLES_CONNECTION_STRING: azurite.connectionString, TABLE_PREFIX: prefix }, { log: () => undefined });
    let exact = 0;
    for (const org of orgs) {
      const rows = await services.store.listRows(org, 'trips');
      const audit = (await services.store.listAudit(org, new Date(0), new Date(Date.now() + 86_400_000))).filter((a) => a.kind === 'trips');
      const auditIds = new Set(audit.map((a) => a.id));
      const idsOk = [...rows.keys()].every((id) => id.startsWith(`${org}-`));
      if (rows.size === TRIPS_PER_ORG && audit.length === TRIPS_PER_ORG && auditIds.size === TRIPS_PER_ORG && idsOk) exact++;
    }
    latencies.sort((a, b) => a - b);
    console.log(`${ORGS} orgs × ${TRIPS_PER_ORG} trips at the same time:`);
    console.log(`  wall time ${ms(wallMs)}; failed requests: ${failed.length}${failed.length > 0 ? ` (first: ${failed[0].status} ${JSON.stringify(failed[0].body).slice(0, 200)})` : ''}`);
    console.log(`  orgs with every row stored exactly once (rows and audit records): ${exact}/${ORGS}`);
    console.log(`  latency p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))}, max ${ms(latencies[latencies.length - 1])}`);
    if (failed.length > 0 || exact !== ORGS) missed.push('34 orgs: every row exactly once');
    if (missed.length > 0) {
      console.log(`NOT met: ${missed.join('; ')}`);
      process.exitCode = 1;
    } else console.log('every target met');
  } finally {
    await azurite.stop();
  }
}

type Post = (url: string, body: unknown) => Promise<{ status: number; body: { summary: Record<string, number> } }>;

/** Trips of 2025 for `cadreCount` cadres from `firstCadre`, `perCadre` each, ids `prefix-…`. */
function rosterTrips(prefix: string, firstCadre: number, cadreCount: number, perCadre: number): { raw: Record<string, unknown>[]; records: Record<string, unknown>[] } {
  const raw: Record<string, unknown>[] = [];
  const records: Record<string, unknown>[] = [];
  for (let c = firstCadre; c < firstCadre + cadreCount; c++) {
    const cadreId = `CB${String(c % ROSTER).padStart(4, '0')}`;
    for (let k = 0; k < perCadre; k++) {
      // trips of 1–2 days spread over the year, a few overlapping
      const day = 1 + ((k * 17 + c) % 28);
      const month = 1 + ((k * 5 + c) % 12);
      const iso = `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const id = `${prefix}-${c}-${k}`;
      const unitCode = `X${(c + k) % 30}`;
      raw.push({ ref: raw.length + 2, id, cadreId, unit: unitCode, startDate: `${day}/${month}/2025`, endDate: `${day}/${month}/2025`, contents: 'Kiểm tra, giám sát', cost: 150000 });
      records.push({ id, cadreId, unit: unitCode, startDate: iso, endDate: iso, contents: ['kiem_tra'], cost: 150000 });
    }
  }
  return { raw, records };
}

async function sizeBench(connectionString: string, baseEnv: Record<string, string>, post: Post): Promise<string[]> {
  const prefix = 'benchsize';
  const env = { ...baseEnv, TABLE_PREFIX: prefix };
  const host = await startDevHost({ port: 0, env, services: { log: () => undefined } });
  const services = createServices({ TABLES_CONNECTION_STRING: connectionString, TABLE_PREFIX: prefix }, { log: () => undefined });
  const roster = Array.from({ length: ROSTER }, (_, i) => ({ cadreId: `CB${String(i).padStart(4, '0')}`, fullName: `Cán bộ ${i}`, department: `Ban ${i % 12}` }));
  const units = Array.from({ length: 30 }, (_, i) => ({ unitCode: `X${i}`, name: `Xã ${i}`, kind: 'xa' }));
  const prepareOrg = async (org: string): Promise<void> => {
    if ((await post(`${host.url}/api/orgs/${org}/cadres/publish`, { rows: roster })).status !== 200) throw new Error('roster publish failed');
    if ((await post(`${host.url}/api/orgs/${org}/units/publish`, { rows: units })).status !== 200) throw new Error('units publish failed');
  };
  const getCompliance = async (org: string): Promise<{ ms: number; trips: number }> => {
    const t = performance.now();
    const res = await fetch(`${host.url}/api/orgs/${org}/compliance?year=2025`, { headers: { 'x-api-key': KEY } });
    const body = (await res.json()) as { cadres: Array<{ trips: number }> };
    const elapsed = performance.now() - t;
    if (res.status !== 200) throw new Error(`GET compliance answered ${res.status}`);
    return { ms: elapsed, trips: body.cadres.reduce((n, c) => n + c.trips, 0) };
  };

  // the large org: roster and units through the API, 40,000 trips straight into storage
  const large = 'large';
  await prepareOrg(large);
  const seedStart = performance.now();
  const seeded = rosterTrips('seed', 0, ROSTER, SEEDED / ROSTER).records;
  const records = TableClient.fromConnectionString(connectionString, `${prefix}records`, { allowInsecureConnection: true });
  const byPartition = new Map<string, TransactionAction[]>();
  for (const r of seeded) {
    const pk = tripPartition(large, String(r.id));
    const list = byPartition.get(pk) ?? [];
    list.push(['create', rowEntity(pk, String(r.id), r, false)]);
    byPartition.set(pk, list);
  }
  const chunks: TransactionAction[][] = [];
  for (const list of byPartition.values()) for (let i = 0; i < list.length; i += 100) chunks.push(list.slice(i, i + 100));
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < chunks.length) await records.submitTransaction(chunks[next++]);
    }),
  );
  // rows written behind the API's back: mark the org's derived state for a rebuild
  const lease = await services.state.getLease(large);
  await services.state.putLease(large, { holder: '', expires: 0, stale: true, layout: CURRENT_LAYOUT, gen: lease.gen }, lease.etag);
  const seedMs = performance.now() - seedStart;
  const warm = performance.now();
  const first = await getCompliance(large); // rebuilds the derived state and the year's rows
  const rebuildMs = performance.now() - warm;
  if (first.trips !== SEEDED) throw new Error(`seeded org counts ${first.trips} trips`);

  const emptyRuns: number[] = [];
  const largeRuns: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < SIZE_ROUNDS; round++) {
    const empty = `empty-${round}`;
    await prepareOrg(empty);
    await getCompliance(empty);
    // the same request shape into both: 2,000 new trips of 100 cadres
    const batch = (org: string): Record<string, unknown>[] => rosterTrips(`r${round}${org}`, round * 100, 100, PUBLISHED / 100).raw;
    const time = async (org: string, expectTrips: number): Promise<number> => {
      const t = performance.now();
      const res = await post(`${host.url}/api/orgs/${org}/trips/publish`, { rows: batch(org) });
      const after = await getCompliance(org);
      const elapsed = performance.now() - t;
      if (res.status !== 200 || res.body.summary.created !== PUBLISHED) throw new Error(`publish into ${org} failed: ${JSON.stringify(res.body.summary)}`);
      if (after.trips !== expectTrips) throw new Error(`${org} counts ${after.trips} trips, expected ${expectTrips}`);
      return elapsed;
    };
    const e = await time(empty, PUBLISHED);
    const l = await time(large, SEEDED + PUBLISHED * (round + 1));
    emptyRuns.push(e);
    largeRuns.push(l);
    ratios.push(l / e);
  }
  const gets: number[] = [];
  let total = 0;
  for (let k = 0; k < 7; k++) {
    const g = await getCompliance(large);
    gets.push(g.ms);
    total = g.trips;
  }
  await host.close();
  const ratio = median(ratios);
  const getMs = median(gets);
  console.log(`Publish ${PUBLISHED} trips (100 cadres), then GET compliance; roster ${ROSTER} cadres:`);
  console.log(`  seeding ${SEEDED} trips straight into Azurite: ${ms(seedMs)}; first GET compliance (rebuilds the derived state): ${ms(rebuildMs)}`);
  console.log(`  into an empty org:                ${ms(median(emptyRuns))} (median of ${emptyRuns.map(ms).join(', ')})`);
  console.log(`  into an org of ${SEEDED}+ trips:     ${ms(median(largeRuns))} (median of ${largeRuns.map(ms).join(', ')})`);
  console.log(`  ratio large / empty:              ${ratio.toFixed(2)}× (median of the rounds' ratios ${ratios.map((r) => r.toFixed(2)).join(', ')}; target ≤ 1.5×)`);
  console.log(`GET compliance of ${total} trips: ${ms(getMs)} (median of ${gets.map(ms).join(', ')}; target ≤ 300 ms)`);
  const missed: string[] = [];
  if (ratio > 1.5) missed.push('40,000-trip publish ≤ 1.5× empty');
  if (total < 50_000) missed.push(`GET compliance measured at ${total} trips, not 50,000`);
  if (getMs > 300) missed.push('GET compliance of 50,000 trips ≤ 300 ms');
  return missed;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

/**
 * Fuzzed requests on every writing route, through the real dev host on Azurite (fast-check,
 * seeded, bounded): rows mixing plausible and hostile values (huge numbers, wrong types, long
 * text, nested values, deep nesting, duplicate and non-string ids). Asserted for every request:
 * no 5xx; every rejected row names its field (`field` set, the message naming it); nothing of
 * a rejected row is stored (GET after); the answer's size is linear in the request's.
 */
import fc from 'fast-check';
import { KEYS, startTestApi, type TestApi } from '../../support/api';
import { cadre, NOW, unit } from '../../support/fixtures';

/** Requests per publish route (1–10 rows each: ~330 fuzzed rows per kind) and policies sent. */
const RUNS = 60;
const POLICY_RUNS = 200;
const SEED = 20260801;

const KIND_FIELDS = {
  cadres: ['cadreId', 'fullName', 'department', 'position', 'subject', 'serviceStart', 'serviceEnd'],
  units: ['unitCode', 'name', 'kind', 'parentCode', 'validFrom', 'validTo', 'mergedInto'],
  absences: ['id', 'cadreId', 'from', 'to', 'reason', 'note'],
  registrations: ['cadreId', 'year', 'q1Days', 'q2Days', 'q3Days', 'q4Days', 'units', 'approved', 'approvedBy'],
  trips: ['id', 'cadreId', 'unit', 'startDate', 'endDate', 'days', 'contents', 'description', 'orderNo', 'reportDate', 'cost', 'findings', 'difficulties', 'proposals'],
} as const;
type FuzzKind = keyof typeof KIND_FIELDS;

/** Values a sheet or a careless client might send, and values an attacker would. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('CB01', 'CB02', 'X1', 'Xã Một', '03/03/2025', '2025-03-07', '45658', 'kiem_tra', 'Kiểm tra; khac', 'study', 'xa', '1,5', '1.500.000', 'x', 'Có', '') },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 190, maxLength: 4100 }) },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -1, 0.5, 1e300, 1.79e308, -1e308, 2025, 45658)) },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 1, arbitrary: fc.array(fc.string({ maxLength: 12 }), { maxLength: 300 }) },
);

/** A row of `kind`: its id field from a small pool (`#0`..`#5`, made unique per request later) or hostile. */
const rowArb = (kind: FuzzKind): fc.Arbitrary<unknown> => {
  const fields = KIND_FIELDS[kind];
  const idField = fields[0];
  const record = fc
    .tuple(
      fc.dictionary(fc.constantFrom(...fields, 'ref', 'version', 'deleted', 'extra'), hostileValue, { maxKeys: fields.length + 2 }),
      fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 5 })),
    )
    .map(([row, idNo]) => {
      // ids from a small pool, so duplicates and re-sends happen within a request
      if (idNo !== null && !(idField in row && typeof row[idField] !== 'string')) row[idField] = `#${idNo}`;
      return row;
    });
  return fc.oneof({ weight: 12, arbitrary: record }, { weight: 1, arbitrary: hostileValue });
};

/** Runs `work` on every item, `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i], i);
      }
    }),
  );
}

const ACCEPTED = new Set(['created', 'updated', 'unchanged', 'deleted', 'conflict']);

describe('fuzzed publish and policy requests', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({}, { now: () => NOW, log: () => undefined });
    await api.call('POST', '/api/orgs/demo/cadres/publish', { body: { rows: [cadre('CB01'), cadre('CB02')] } });
    await api.call('POST', '/api/orgs/demo/units/publish', { body: { rows: [unit('X1', 'Xã Một')] } });
  });
  afterAll(() => api.close());

  // Requests are sampled with a fixed seed and sent six at a time (each with its own ids, so
  // they cannot meet); a failure names the request, which the seed reproduces.
  it.each(Object.keys(KIND_FIELDS) as FuzzKind[])('publish %s: no 5xx, rejected rows name their field and store nothing, answers linear', async (kind) => {
    const requests = fc.sample(fc.array(rowArb(kind), { minLength: 1, maxLength: 10 }), { seed: SEED, numRuns: RUNS });
    const rejectedOnly: string[] = [];
    let rowsSent = 0;
    await eachLimited(requests, 6, async (rows, n) => {
      const prefix = `f${n}-`;
      const text = JSON.stringify({ rows }).replace(/"#(\d)"/g, `"${prefix}$1"`);
      rowsSent += rows.length;
      const res = await api.call('POST', `/api/orgs/demo/${kind}/publish`, { key: KEYS.leader, rawBody: text });
      const where = `request ${n}: ${text.slice(0, 300)}`;
      expect([where, res.status < 500]).toEqual([where, true]);
      const bytes = Buffer.byteLength(JSON.stringify(res.body));
      expect([where, bytes <= 4096 + 2 * Buffer.byteLength(text) + 8000 * rows.length]).toEqual([where, true]);
      if (res.status !== 200) {
        expect([where, typeof res.body.error.code]).toEqual([where, 'string']);
        return;
      }
      const accepted = new Set<string>();
      const rejected: string[] = [];
      for (const r of res.body.results) {
        if (ACCEPTED.has(r.outcome)) {
          accepted.add(r.id);
          continue;
        }
        expect([where, r.outcome]).toEqual([where, 'rejected']);
        expect([where, r.errors.length > 0]).toEqual([where, true]);
        for (const e of r.errors) expect([where, typeof e.field === 'string' && e.field !== '' && e.message.includes(`(${e.field})`)]).toEqual([where, true]);
        if (typeof r.id === 'string' && r.id.startsWith(prefix)) rejected.push(r.id);
      }
      // a later copy of an accepted id (DUPLICATE_ID) is not "nothing stored"
      for (const id of rejected) if (!accepted.has(id)) rejectedOnly.push(id);
    });
    const stored = await api.call('GET', `/api/orgs/demo/${kind}?includeDeleted=true`, { key: KEYS.viewer });
    expect(stored.status).toBe(200);
    const ids = new Set(stored.body.rows.map((r: { id: string }) => r.id));
    expect(rejectedOnly.filter((id) => ids.has(id))).toEqual([]);
    expect(rowsSent).toBeGreaterThan(RUNS * 2);
  });

  it('PUT policies: no 5xx; a 200 answers what GET then returns, a 400 names its fields and stores nothing', async () => {
    const policyField = fc.constantFrom('requiredDays', 'windowStart', 'windowEnd', 'dayMode', 'holidays', 'makeupWorkdays', 'proration', 'reportDeadlineDays', 'countUnreportedTrips', 'categories');
    const category = fc.record({ code: fc.oneof(fc.constantFrom('kiem_tra', 'khac', 'ab'), fc.string({ maxLength: 34 })), label: hostileValue });
    const value = fc.oneof(hostileValue, fc.array(category, { maxLength: 30 }), fc.array(fc.constantFrom('01/05/2025', '2025-09-02', '30/04', 'x'), { maxLength: 400 }));
    const bodies = fc.sample(fc.dictionary(policyField, value, { maxKeys: 6 }), { seed: SEED, numRuns: POLICY_RUNS });
    let stored = (await api.call('GET', '/api/orgs/demo/policies/2025', { key: KEYS.viewer })).body;
    let accepted = 0;
    for (const [n, body] of bodies.entries()) {
      const rawBody = JSON.stringify(body);
      const where = `policy ${n}: ${rawBody.slice(0, 300)}`;
      const res = await api.call('PUT', '/api/orgs/demo/policies/2025', { key: KEYS.admin, rawBody });
      expect([where, res.status < 500]).toEqual([where, true]);
      expect([where, Buffer.byteLength(JSON.stringify(res.body)) <= 4096 + 2 * Buffer.byteLength(rawBody)]).toEqual([where, true]);
      if (res.status === 200) {
        stored = res.body;
        accepted++;
      } else {
        expect([where, res.status]).toEqual([where, 400]);
        for (const e of res.body.errors ?? []) expect([where, e.message.includes(`(${e.field})`)]).toEqual([where, true]);
      }
      // every tenth request, and the last: what is stored is the last policy answered 200
      if (n % 10 === 9 || n === bodies.length - 1) {
        const got = await api.call('GET', '/api/orgs/demo/policies/2025', { key: KEYS.viewer });
        expect([where, got.body]).toEqual([where, stored]);
      }
    }
    expect(accepted).toBeGreaterThan(0);
  });

  it('deep or malformed bodies: 400, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 60, max: 3000 }), fc.constantFrom('[', '{"a":'), fc.constantFrom('trips', 'cadres'), async (depth, open, kind) => {
        const close = open === '[' ? ']' : '}';
        const rawBody = `{"rows":[${open.repeat(depth)}1${close.repeat(depth)}]}`;
        const res = await api.call('POST', `/api/orgs/demo/${kind}/publish`, { key: KEYS.editor, rawBody });
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 40, seed: SEED },
    );
  });
});

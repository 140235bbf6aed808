/**
 * Hostile input (issue 8, items 1–4, 6, 8, 9): each shape that froze the process, answered
 * 500, stored half a request or answered a policy that was not stored, through the real dev
 * host on Azurite. Worst cases are generated at the limits and must answer within a second
 * while `/api/health` keeps answering.
 */
import { TableClient } from '@azure/data-tables';
import { MAX_RELATED } from '../../../shared/engine/warnings';
import { LIMITS } from '../../../shared/limits';
import { Store } from '../../../functions/storage/store';
import { createTables } from '../../../functions/storage/tables';
import { KEYS, startTestApi, testConnectionString, type TestApi } from '../../support/api';
import { cadre, NOW, trip, unit } from '../../support/fixtures';

/**
 * The target: one second of work per request. The API runs in this process, so the processor
 * time this process spends on a request (client side included) is what is asserted — wall time
 * on the shared CI machine varies tenfold with the other suites' load. Health must answer
 * meanwhile (the original freeze held it for minutes): a request that took longer than the
 * target saw health answer while it ran.
 */
const WITHIN_MS = 1000;

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};

/** Figures for the report: `HOSTILE_FIGURES=1 npx jest hostile` prints them. */
const figures: Record<string, unknown>[] = [];
const record = (name: string, r: { ms: number; cpu: number; bytes: number; healthWorst?: number }): void => {
  figures.push({ name, wallMs: Math.round(r.ms), cpuMs: Math.round(r.cpu), bytes: r.bytes, healthWorstMs: r.healthWorst === undefined ? null : Math.round(r.healthWorst) });
};

/** Sends `body` and polls health meanwhile: the answer, its time, and the slowest health answer. */
async function timed(api: TestApi, method: string, path: string, rawBody: string, key: string = KEYS.admin) {
  let healthWorst = 0;
  let healthDuring = 0;
  let done = false;
  const poll = (async () => {
    while (!done) {
      const t = performance.now();
      const res = await fetch(`${api.url}/api/health`);
      await res.text();
      if (!done) healthDuring++;
      healthWorst = Math.max(healthWorst, performance.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const res = await fetch(`${api.url}${path}`, { method, headers: { 'x-api-key': key, 'content-type': 'application/json' }, body: method === 'GET' ? undefined : rawBody });
  const text = await res.text();
  const ms = performance.now() - t0;
  const cpu = cpuMs(cpu0);
  done = true;
  await poll;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let body: any = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  // Health kept answering: the request was short, or health answered while it ran.
  const healthAnswered = ms < WITHIN_MS || healthDuring > 0;
  return { status: res.status, body, ms, cpu, bytes: Buffer.byteLength(text), healthWorst, healthAnswered };
}

describe('hostile input (issue 8)', () => {
  let api: TestApi;
  const logs: Array<{ message: string; fields?: Record<string, unknown> }> = [];
  beforeAll(async () => {
    api = await startTestApi({}, { now: () => NOW, log: (message, fields) => logs.push({ message, fields }) });
    const c = await api.call('POST', '/api/orgs/demo/cadres/publish', { body: { rows: [cadre('CB01'), cadre('CB02'), cadre('CB03')] } });
    expect(c.body.summary.created).toBe(3);
    await api.call('POST', '/api/orgs/demo/units/publish', { body: { rows: [unit('X1', 'Xã Một')] } });
  });
  afterAll(async () => {
    await api.close();
    if (process.env.HOSTILE_FIGURES) console.log(JSON.stringify(figures, null, 1));
  });

  const tripIds = async (org = 'demo'): Promise<string[]> =>
    (await api.call('GET', `/api/orgs/${org}/trips?includeDeleted=true`)).body.rows.map((r: { id: string }) => r.id);

  describe('1. contents is checked in linear time', () => {
    it('a row with a 4 MiB contents list is rejected in well under a second, health answering', async () => {
      // ~"a;" items: the most items a 4 MiB body can hold as one string
      const items = 'kiem_tra;'.repeat(400_000);
      const rows = [trip('t-c1', 'CB01', '01/02/2025', '02/02/2025', { contents: items.slice(0, 4_000_000 - 200) })];
      const res = await timed(api, 'POST', '/api/orgs/demo/trips/publish', JSON.stringify({ rows }));
      record('1. contents 4 MB string', res);
      expect(res.status).toBe(200);
      expect(res.body.results[0].outcome).toBe('rejected');
      expect(res.body.results[0].errors[0]).toMatchObject({ field: 'contents', code: 'INVALID_FORMAT' });
      expect(res.body.results[0].errors[0].message).toContain(String(LIMITS.contentItems));
      expect(res.cpu).toBeLessThan(WITHIN_MS);
      expect(res.healthAnswered).toBe(true);
    });

    it('and as a JSON list of distinct unknown items', async () => {
      const list = Array.from({ length: 300_000 }, (_, i) => `x${i}`);
      const rows = [trip('t-c2', 'CB01', '01/02/2025', '02/02/2025', { contents: list })];
      const res = await timed(api, 'POST', '/api/orgs/demo/trips/publish', JSON.stringify({ rows }));
      record('1. contents 300k-item list', res);
      expect(res.body.results[0].errors[0]).toMatchObject({ field: 'contents' });
      expect(res.cpu).toBeLessThan(WITHIN_MS);
      expect(res.healthAnswered).toBe(true);
    });

    it('contents at the limit are accepted', async () => {
      const list = Array.from({ length: LIMITS.contentItems }, (_, i) => (i % 2 ? 'kiem_tra' : 'Kiểm tra'));
      const res = await api.call('POST', '/api/orgs/demo/trips/publish', { body: { rows: [trip('t-c3', 'CB03', '01/02/2025', '02/02/2025', { contents: list })] } });
      expect(res.body.results[0]).toMatchObject({ outcome: 'created', errors: [] });
      await api.call('POST', '/api/orgs/demo/trips/publish', { body: { rows: [{ id: 't-c3', deleted: true, version: res.body.results[0].version }] } });
    });
  });

  describe('2. warnings list a few related rows and a count', () => {
    it('2,000 trips with one orderNo: related ≤ MAX_RELATED with relatedCount, response linear; GET trips answers', async () => {
      const n = 2000;
      const rows = Array.from({ length: n }, (_, i) => trip(`t-dup${i}`, 'CB02', '01/01/2025', '01/01/2025', { orderNo: 'CL-1' }));
      await api.call('POST', '/api/orgs/dup/cadres/publish', { key: KEYS.all, body: { rows: [cadre('CB02')] } });
      const abs = await api.call('POST', '/api/orgs/dup/absences/publish', {
        key: KEYS.all,
        body: { rows: Array.from({ length: 50 }, (_, i) => ({ id: `a${i}`, cadreId: 'CB02', from: '01/01/2025', to: '31/01/2025', reason: 'study' })) },
      });
      expect(abs.body.summary.created).toBe(50);
      const pub = await timed(api, 'POST', '/api/orgs/dup/trips/publish', JSON.stringify({ rows }), KEYS.all);
      record('2. publish 2,000 trips, one orderNo, same day, 50 absences', pub);
      expect(pub.status).toBe(200);
      expect(pub.body.summary.created).toBe(n);
      const last = pub.body.results[n - 1];
      const dup = last.warnings.find((w: { code: string }) => w.code === 'DUPLICATE_ORDER_NO');
      expect(dup.related.length).toBe(MAX_RELATED);
      expect(dup.relatedCount).toBe(n - 1);
      expect(dup.related).not.toContain(`t-dup${n - 1}`);
      const during = last.warnings.find((w: { code: string }) => w.code === 'DURING_ABSENCE');
      expect(during.related.length).toBe(MAX_RELATED);
      expect(during.relatedCount).toBe(50);
      const overlap = last.warnings.find((w: { code: string }) => w.code === 'OVERLAP');
      expect(overlap.related.length).toBeLessThanOrEqual(MAX_RELATED);
      // linear: a few KB per row at most
      expect(pub.bytes / n).toBeLessThan(6000);
      const get = await timed(api, 'GET', '/api/orgs/dup/trips', '', KEYS.all);
      record('2. GET trips of that org', get);
      expect(get.status).toBe(200);
      expect(get.body.rows).toHaveLength(n);
      expect(get.bytes / n).toBeLessThan(6000);
      expect(get.cpu).toBeLessThan(WITHIN_MS);
      expect(get.healthAnswered).toBe(true);
    });
  });

  describe('3. deep JSON and unexpected errors', () => {
    const deep = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

    it.each([
      ['a field', (d: string) => `{"rows":[{"id":"t-d1","cadreId":"CB01","unit":"X1","startDate":"01/02/2025","endDate":"01/02/2025","contents":"kiem_tra","description":${d}}]}`],
      ['ref', (d: string) => `{"rows":[{"id":"t-d2","cadreId":"CB01","unit":"X1","startDate":"01/02/2025","endDate":"01/02/2025","contents":"kiem_tra","ref":${d}}]}`],
      ['a row', (d: string) => `{"rows":[${d}]}`],
    ])('nesting 100,000 deep in %s: 400 BAD_BODY, nothing stored', async (_where, make) => {
      const before = await tripIds();
      const res = await timed(api, 'POST', '/api/orgs/demo/trips/publish', make(deep(100_000)));
      record(`3. depth 100,000 in ${_where}`, res);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('BAD_BODY');
      expect(res.body.error.message).toContain(String(LIMITS.jsonDepth));
      expect(await tripIds()).toEqual(before);
      expect(res.cpu).toBeLessThan(WITHIN_MS);
    });

    it('a deep value in row 900 of 1,000: the whole request refused, nothing stored', async () => {
      const before = await tripIds();
      const rows = Array.from({ length: 1000 }, (_, i) => JSON.stringify(trip(`t-deep${i}`, 'CB01', '01/03/2025', '01/03/2025')));
      rows[900] = rows[900].replace('"contents":"kiem_tra"', `"contents":${deep(6000)}`);
      const res = await timed(api, 'POST', '/api/orgs/demo/trips/publish', `{"rows":[${rows.join(',')}]}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('BAD_BODY');
      expect(await tripIds()).toEqual(before);
    });

    it('a deep policy: 400 BAD_BODY', async () => {
      const res = await timed(api, 'PUT', '/api/orgs/demo/policies/2025', `{"categories":${deep(10_000)}}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('BAD_BODY');
    });

    it('nesting at the limit is decoded (and a ref that deep is echoed)', async () => {
      const depth = LIMITS.jsonDepth - 3; // {rows:[{ref: …}]}
      const ref = JSON.parse(deep(depth)) as unknown;
      const res = await api.call('POST', '/api/orgs/demo/trips/publish', {
        body: { rows: [{ ...trip('t-lim', 'CB01', '02/03/2025', '02/03/2025'), ref }] },
      });
      expect(res.status).toBe(200);
      expect(res.body.results[0].outcome).toBe('created');
      expect(res.body.results[0].ref).toEqual(ref);
      const over = await api.call('POST', '/api/orgs/demo/trips/publish', { rawBody: `{"rows":[{"ref":${deep(depth + 1)}}]}` });
      expect(over.status).toBe(400);
    });

    it('an unexpected error in one row rejects that row with INTERNAL (logged with a request id); the others are stored', async () => {
      // The fault: a transaction holding the row `t-boom` fails with an error storage never
      // gives (a bug stands in); every other write goes to Azurite as usual.
      const tables = createTables({ connectionString: testConnectionString(), prefix: api.env.TABLE_PREFIX ?? '' });
      const records = tables.clients.records;
      const submit = records.submitTransaction.bind(records);
      records.submitTransaction = async (actions) => {
        if (actions.some((a) => (a[1] as { rowKey?: string }).rowKey === 'r_t-boom')) throw new TypeError('boom');
        return submit(actions);
      };
      const seen: Array<{ message: string; fields?: Record<string, unknown> }> = [];
      const host = await startTestApi({ TABLE_PREFIX: api.env.TABLE_PREFIX }, { now: () => NOW, log: (message, fields) => seen.push({ message, fields }), store: new Store(tables) });
      try {
        const rows = Array.from({ length: 150 }, (_, i) => trip(i === 120 ? 't-boom' : `t-ok${i}`, 'CB01', '04/03/2025', '04/03/2025'));
        await host.call('POST', '/api/orgs/boom/cadres/publish', { key: KEYS.all, body: { rows: [cadre('CB01')] } });
        const res = await host.call('POST', '/api/orgs/boom/trips/publish', { key: KEYS.all, body: { rows } });
        expect(res.status).toBe(200);
        expect(res.body.summary).toMatchObject({ created: 149, rejected: 1 });
        expect(res.body.results[120]).toMatchObject({ id: 't-boom', outcome: 'rejected', errors: [expect.objectContaining({ field: 'row', code: 'INTERNAL' })] });
        const requestId = res.headers.get('x-request-id');
        expect(requestId).toBeTruthy();
        expect(res.body.results[120].errors[0].message).toContain(requestId);
        expect(seen.some((l) => l.fields?.requestId === requestId && String(l.fields?.error).includes('boom'))).toBe(true);
        const ids = (await api.call('GET', '/api/orgs/boom/trips', { key: KEYS.all })).body.rows.map((r: { id: string }) => r.id);
        expect(ids).toHaveLength(149);
        expect(ids).not.toContain('t-boom');
      } finally {
        await host.close();
      }
    });
  });

  describe('3. whatever is stored, publish and GET answer', () => {
    it('a stored policy no version of the API wrote (categories not a list): the row is rejected with INTERNAL, GET trips answers', async () => {
      const prefix = api.env.TABLE_PREFIX ?? '';
      const records = TableClient.fromConnectionString(testConnectionString(), `${prefix}records`, { allowInsecureConnection: true });
      await api.call('POST', '/api/orgs/broken/cadres/publish', { key: KEYS.all, body: { rows: [cadre('CB01')] } });
      await api.call('POST', '/api/orgs/broken/trips/publish', { key: KEYS.all, body: { rows: [trip('t-before', 'CB01', '01/02/2025', '01/02/2025')] } });
      // written by hand into storage, as a bad migration or a hand edit would
      await records.upsertEntity({ partitionKey: 'broken_policies', rowKey: 'r_2025', deleted: false, dataParts: 1, data: JSON.stringify({ year: 2025, categories: 7 }) });
      const res = await api.call('POST', '/api/orgs/broken/trips/publish', { key: KEYS.all, body: { rows: [trip('t-after', 'CB01', '02/02/2025', '02/02/2025')] } });
      expect(res.status).toBe(200);
      expect(res.body.results[0]).toMatchObject({ outcome: 'rejected', errors: [expect.objectContaining({ field: 'row', code: 'INTERNAL' })] });
      expect(res.body.results[0].errors[0].message).toContain(res.headers.get('x-request-id'));
      const list = await api.call('GET', '/api/orgs/broken/trips', { key: KEYS.all });
      expect(list.status).toBe(200);
      expect(list.body.rows.map((r: { id: string }) => r.id)).toEqual(['t-before']);
    });
  });

  describe('4. ids must be strings of the id pattern', () => {
    it.each([[true], [{}], [[]], [[1]], [12.5], ['a b'], ['x'.repeat(65)]])('trip id %j: INVALID_FORMAT on id, nothing stored', async (id) => {
      const before = await tripIds();
      const res = await api.call('POST', '/api/orgs/demo/trips/publish', { body: { rows: [{ ...trip('x', 'CB01', '06/03/2025', '06/03/2025'), id }] } });
      expect(res.status).toBe(200);
      expect(res.body.results[0].outcome).toBe('rejected');
      expect(res.body.results[0].errors).toEqual([expect.objectContaining({ field: 'id', code: 'INVALID_FORMAT' })]);
      expect(await tripIds()).toEqual(before);
    });

    it('absence id true: INVALID_FORMAT on id, nothing stored', async () => {
      const res = await api.call('POST', '/api/orgs/demo/absences/publish', {
        body: { rows: [{ id: true, cadreId: 'CB01', from: '01/01/2025', reason: 'study' }] },
      });
      expect(res.body.results[0].outcome).toBe('rejected');
      expect(res.body.results[0].errors[0]).toMatchObject({ field: 'id', code: 'INVALID_FORMAT' });
      expect((await api.call('GET', '/api/orgs/demo/absences')).body.rows).toEqual([]);
    });

    it('a missing id still gets a server-made one', async () => {
      const res = await api.call('POST', '/api/orgs/demo/trips/publish', { body: { rows: [{ ...trip('x', 'CB01', '07/03/2025', '07/03/2025'), id: undefined }] } });
      expect(res.body.results[0].outcome).toBe('created');
      expect(res.body.results[0].id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    });
  });

  describe('8. upper bounds on numbers and lists', () => {
    it.each([
      ['cost', { cost: 1.79e308 }],
      ['cost', { cost: LIMITS.cost + 1 }],
      ['days', { days: 1e300 }],
    ])('trip %s too large: rejected naming the field', async (field, extra) => {
      const res = await api.call('POST', '/api/orgs/demo/trips/publish', { body: { rows: [trip('t-big', 'CB01', '08/03/2025', '08/03/2025', extra)] } });
      expect(res.body.results[0].outcome).toBe('rejected');
      expect(res.body.results[0].errors[0].field).toBe(field);
    });

    it('two trips at the cost limit: totalCost stays a number', async () => {
      const rows = [
        trip('t-cost1', 'CB03', '09/03/2025', '09/03/2025', { cost: LIMITS.cost }),
        trip('t-cost2', 'CB03', '10/03/2025', '10/03/2025', { cost: LIMITS.cost }),
      ];
      const res = await api.call('POST', '/api/orgs/demo/trips/publish', { body: { rows } });
      expect(res.body.summary.created).toBe(2);
      const c = await api.call('GET', '/api/orgs/demo/compliance?year=2025');
      expect(c.body.summary.totalCost).toBe(2 * LIMITS.cost + 0);
    });

    it.each(['q1Days', 'q2Days', 'q3Days', 'q4Days'])('registration %s above the quarter limit: rejected', async (field) => {
      const res = await api.call('POST', '/api/orgs/demo/registrations/publish', { body: { rows: [{ cadreId: 'CB01', year: 2025, [field]: 1e300 }] } });
      expect(res.body.results[0].outcome).toBe('rejected');
      expect(res.body.results[0].errors[0].field).toBe(field);
    });

    it('policy lists above their limits: INVALID_POLICY naming the field', async () => {
      const cats = Array.from({ length: LIMITS.policyCategories + 1 }, (_, i) => ({ code: `c_${'abcdefghijklmnopqrstuvwxyz'[i % 26]}${'abcdefghijklmnopqrstuvwxyz'[Math.floor(i / 26) % 26]}`, label: `Nội dung ${i}` }));
      const res = await api.call('PUT', '/api/orgs/demo/policies/2025', { body: { categories: cats } });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('categories');
      expect(res.body.errors[0].message).toContain(String(LIMITS.policyCategories));
      const days = Array.from({ length: LIMITS.policyDates + 1 }, () => '01/01/2025');
      for (const field of ['holidays', 'makeupWorkdays']) {
        const r = await api.call('PUT', '/api/orgs/demo/policies/2025', { body: { [field]: days } });
        expect(r.status).toBe(400);
        expect(r.body.errors[0].field).toBe(field);
      }
    });
  });

  describe('6. policies within Table Storage limits', () => {
    it('the largest policy the schema allows is stored and read back', async () => {
      const letters = 'abcdefghijklmnopqrstuvwxyz';
      const categories = Array.from({ length: LIMITS.policyCategories }, (_, i) => ({
        code: `${letters[i % 26]}${letters[Math.floor(i / 26) % 26]}`.padEnd(32, '_'),
        label: '𝔸'.repeat(LIMITS.labelChars),
      }));
      const holidays: string[] = [];
      for (let d = new Date(Date.UTC(2025, 0, 1)); d.getUTCFullYear() === 2025; d.setUTCDate(d.getUTCDate() + 1)) holidays.push(d.toISOString().slice(0, 10));
      const body = { categories, holidays, makeupWorkdays: holidays };
      const res = await timed(api, 'PUT', '/api/orgs/big/policies/2025', JSON.stringify(body), KEYS.all);
      record('6. largest policy PUT', res);
      expect(res.status).toBe(200);
      const got = await api.call('GET', '/api/orgs/big/policies/2025', { key: KEYS.all });
      expect(got.body.categories).toHaveLength(LIMITS.policyCategories);
      expect(got.body.holidays).toHaveLength(365);
    });
  });

  describe('9. PUT policies under contention', () => {
    /** A store whose every policy write first loses to a real concurrent write in Azurite. */
    class ContendedStore extends Store {
      losses = 0;
      constructor(
        private readonly rival: TableClient,
        private readonly pk: string,
        private lose: number,
      ) {
        super(createTables({ connectionString: testConnectionString(), prefix: api.env.TABLE_PREFIX ?? '' }));
      }
      override async commit(...args: Parameters<Store['commit']>): ReturnType<Store['commit']> {
        if (args[1] === 'policies' && this.lose > 0) {
          this.lose--;
          this.losses++;
          await this.rival.updateEntity({ partitionKey: this.pk, rowKey: 'r_2025', rival: this.losses }, 'Merge');
        }
        return super.commit(...args);
      }
    }

    const start = async (lose: number) => {
      const prefix = api.env.TABLE_PREFIX ?? '';
      const rival = TableClient.fromConnectionString(testConnectionString(), `${prefix}records`, { allowInsecureConnection: true });
      const store = new ContendedStore(rival, 'contend_policies', lose);
      const host = await startTestApi({ TABLE_PREFIX: prefix }, { now: () => NOW, log: () => undefined, store });
      return { host, store };
    };

    it('always losing: 503 with Retry-After, and the answered policy is never one not stored', async () => {
      await api.call('PUT', '/api/orgs/contend/policies/2025', { key: KEYS.all, body: { requiredDays: 10 } });
      const { host, store } = await start(1000);
      try {
        for (let i = 0; i < 3; i++) {
          const res = await host.call('PUT', '/api/orgs/contend/policies/2025', { key: KEYS.all, body: { requiredDays: 20 + i } });
          expect(res.status).toBe(503);
          expect(res.headers.get('retry-after')).toBeTruthy();
          const stored = await api.call('GET', '/api/orgs/contend/policies/2025', { key: KEYS.all });
          expect(stored.body.requiredDays).toBe(10);
        }
        expect(store.losses).toBeGreaterThan(5);
      } finally {
        await host.close();
      }
    });

    it('losing a few times then winning: 200 with the stored policy', async () => {
      const { host } = await start(3);
      try {
        const res = await host.call('PUT', '/api/orgs/contend/policies/2025', { key: KEYS.all, body: { requiredDays: 33 } });
        expect(res.status).toBe(200);
        expect(res.body.requiredDays).toBe(33);
        const stored = await api.call('GET', '/api/orgs/contend/policies/2025', { key: KEYS.all });
        expect(stored.body).toEqual(res.body);
      } finally {
        await host.close();
      }
    });
  });
});

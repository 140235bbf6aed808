/**
 * A publish whose digest merge fails after its rows were written (storage down): 503, and the
 * digests are set right by the client's retry or, without one, by the nightly job.
 */
import { recalculateTotals } from '../../../functions/jobs/recalculateTotals';
import { computeCompliance } from '../../../functions/handlers/compliance';
import { loadOrgState } from '../../../functions/domain/org-state';
import { createServices } from '../../../functions/services';
import type { DigestEntry } from '../../../functions/storage/digest';
import { StorageUnavailableError } from '../../../functions/storage/errors';
import { Store } from '../../../functions/storage/store';
import { createTables } from '../../../functions/storage/tables';
import { startTestApi, testConnectionString, uniquePrefix, type TestApi } from '../../support/api';
import { cadre, NOW, trip } from '../../support/fixtures';

class FailingMerges extends Store {
  failing = false;
  override mergeDigests(org: string, changes: ReadonlyMap<string, readonly DigestEntry[]>): Promise<Map<string, DigestEntry[]>> {
    if (this.failing) return Promise.reject(new StorageUnavailableError(new Error('down')));
    return super.mergeDigests(org, changes);
  }
}

describe('digests after a failed merge', () => {
  const prefix = uniquePrefix('repair');
  const store = new FailingMerges(createTables({ connectionString: testConnectionString(), prefix }));
  const services = createServices({ TABLES_CONNECTION_STRING: testConnectionString(), TABLE_PREFIX: prefix }, { now: () => NOW, log: () => undefined, store });
  let api: TestApi;
  const publish = (rows: unknown[]) => api.call('POST', '/api/orgs/demo/trips/publish?asOf=2025-12-31', { body: { rows } });
  const counted = async (): Promise<Record<string, number>> => {
    const body = (await api.call('GET', '/api/orgs/demo/compliance?year=2025&asOf=2025-12-31')).body as { cadres: Array<{ cadreId: string; countedDays: number }> };
    return Object.fromEntries(body.cadres.map((c) => [c.cadreId, c.countedDays]));
  };
  const fromRows = async (): Promise<Record<string, number>> => {
    const full = await computeCompliance(services, 'demo', 2025, '2025-12-31', await loadOrgState(services.store, 'demo'));
    return Object.fromEntries(full.cadres.map((c) => [c.cadreId, c.countedDays]));
  };

  beforeAll(async () => {
    api = await startTestApi({ TABLE_PREFIX: prefix }, { now: () => NOW, log: () => undefined, store });
    await api.call('POST', '/api/orgs/demo/cadres/publish', { body: { rows: [cadre('CB01'), cadre('CB02')] } });
  });
  afterAll(() => api.close());

  it('a retry of the request merges what its first attempt wrote', async () => {
    const rows = [trip('t1', 'CB01', '01/03/2025', '02/03/2025'), trip('t2', 'CB01', '05/03/2025', '05/03/2025')];
    store.failing = true;
    expect((await publish(rows)).status).toBe(503);
    store.failing = false;
    expect(await counted()).toEqual({ CB01: 0, CB02: 0 }); // written, not yet in the digests
    const retry = await publish(rows);
    expect(retry.body.results.map((r: { outcome: string }) => r.outcome)).toEqual(['unchanged', 'unchanged']);
    expect(await counted()).toEqual({ CB01: 3, CB02: 0 });
  });

  it('without a retry, the nightly job sets them right (a move between cadres, a delete, a new trip)', async () => {
    const current = (await api.call('GET', '/api/orgs/demo/trips')).body.rows as Array<{ id: string; version: string }>;
    const version = (id: string) => current.find((r) => r.id === id)!.version;
    store.failing = true;
    const res = await publish([
      { ...trip('t1', 'CB02', '01/03/2025', '02/03/2025'), version: version('t1') },
      { id: 't2', deleted: true, version: version('t2') },
      trip('t3', 'CB02', '10/03/2025', '10/03/2025'),
    ]);
    expect(res.status).toBe(503);
    store.failing = false;
    expect(await counted()).toEqual({ CB01: 3, CB02: 0 }); // behind
    await recalculateTotals(services);
    expect(await counted()).toEqual({ CB01: 0, CB02: 3 });
    expect(await counted()).toEqual(await fromRows());
    await recalculateTotals(services); // nothing more to repair
    expect(await counted()).toEqual({ CB01: 0, CB02: 3 });
  });
});

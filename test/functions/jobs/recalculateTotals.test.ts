/** The nightly job against Azurite: every org, the right years, idempotent stored state. */
import { TableClient } from '@azure/data-tables';
import { recalculateTotals, yearsToCompute, DEFAULT_RECALC_SCHEDULE, recalculateTotalsJob } from '../../../functions/jobs/recalculateTotals';
import { createServices } from '../../../functions/services';
import { publishRows } from '../../../functions/publish/execute';
import { testConnectionString, uniquePrefix } from '../../support/api';
import { cadre, trip } from '../../support/fixtures';

describe('yearsToCompute / schedule', () => {
  it('computes the previous year too during January only', () => {
    expect(yearsToCompute('2026-01-01')).toEqual([2025, 2026]);
    expect(yearsToCompute('2026-01-31')).toEqual([2025, 2026]);
    expect(yearsToCompute('2026-02-01')).toEqual([2026]);
    expect(yearsToCompute('2025-12-31')).toEqual([2025]);
  });
  it('runs nightly at 01:00 Vietnam time (18:00 UTC) unless RECALC_SCHEDULE says otherwise', () => {
    expect(DEFAULT_RECALC_SCHEDULE).toBe('0 0 18 * * *');
    expect(recalculateTotalsJob.schedule({})).toBe('0 0 18 * * *');
    expect(recalculateTotalsJob.schedule({ RECALC_SCHEDULE: '0 30 17 * * *' })).toBe('0 30 17 * * *');
  });
});

describe('recalculateTotals', () => {
  const prefix = uniquePrefix('job');
  let clock = new Date('2026-01-10T02:00:00Z');
  const services = createServices({ TABLES_CONNECTION_STRING: testConnectionString(), TABLE_PREFIX: prefix }, { now: () => clock, log: () => undefined });
  const principal = { role: 'admin' as const, org: '*', name: 'test' };

  const dump = async (table: string) => {
    const client = TableClient.fromConnectionString(testConnectionString(), `${prefix}${table}`, { allowInsecureConnection: true });
    const out: unknown[] = [];
    for await (const e of client.listEntities()) out.push(e);
    return out;
  };

  beforeAll(async () => {
    for (const org of ['org-a', 'org-b']) {
      await publishRows(services, org, 'cadres', [cadre('CB01'), cadre('CB02')], principal, '2026-01-10');
      await publishRows(services, org, 'trips', [trip('t1', 'CB01', '29/12/2025', '02/01/2026')], principal, '2026-01-10');
    }
  });

  it('stores totals per cadre-year and the day snapshot for every org; a second run changes nothing', async () => {
    const first = await recalculateTotals(services);
    expect(first).toMatchObject({ date: '2026-01-10', orgs: 2, years: [2025, 2026], snapshotsWritten: 4 });
    expect(first.totalsWritten).toBe(8);
    const totals = await services.store.listTotals('org-a', 2025);
    expect(totals.map((t) => t.cadreId)).toEqual(['CB01', 'CB02']);
    expect(totals[0].data).toMatchObject({ cadreId: 'CB01', countedDays: 3 });
    expect((await services.store.listTotals('org-b', 2026))[0].data).toMatchObject({ countedDays: 2 });
    const state = JSON.stringify([await dump('totals'), await dump('snapshots')]);

    clock = new Date('2026-01-10T09:00:00Z');
    const second = await recalculateTotals(services);
    expect(second).toMatchObject({ totalsWritten: 0, snapshotsWritten: 0 });
    expect(JSON.stringify([await dump('totals'), await dump('snapshots')])).toBe(state);
  });

  it('recomputes after a change and records the snapshot of a new day', async () => {
    await publishRows(services, 'org-a', 'trips', [{ id: 't1', deleted: true, version: (await services.store.getRow('org-a', 'trips', 't1'))!.version }], principal, '2026-01-11');
    clock = new Date('2026-02-11T02:00:00Z');
    const report = await recalculateTotals(services);
    expect(report.years).toEqual([2026]);
    const snaps = await services.store.listSnapshots('org-a', 2026);
    expect(snaps.map((s) => s.date)).toEqual(['2026-01-10', '2026-02-11']);
    expect((await services.store.listTotals('org-a', 2026))[0].data).toMatchObject({ cadreId: 'CB01', countedDays: 0 });
  });
});

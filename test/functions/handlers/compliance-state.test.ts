/**
 * GET compliance served from the state kept per org, against Azurite: after publishes of every
 * kind it equals a computation from every stored row; the layout before trip buckets (written
 * straight to storage) keeps working and is migrated on first touch; a lease left by a writer
 * that stopped is taken over and the derived state rebuilt.
 */
import { TableClient, type TransactionAction } from '@azure/data-tables';
import { computeCompliance } from '../../../functions/handlers/compliance';
import { createServices, type Services } from '../../../functions/services';
import { auditEntity, rowEntity } from '../../../functions/storage/entities';
import { recordsPartition, statePartition, tripPartition } from '../../../functions/storage/keys';
import { CURRENT_LAYOUT } from '../../../functions/storage/state';
import { KEYS, startTestApi, type TestApi } from '../../support/api';
import { cadre, NOW, trip, unit } from '../../support/fixtures';

const YEAR = '?year=2025&asOf=2025-12-31';

describe('compliance from the state kept per org', () => {
  let api: TestApi;
  let services: Services;
  beforeAll(async () => {
    api = await startTestApi({}, { now: () => NOW, log: () => undefined });
    services = createServices({ TABLES_CONNECTION_STRING: api.env.TABLES_CONNECTION_STRING, TABLE_PREFIX: api.env.TABLE_PREFIX }, { now: () => NOW, log: () => undefined });
  });
  afterAll(() => api.close());

  const publish = async (org: string, kind: string, rows: unknown[]) => {
    const res = await api.call('POST', `/api/orgs/${org}/${kind}/publish?asOf=2025-12-31`, { key: KEYS.all, body: { rows } });
    expect(res.status).toBe(200);
    return res.body;
  };
  const compliance = async (org: string) => {
    const res = await api.call('GET', `/api/orgs/${org}/compliance${YEAR}`, { key: KEYS.all });
    expect(res.status).toBe(200);
    return res.body;
  };
  const expectSameAsFullComputation = async (org: string) => {
    const served = await compliance(org);
    const full = await computeCompliance(services, org, 2025, '2025-12-31');
    expect({ ...served, computedAt: null }).toEqual({ ...full, computedAt: null, closed: null });
    return served;
  };

  it('stays equal to a computation from every stored row through publishes of every kind', async () => {
    const org = 'state-a';
    await publish(org, 'cadres', [cadre('CB01'), cadre('CB02', { department: 'Văn phòng' }), cadre('CB03')]);
    await publish(org, 'units', [unit('X1', 'Xã Một'), unit('X2', 'Xã Hai'), unit('X3', 'Xã Ba')]);
    const created = await publish(org, 'trips', [
      trip('t1', 'CB01', '03/03/2025', '07/03/2025', { cost: 100000 }),
      trip('t2', 'CB01', '05/03/2025', '09/03/2025', { unit: 'X2', orderNo: 'QĐ1' }),
      trip('t3', 'CB02', '29/12/2025', '02/01/2026', { unit: 'Nơi khác' }),
      trip('t4', 'CB03', '10/04/2025', '12/04/2025', { contents: 'khao_sat' }),
    ]);
    expect(created.summary.created).toBe(4);
    const first = await expectSameAsFullComputation(org); // builds the year's state
    expect((await services.state.getYearMeta(org, 2025))?.asOf).toBe('2025-12-31');
    const gen = (await services.state.getLease(org)).gen;

    // trips: an update, a move to another cadre, a delete, a create; absences; registrations
    const v = (id: string) => created.results.find((r: { id: string }) => r.id === id).version;
    const changed = await publish(org, 'trips', [
      { ...trip('t1', 'CB01', '03/03/2025', '08/03/2025', { cost: 100000 }), version: v('t1') },
      { ...trip('t2', 'CB03', '05/03/2025', '09/03/2025', { unit: 'X2' }), version: v('t2') },
      { id: 't4', version: v('t4'), deleted: true },
      trip('t5', 'CB02', '01/06/2025', '03/06/2025', { unit: 'X3', reportDate: '20/06/2025' }),
    ]);
    expect(changed.summary).toMatchObject({ updated: 2, deleted: 1, created: 1 });
    expect(changed.compliance.map((c: { cadreId: string; year: number }) => `${c.cadreId}/${c.year}`).sort()).toEqual(['CB01/2025', 'CB02/2025', 'CB03/2025']);
    await publish(org, 'absences', [{ id: 'a1', cadreId: 'CB01', from: '01/07/2025', to: '31/08/2025', reason: 'Đi học' }]);
    await publish(org, 'registrations', [{ cadreId: 'CB02', year: 2025, q1Days: 15, q2Days: 15, q3Days: 15, q4Days: 15 }]);
    // publishes of trips, absences and registrations keep the year's state current (no rebuild)
    expect((await services.state.getLease(org)).gen).toBe(gen);
    expect((await services.state.getYearMeta(org, 2025))?.gen).toBe(gen);
    const second = await expectSameAsFullComputation(org);
    expect(second).not.toEqual(first);
    expect(second.cadres.find((c: { cadreId: string }) => c.cadreId === 'CB02')).toMatchObject({ registered: true, plannedDays: 60, trips: 2 });

    // a cadre's and a unit's change, and a policy: a new generation, computed again and equal
    await publish(org, 'cadres', [cadre('CB04', { department: 'Văn phòng' })]);
    await expectSameAsFullComputation(org);
    await publish(org, 'units', [unit('NK', 'Nơi khác')]);
    await expectSameAsFullComputation(org);
    expect((await api.call('PUT', `/api/orgs/${org}/policies/2025`, { key: KEYS.all, body: { requiredDays: 5 } })).status).toBe(200);
    const last = await expectSameAsFullComputation(org);
    expect(last.summary.met).toBeGreaterThan(0);
    expect((await services.state.getLease(org)).gen).toBeGreaterThan(gen);
  });

  it('a trip published into a cadre answers its derived values and warnings from the cadre alone', async () => {
    const org = 'state-b';
    await publish(org, 'cadres', [cadre('CB01'), cadre('CB02')]);
    await publish(org, 'units', [unit('X1', 'Xã Một')]);
    await publish(org, 'trips', [trip('t1', 'CB01', '03/03/2025', '07/03/2025', { orderNo: 'QĐ9' })]);
    const res = await publish(org, 'trips', [trip('t2', 'CB01', '05/03/2025', '09/03/2025', { orderNo: 'QĐ9' }), trip('t3', 'CB02', '05/03/2025', '06/03/2025')]);
    const t2 = res.results[0];
    expect(t2.warnings.map((w: { code: string }) => w.code).sort()).toEqual(['DUPLICATE_ORDER_NO', 'OVERLAP']);
    expect(t2.derived.countedDays).toEqual({ 2025: 2 });
    expect(res.results[1].warnings).toEqual([]);
    // the same answer as GET trips, which evaluates the whole org
    const list = await api.call('GET', `/api/orgs/${org}/trips?asOf=2025-12-31`, { key: KEYS.all });
    const listed = list.body.rows.find((r: { id: string }) => r.id === 't2');
    expect({ derived: listed.derived, warnings: listed.warnings }).toEqual({ derived: t2.derived, warnings: t2.warnings });
    // a create of an id stored under another cadre, without a version: a conflict, not a second row
    const again = await publish(org, 'trips', [trip('t2', 'CB02', '05/03/2025', '09/03/2025')]);
    expect(again.results[0]).toMatchObject({ outcome: 'conflict', current: { cadreId: 'CB01' } });
    // a retried create: unchanged
    expect((await publish(org, 'trips', [trip('t3', 'CB02', '05/03/2025', '06/03/2025')])).summary.unchanged).toBe(1);
  });

  it('reads and migrates the layout before trip buckets, written straight to storage', async () => {
    const org = 'legacy-org';
    // an org as the previous layout kept it (no state at all): cadres, and trips in one
    // partition with their audit entity
    const records = TableClient.fromConnectionString(api.env.TABLES_CONNECTION_STRING!, `${api.env.TABLE_PREFIX}records`, { allowInsecureConnection: true });
    await services.store.ready();
    const cadres = ['CB01', 'CB02'].map((id) => ({ cadreId: id, fullName: `Cán bộ ${id}`, department: 'Ban Tổ chức', position: '', subject: true }));
    await records.submitTransaction(cadres.map((c) => ['create', rowEntity(recordsPartition(org, 'cadres'), c.cadreId, c, false)]));
    const pk = recordsPartition(org, 'trips');
    const old = [
      { id: 'old1', cadreId: 'CB01', unit: 'X1', startDate: '2025-03-03', endDate: '2025-03-07', contents: ['kiem_tra'] },
      { id: 'old2', cadreId: 'CB02', unit: 'X1', startDate: '2025-04-01', endDate: '2025-04-02', contents: ['kiem_tra'] },
      { id: 'old3', cadreId: 'CB02', unit: 'X1', startDate: '2025-05-01', endDate: '2025-05-02', contents: ['kiem_tra'] },
    ];
    const actions: TransactionAction[] = old.map((r) => ['create', rowEntity(pk, r.id, r, r.id === 'old3')]);
    actions.push([
      'create',
      auditEntity(pk, new Date('2025-12-30T03:00:00Z'), 'legacy', 'Old Editor', old.map((r) => ({ kind: 'trips' as const, id: r.id, outcome: 'created' as const, old: null, new: r }))),
    ]);
    const response = await records.submitTransaction(actions);
    const oldVersion = response.getResponseForEntity('r_old1')!.etag!;

    // before any write: GET trips reads the old layout
    const before = await api.call('GET', `/api/orgs/${org}/trips?asOf=2025-12-31&includeDeleted=true`, { key: KEYS.all });
    expect(before.body.rows.map((r: { id: string; deleted?: boolean }) => `${r.id}${r.deleted ? '-' : ''}`)).toEqual(['old1', 'old2', 'old3-']);
    expect(before.body.rows[0].version).toBe(oldVersion);

    // compliance (first touch: migrates) counts the old trips
    const served = await compliance(org);
    expect(served.cadres.map((c: { cadreId: string; countedDays: number }) => [c.cadreId, c.countedDays])).toEqual([
      ['CB01', 5],
      ['CB02', 2],
    ]);
    expect((await services.state.getLease(org)).layout).toBe(CURRENT_LAYOUT);
    expect(await services.store.listPartitionRows(pk)).toEqual([]); // moved into the buckets
    expect((await services.store.getRow(org, 'trips', 'old1'))?.legacyVersion).toBe(oldVersion);

    // a client still holding the old version updates the row; a stale one is a conflict
    const updated = await publish(org, 'trips', [{ ...trip('old1', 'CB01', '03/03/2025', '09/03/2025', { unit: 'X1' }), version: oldVersion }]);
    expect(updated.results[0].outcome).toBe('updated');
    const stale = await publish(org, 'trips', [{ ...trip('old1', 'CB01', '03/03/2025', '10/03/2025', { unit: 'X1' }), version: oldVersion }]);
    expect(stale.results[0].outcome).toBe('conflict');
    // the deleted marker came along: re-sending the id creates it again
    expect((await publish(org, 'trips', [trip('old3', 'CB02', '01/05/2025', '02/05/2025', { unit: 'X1' })])).results[0].outcome).toBe('created');
    await expectSameAsFullComputation(org);

    // the audit keeps the old records and adds the new ones
    const audit = await api.call('GET', `/api/orgs/${org}/audit?from=2025-12-01&to=2025-12-31`, { key: KEYS.all });
    const trips = audit.body.rows.filter((r: { kind: string }) => r.kind === 'trips');
    expect(trips.map((r: { id: string; outcome: string; who: string }) => `${r.id}:${r.outcome}:${r.who}`)).toEqual([
      'old1:created:Old Editor',
      'old2:created:Old Editor',
      'old3:created:Old Editor',
      'old1:updated:Admin All',
      'old3:created:Admin All',
    ]);
    // migrating again (a second takeover) changes nothing
    expect(await services.store.migrateLegacyTrips(org)).toEqual([]);
  });

  it('takes over a lease left by a writer that stopped, and rebuilds the derived state first', async () => {
    const org = 'state-c';
    await publish(org, 'cadres', [cadre('CB01')]);
    await publish(org, 'trips', [trip('t1', 'CB01', '03/03/2025', '07/03/2025')]);
    await compliance(org);
    // a writer stored a row, then stopped before updating the derived state (its lease expired)
    const records = TableClient.fromConnectionString(api.env.TABLES_CONNECTION_STRING!, `${api.env.TABLE_PREFIX}records`, { allowInsecureConnection: true });
    const row = { id: 't2', cadreId: 'CB01', unit: 'X1', startDate: '2025-04-01', endDate: '2025-04-03', contents: ['kiem_tra'] };
    await records.createEntity(rowEntity(tripPartition(org, 't2'), 't2', row, false));
    const lease = await services.state.getLease(org);
    expect(await services.state.putLease(org, { ...lease, holder: 'stopped-writer', expires: Date.now() - 1 }, lease.etag)).not.toBeNull();
    expect(statePartition(org, 'lease')).toBe(org);

    const served = await compliance(org);
    expect(served.cadres[0]).toMatchObject({ cadreId: 'CB01', countedDays: 8, trips: 2 });
    const after = await services.state.getLease(org);
    expect(after).toMatchObject({ holder: '', stale: false });
    await expectSameAsFullComputation(org);
  });
});

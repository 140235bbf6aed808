/**
 * Existing data (issue 8 item 10): trips written in the layout before buckets (every trip of an
 * org in `<org>_trips`, with its audit there) are read through the API, moved to their buckets
 * on first touch, keep their versions as workbooks hold them, and are counted in compliance.
 */
import { TableClient, type TransactionAction } from '@azure/data-tables';
import { auditEntity, rowEntity } from '../../../functions/storage/entities';
import { recordsPartition, ROW_PREFIX, TRIP_BUCKETS, tripBucket, tripsPartition } from '../../../functions/storage/keys';
import { startTestApi, testConnectionString, uniquePrefix, type TestApi } from '../../support/api';
import { cadre, NOW } from '../../support/fixtures';

const ORG = 'demo';
const OLD_PK = recordsPartition(ORG, 'trips');
const oldTrips = [
  { id: 'old-1', cadreId: 'CB01', unit: 'X1', startDate: '2025-03-02', endDate: '2025-03-03', contents: ['kiem_tra'], description: 'Làm việc với xã' },
  { id: 'old-2', cadreId: 'CB01', unit: 'X1', startDate: '2025-04-10', endDate: '2025-04-11', contents: ['kiem_tra'], findings: 'Chi đoàn sinh hoạt đều' },
  { id: 'old-3', cadreId: 'CB02', unit: 'X1', startDate: '2024-12-31', endDate: '2025-01-01', contents: ['kiem_tra'] },
];
const deletedMarker = { id: 'old-4', cadreId: 'CB02', unit: 'X1', startDate: '2025-05-05', endDate: '2025-05-06', contents: ['kiem_tra'] };

describe('trips stored in the layout before buckets', () => {
  const prefix = uniquePrefix('layout');
  let records: TableClient;
  const oldVersions = new Map<string, string>();
  let api: TestApi;

  beforeAll(async () => {
    records = TableClient.fromConnectionString(testConnectionString(), `${prefix}records`, { allowInsecureConnection: true });
    await records.createTable();
    // The old layout, written as the API before buckets wrote it: rows and their audit in one partition.
    const actions: TransactionAction[] = [
      ...oldTrips.map((t) => ['create', rowEntity(OLD_PK, t.id, t, false)] as TransactionAction),
      ['create', rowEntity(OLD_PK, deletedMarker.id, deletedMarker, true)],
      [
        'create',
        auditEntity(OLD_PK, new Date('2025-06-01T01:00:00Z'), '00000001aa', 'Người cũ', [
          ...oldTrips.map((t) => ({ kind: 'trips' as const, id: t.id, outcome: 'created' as const, old: null, new: t })),
        ]),
      ],
    ];
    const response = await records.submitTransaction(actions);
    for (const t of [...oldTrips, deletedMarker]) oldVersions.set(t.id, response.getResponseForEntity(`${ROW_PREFIX}${t.id}`)!.etag!);
    api = await startTestApi({ TABLE_PREFIX: prefix }, { now: () => NOW, log: () => undefined });
    await api.call('POST', `/api/orgs/${ORG}/cadres/publish`, { body: { rows: [cadre('CB01'), cadre('CB02')] } });
  });
  afterAll(() => api.close());

  it('lists them, counts them in compliance, moves them to their buckets and keeps their old audit', async () => {
    const rows = (await api.call('GET', `/api/orgs/${ORG}/trips?includeDeleted=true`)).body.rows as Array<{ id: string; deleted?: boolean; findings?: string }>;
    expect(rows.map((r) => [r.id, r.deleted === true])).toEqual([
      ['old-1', false],
      ['old-2', false],
      ['old-3', false],
      ['old-4', true],
    ]);
    expect(rows[1].findings).toBe('Chi đoàn sinh hoạt đều');

    const compliance = await api.call('GET', `/api/orgs/${ORG}/compliance?year=2025&asOf=2025-12-31`);
    const counted = Object.fromEntries((compliance.body.cadres as Array<{ cadreId: string; countedDays: number }>).map((c) => [c.cadreId, c.countedDays]));
    expect(counted).toEqual({ CB01: 4, CB02: 1 }); // old-3 crosses New Year: 1 day in 2025; old-4 is deleted
    const y2024 = await api.call('GET', `/api/orgs/${ORG}/compliance?year=2024&asOf=2024-12-31`);
    expect(y2024.body.cadres.find((c: { cadreId: string }) => c.cadreId === 'CB02').countedDays).toBe(1);

    // moved: nothing left in the old partition but its audit; each row in its bucket
    const left = [];
    for await (const e of records.listEntities({ queryOptions: { filter: `PartitionKey eq '${OLD_PK}'` } })) left.push(String(e.rowKey));
    expect(left.every((k) => k.startsWith('a_'))).toBe(true);
    expect(left).toHaveLength(1);
    for (const t of [...oldTrips, deletedMarker]) {
      const e = await records.getEntity(tripsPartition(ORG, tripBucket(t.id)), `${ROW_PREFIX}${t.id}`);
      expect(e.v0).toBe(oldVersions.get(t.id));
    }
    expect(TRIP_BUCKETS).toBeGreaterThan(1);

    const audit = (await api.call('GET', `/api/orgs/${ORG}/audit?from=2025-01-01&to=2026-01-01`)).body.rows as Array<{ id: string; who: string }>;
    expect(audit.filter((r) => r.who === 'Người cũ').map((r) => r.id)).toEqual(['old-1', 'old-2', 'old-3']);
  });

  it('takes the versions workbooks hold from before the move, once; a retry is unchanged', async () => {
    const edit = { id: 'old-1', cadreId: 'CB01', unit: 'X1', startDate: '02/03/2025', endDate: '04/03/2025', contents: 'kiem_tra', description: 'Làm việc với xã', version: oldVersions.get('old-1') };
    const first = await api.call('POST', `/api/orgs/${ORG}/trips/publish?asOf=2025-12-31`, { body: { rows: [edit] } });
    expect(first.body.results[0].outcome).toBe('updated');
    expect(first.body.compliance.find((c: { cadreId: string }) => c.cadreId === 'CB01').countedDays).toBe(5);
    const again = await api.call('POST', `/api/orgs/${ORG}/trips/publish?asOf=2025-12-31`, { body: { rows: [edit] } });
    expect(again.body.results[0]).toMatchObject({ outcome: 'unchanged', version: first.body.results[0].version });
    const stale = await api.call('POST', `/api/orgs/${ORG}/trips/publish?asOf=2025-12-31`, { body: { rows: [{ ...edit, endDate: '05/03/2025' }] } });
    expect(stale.body.results[0].outcome).toBe('conflict');
    // the same content sent without a version (a workbook that lost it): unchanged, not stored again
    const same = await api.call('POST', `/api/orgs/${ORG}/trips/publish?asOf=2025-12-31`, {
      body: { rows: [{ id: 'old-2', cadreId: 'CB01', unit: 'X1', startDate: '10/04/2025', endDate: '11/04/2025', contents: 'kiem_tra', findings: 'Chi đoàn sinh hoạt đều' }] },
    });
    expect(same.body.results[0].outcome).toBe('unchanged');
    const del = await api.call('POST', `/api/orgs/${ORG}/trips/publish?asOf=2025-12-31`, { body: { rows: [{ id: 'old-3', deleted: true, version: oldVersions.get('old-3') }] } });
    expect(del.body.results[0].outcome).toBe('deleted');

    // a second process (no memory of the move) reads the same
    const other = await startTestApi({ TABLE_PREFIX: prefix }, { now: () => NOW, log: () => undefined });
    try {
      const compliance = await other.call('GET', `/api/orgs/${ORG}/compliance?year=2025&asOf=2025-12-31`);
      const counted = Object.fromEntries((compliance.body.cadres as Array<{ cadreId: string; countedDays: number }>).map((c) => [c.cadreId, c.countedDays]));
      expect(counted).toEqual({ CB01: 5, CB02: 0 });
      const rows = (await other.call('GET', `/api/orgs/${ORG}/trips`)).body.rows as Array<{ id: string }>;
      expect(rows.map((r) => r.id)).toEqual(['old-1', 'old-2']);
    } finally {
      await other.close();
    }
  });
});

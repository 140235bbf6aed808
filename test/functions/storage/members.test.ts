/**
 * The members store on Azurite: concurrent changes of one member lose nothing and duplicate
 * nothing (every write conditional on the version it was decided from, with its audit in the
 * same transaction), removal keeps a marker, `*` has its own partition.
 */
import { createTables } from '../../../functions/storage/tables';
import { MemberStore, membersPartition } from '../../../functions/storage/members';
import { Store } from '../../../functions/storage/store';
import { testConnectionString, uniquePrefix } from '../../support/api';

const ROLES = ['viewer', 'editor', 'leader', 'admin'] as const;

describe('MemberStore', () => {
  const tables = createTables({ connectionString: testConnectionString(), prefix: uniquePrefix('mem') });
  const members = new MemberStore(tables);
  const store = new Store(tables);
  const now = () => new Date();

  it('keeps an audit chain without gaps or duplicates under concurrent changes of one member', async () => {
    const settled = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => members.put('demo', { account: 'x@demo.vn', name: `N${i % 3}`, role: ROLES[i % 4] }, `admin${i}`, now)),
    );
    // A writer that kept losing gets 503 (nothing of it stored; the client retries).
    for (const r of settled) if (r.status === 'rejected') expect((r.reason as Error).constructor.name).toBe('StorageUnavailableError');
    const results = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const final = await members.get('demo', 'x@demo.vn');
    const audit = (await store.listAudit('demo', new Date(Date.now() - 60_000), new Date(Date.now() + 60_000))).filter((a) => a.kind === 'members');
    // Each audit record's "old" is the previous record's "new", and the last "new" is what is stored.
    expect(audit[0]).toMatchObject({ outcome: 'created', old: null });
    for (let i = 1; i < audit.length; i++) expect(audit[i].old).toEqual(audit[i - 1].new);
    expect(audit.at(-1)!.new).toEqual(final);
    expect(audit.length).toBeLessThanOrEqual(results.length);
  });

  it('removes with a marker (conditional), re-adds as created, and keeps * apart from every org', async () => {
    expect(await members.remove('demo', 'x@demo.vn', 'a', now)).toBe(true);
    expect(await members.remove('demo', 'x@demo.vn', 'a', now)).toBe(false);
    expect(await members.get('demo', 'x@demo.vn')).toBeNull();
    expect(await members.list('demo')).toEqual([]);
    expect((await members.put('demo', { account: 'x@demo.vn', name: '', role: 'viewer' }, 'a', now)).created).toBe(true);
    await members.put('*', { account: 'x@demo.vn', name: 'TW', role: 'admin' }, 'a', now);
    expect(await members.list('*')).toEqual([{ account: 'x@demo.vn', name: 'TW', role: 'admin' }]);
    expect(await members.get('demo', 'x@demo.vn')).toEqual({ account: 'x@demo.vn', name: '', role: 'viewer' });
    expect(membersPartition('*')).toBe('_all_members');
    expect(membersPartition('all')).toBe('all_members');
  });
});

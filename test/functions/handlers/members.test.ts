/**
 * Members through the dev host on Azurite: routes, validation, the role × org matrix for
 * tokens (as auth-matrix.test.ts does for keys), ADMIN_ACCOUNTS, members of `*`, `GET /api/me`,
 * and the audit naming the account.
 */
import { ROUTES } from '../../../functions/routes';
import { KEYS, startTestApi, type TestApi } from '../../support/api';
import { startLocalIdp, type LocalIdp } from '../../support/jwks';
import { allowedStatus, pathOf } from '../../support/routes';

const ORDER = ['viewer', 'editor', 'leader', 'admin'] as const;
const ACCOUNT = { viewer: 'viewer@demo.vn', editor: 'editor@demo.vn', leader: 'leader@demo.vn', admin: 'admin@demo.vn' } as const;

describe('members and accounts', () => {
  let idp: LocalIdp;
  let api: TestApi;
  const tokens = new Map<string, string>();

  async function tokenOf(account: string): Promise<string> {
    if (!tokens.has(account)) tokens.set(account, await idp.token({ preferred_username: account, name: `Tên ${account}` }));
    return tokens.get(account)!;
  }
  async function as(account: string, method: string, path: string, opts: { body?: unknown; rawBody?: string } = {}) {
    return api.call(method, path, { ...opts, key: null, headers: { authorization: `Bearer ${await tokenOf(account)}` } });
  }

  beforeAll(async () => {
    idp = await startLocalIdp();
    api = await startTestApi(idp.env({ ADMIN_ACCOUNTS: 'Chief@TW.vn:*, boss@demo.vn:demo' }));
    for (const role of ORDER) {
      const res = await api.call('PUT', `/api/orgs/demo/members/${ACCOUNT[role]}`, { body: { role, name: `Người ${role}` } });
      expect(res.status).toBe(201);
    }
    expect((await api.call('PUT', '/api/orgs/other/members/editor@other.vn', { key: KEYS.all, body: { role: 'admin' } })).status).toBe(201);
    expect((await api.call('PUT', '/api/orgs/*/members/national@tw.vn', { key: KEYS.all, body: { role: 'viewer', name: 'Trung ương' } })).status).toBe(201);
  });
  afterAll(async () => {
    await api.close();
    await idp.close();
  });

  const orgRoutes = ROUTES.filter((r) => r.role !== null && r.pattern.includes('{org}'));

  it.each(orgRoutes.map((r) => [r.name, r] as const))('%s: the role × org matrix for accounts as for keys', async (_name, route) => {
    const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : '{not json';
    const required = ORDER.indexOf(route.role!);
    for (const [i, role] of ORDER.entries()) {
      const res = await as(ACCOUNT[role], route.method, pathOf(route.pattern, 'demo'), { rawBody: body });
      expect([role, res.status]).toEqual([role, i < required ? 403 : allowedStatus(route)]);
      if (i < required) expect(res.body.error.code).toBe('FORBIDDEN');
    }
    // a member of another org, and an account that is a member of nothing
    for (const stranger of ['editor@other.vn', 'nobody@demo.vn']) {
      const res = await as(stranger, route.method, pathOf(route.pattern, 'demo'), { rawBody: body });
      expect([stranger, res.status, res.body.error.code]).toEqual([stranger, 403, 'FORBIDDEN']);
    }
    // ADMIN_ACCOUNTS: an admin of demo without a member row, an admin of every org
    for (const admin of ['boss@demo.vn', 'chief@tw.vn']) {
      const res = await as(admin, route.method, pathOf(route.pattern, 'demo'), { rawBody: body });
      expect([admin, res.status]).toEqual([admin, allowedStatus(route)]);
    }
    expect((await as('boss@demo.vn', route.method, pathOf(route.pattern, 'other'), { rawBody: body })).status).toBe(403);
    // a viewer of every org (member of `*`)
    const national = await as('national@tw.vn', route.method, pathOf(route.pattern, 'other'), { rawBody: body });
    expect(national.status).toBe(route.role === 'viewer' ? allowedStatus(route) : 403);
  });

  it('lists, changes and removes members; a removed member loses access at once', async () => {
    const list = await as('admin@demo.vn', 'GET', '/api/orgs/demo/members');
    expect(list.body.rows).toEqual([
      { account: 'admin@demo.vn', name: 'Người admin', role: 'admin' },
      { account: 'editor@demo.vn', name: 'Người editor', role: 'editor' },
      { account: 'leader@demo.vn', name: 'Người leader', role: 'leader' },
      { account: 'viewer@demo.vn', name: 'Người viewer', role: 'viewer' },
    ]);
    const added = await as('admin@demo.vn', 'PUT', '/api/orgs/demo/members/Temp.User%40Demo.vn', { body: { role: 'editor', name: ' Tạm ' } });
    expect([added.status, added.body]).toEqual([201, { account: 'temp.user@demo.vn', name: 'Tạm', role: 'editor' }]);
    expect((await as('temp.user@demo.vn', 'POST', '/api/orgs/demo/cadres/publish', { body: { rows: [] } })).status).toBe(200);
    const changed = await as('admin@demo.vn', 'PUT', '/api/orgs/demo/members/temp.user@demo.vn', { body: { role: 'viewer', name: 'Tạm' } });
    expect([changed.status, changed.body.role]).toEqual([200, 'viewer']);
    expect((await as('temp.user@demo.vn', 'POST', '/api/orgs/demo/cadres/publish', { body: { rows: [] } })).status).toBe(403);
    const removed = await as('admin@demo.vn', 'DELETE', '/api/orgs/demo/members/temp.user@demo.vn');
    expect([removed.status, removed.body]).toEqual([200, { account: 'temp.user@demo.vn', deleted: true }]);
    expect((await as('temp.user@demo.vn', 'GET', '/api/orgs/demo/cadres')).status).toBe(403);
    const again = await as('admin@demo.vn', 'DELETE', '/api/orgs/demo/members/temp.user@demo.vn');
    expect([again.status, again.body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await as('admin@demo.vn', 'GET', '/api/orgs/demo/members')).body.rows).toHaveLength(4);
    // re-adding after a removal creates the member again
    expect((await as('admin@demo.vn', 'PUT', '/api/orgs/demo/members/temp.user@demo.vn', { body: { role: 'viewer' } })).status).toBe(201);
    expect((await as('admin@demo.vn', 'DELETE', '/api/orgs/demo/members/temp.user@demo.vn')).status).toBe(200);
  });

  it('refuses a bad account, role or name with a Vietnamese message naming the field, storing nothing', async () => {
    const badAccount = await as('admin@demo.vn', 'PUT', '/api/orgs/demo/members/no-at-sign', { body: { role: 'viewer' } });
    expect([badAccount.status, badAccount.body.error.code]).toEqual([400, 'INVALID_PARAM']);
    expect(badAccount.body.error.message).toMatch(/Tài khoản \(account\)/);
    const badRole = await as('admin@demo.vn', 'PUT', '/api/orgs/demo/members/x@demo.vn', { body: { role: 'owner' } });
    expect([badRole.status, badRole.body.error.code]).toEqual([400, 'BAD_BODY']);
    expect(badRole.body.error.message).toMatch(/role: "owner" không hợp lệ/);
    const badName = await as('admin@demo.vn', 'PUT', '/api/orgs/demo/members/x@demo.vn', { body: { role: 'viewer', name: 'n'.repeat(201) } });
    expect(badName.body.error.message).toMatch(/^.*name:/);
    const notJson = await as('admin@demo.vn', 'PUT', '/api/orgs/demo/members/x@demo.vn', { rawBody: '{' });
    expect(notJson.body.error.code).toBe('BAD_JSON');
    expect((await as('admin@demo.vn', 'GET', '/api/orgs/demo/members')).body.rows.map((r: { account: string }) => r.account)).not.toContain('x@demo.vn');
  });

  it('manages members of every org (*) only with a role over every org', async () => {
    expect((await as('admin@demo.vn', 'GET', '/api/orgs/*/members')).status).toBe(403);
    expect((await api.call('GET', '/api/orgs/*/members', { key: KEYS.admin })).status).toBe(403);
    expect((await api.call('GET', '/api/orgs/*/audit', { key: KEYS.all })).status).toBe(400);
    const chief = await as('chief@tw.vn', 'GET', '/api/orgs/%2A/members');
    expect(chief.body.rows).toEqual([{ account: 'national@tw.vn', name: 'Trung ương', role: 'viewer' }]);
  });

  it('GET /api/me: memberships of an account, of ADMIN_ACCOUNTS, of `*`, and of a key', async () => {
    expect((await as('leader@demo.vn', 'GET', '/api/me')).body).toEqual({
      account: 'leader@demo.vn',
      name: 'Tên leader@demo.vn',
      memberships: [{ org: 'demo', role: 'leader' }],
    });
    expect((await as('boss@demo.vn', 'GET', '/api/me')).body.memberships).toEqual([{ org: 'demo', role: 'admin' }]);
    expect((await as('chief@tw.vn', 'GET', '/api/me')).body.memberships).toEqual([{ org: '*', role: 'admin' }]);
    expect((await as('national@tw.vn', 'GET', '/api/me')).body.memberships).toEqual([{ org: '*', role: 'viewer' }]);
    expect((await as('nobody@demo.vn', 'GET', '/api/me')).body).toEqual({ account: 'nobody@demo.vn', name: 'Tên nobody@demo.vn', memberships: [] });
    expect((await api.call('GET', '/api/me', { key: KEYS.all })).body).toEqual({ account: 'Admin All', name: 'Admin All', memberships: [{ org: '*', role: 'admin' }] });
    expect((await api.call('GET', '/api/me', { key: 'nope' })).status).toBe(401);
  });

  it('the audit names the account for a token and the key NAME for a key, member changes included', async () => {
    const cadre = { cadreId: 'CB-AUD', fullName: 'Trần Văn Kiểm', department: 'VP' };
    expect((await as('editor@demo.vn', 'POST', '/api/orgs/demo/cadres/publish', { body: { rows: [cadre] } })).body.summary.created).toBe(1);
    await as('admin@demo.vn', 'PUT', '/api/orgs/demo/members/audited@demo.vn', { body: { role: 'viewer', name: 'A' } });
    await as('admin@demo.vn', 'PUT', '/api/orgs/demo/members/audited@demo.vn', { body: { role: 'viewer', name: 'A' } });
    await api.call('PUT', '/api/orgs/demo/members/audited@demo.vn', { key: KEYS.admin, body: { role: 'editor', name: 'A' } });
    await as('boss@demo.vn', 'DELETE', '/api/orgs/demo/members/audited@demo.vn');
    const audit = await as('admin@demo.vn', 'GET', '/api/orgs/demo/audit');
    expect(audit.status).toBe(200);
    const rows = audit.body.rows as Array<{ who: string; kind: string; id: string; outcome: string; old: unknown; new: unknown }>;
    expect(rows.find((r) => r.kind === 'cadres' && r.id === 'CB-AUD')).toMatchObject({ who: 'editor@demo.vn', outcome: 'created' });
    const memberRows = rows.filter((r) => r.kind === 'members' && r.id === 'audited@demo.vn');
    expect(memberRows.map((r) => [r.who, r.outcome])).toEqual([
      ['admin@demo.vn', 'created'],
      ['Admin Demo', 'updated'],
      ['boss@demo.vn', 'deleted'],
    ]);
    expect(memberRows[1]).toMatchObject({ old: { role: 'viewer' }, new: { role: 'editor' } });
  });
});

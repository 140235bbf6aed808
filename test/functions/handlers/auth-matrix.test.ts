/** 401/403 on every route of the table, checked before any work (role × org matrix). */
import { ROUTES } from '../../../functions/routes';
import { KEYS, startTestApi, type TestApi } from '../../support/api';
import { allowedStatus, pathOf } from '../../support/routes';

const ROLE_KEYS = { viewer: KEYS.viewer, editor: KEYS.editor, leader: KEYS.leader, admin: KEYS.admin } as const;
const ORDER = ['viewer', 'editor', 'leader', 'admin'] as const;

describe('authentication and roles on every route', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  // Routes of one org; `me` (any caller) and `rollup` (org `*`) have their own tests.
  const keyed = ROUTES.filter((r) => r.role !== null && r.pattern.includes('{org}'));

  it('covers every route but health, me and rollup', () => {
    expect(keyed.length).toBe(ROUTES.length - 3);
  });

  it.each(keyed.map((r) => [r.name, r] as const))('%s: 401 without or with an unknown key, even with a malformed body', async (_name, route) => {
    for (const key of [null, 'wrong-key', '']) {
      const res = await api.call(route.method, pathOf(route.pattern, 'demo'), { key, rawBody: route.method === 'GET' ? undefined : '{not json' });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHENTICATED');
    }
  });

  it.each(keyed.map((r) => [r.name, r] as const))('%s: 403 for a key of another org and for too low a role', async (_name, route) => {
    const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : '{not json';
    const other = await api.call(route.method, pathOf(route.pattern, 'demo'), { key: KEYS.other, rawBody: body });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('FORBIDDEN');
    const required = ORDER.indexOf(route.role!);
    for (const [i, role] of ORDER.entries()) {
      const res = await api.call(route.method, pathOf(route.pattern, 'demo'), { key: ROLE_KEYS[role], rawBody: body });
      if (i < required) {
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('FORBIDDEN');
      } else {
        // allowed: a bad body then gives 400 (recalculate takes no body), a GET succeeds
        expect(res.status).toBe(allowedStatus(route));
      }
    }
  });

  it('lets a key of every org (*) into any org, and checks the org id only after authentication', async () => {
    expect((await api.call('GET', '/api/orgs/other/cadres', { key: KEYS.all })).status).toBe(200);
    const bad = await api.call('GET', `/api/orgs/${encodeURIComponent("x' or 1 eq 1")}/cadres`, { key: KEYS.all });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_PARAM');
    expect((await api.call('GET', '/api/orgs/BAD_ORG/cadres', { key: KEYS.admin })).status).toBe(403);
  });

  it('checks the key before answering 405 on a keyed path (health, keyless, answers 405 at once)', async () => {
    for (const key of [null, 'wrong-key']) {
      const res = await api.call('DELETE', '/api/orgs/demo/trips', { key });
      expect([res.status, res.body.error.code]).toEqual([401, 'UNAUTHENTICATED']);
    }
    const known = await api.call('DELETE', '/api/orgs/demo/trips', { key: KEYS.viewer });
    expect([known.status, known.body.error.code, known.headers.get('allow')]).toEqual([405, 'METHOD_NOT_ALLOWED', 'GET']);
    const health = await api.call('DELETE', '/api/health', { key: null });
    expect(health.status).toBe(405);
  });

  it('never echoes the key or a stack trace', async () => {
    const res = await api.call('GET', '/api/orgs/demo/cadres', { key: 'secret-looking-key-123' });
    expect(JSON.stringify(res.body)).not.toContain('secret-looking-key-123');
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/);
  });
});

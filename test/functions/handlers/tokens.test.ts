/**
 * Bearer tokens through the real dev host on Azurite, against a local JWKS (identity.md "Tests
 * that must exist"): every refusal answers 401 `UNAUTHENTICATED` with the body of a missing
 * key (the reason only in the log); a good token and one within the clock skew are accepted.
 */
import { CLIENT_ID, hs256WithPublicKey, ISSUER, makeKey, startLocalIdp, unsignedToken, type LocalIdp } from '../../support/jwks';
import { KEYS, startTestApi, type TestApi } from '../../support/api';

const now = (): number => Math.floor(Date.now() / 1000);

describe('bearer tokens', () => {
  let idp: LocalIdp;
  let api: TestApi;
  const logs: Array<{ message: string; fields?: Record<string, unknown> }> = [];
  let refusalBody: unknown;

  const withToken = (token: string, path = '/api/orgs/demo/cadres', method = 'GET') =>
    api.call(method, path, { key: null, headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    idp = await startLocalIdp();
    api = await startTestApi(idp.env(), { log: (message, fields) => logs.push({ message, fields }) });
    expect((await api.call('PUT', '/api/orgs/demo/members/lan.nguyen@tinhdoan.vn', { body: { role: 'viewer', name: 'Lan' } })).status).toBe(201);
    refusalBody = (await api.call('GET', '/api/orgs/demo/cadres', { key: null })).body;
  });
  afterAll(async () => {
    await api.close();
    await idp.close();
  });

  it('accepts a good token: the account (lower case) and the name come from the token', async () => {
    const res = await withToken(await idp.token());
    expect(res.status).toBe(200);
    const me = await withToken(await idp.token(), '/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ account: 'lan.nguyen@tinhdoan.vn', name: 'Nguyễn Thị Lan', memberships: [{ org: 'demo', role: 'viewer' }] });
  });

  it('accepts exp and nbf within 5 minutes of skew', async () => {
    expect((await withToken(await idp.token({ exp: now() - 240 }))).status).toBe(200);
    expect((await withToken(await idp.token({ nbf: now() + 240, iat: now() + 240 }))).status).toBe(200);
  });

  it('accepts the audience as the client id, api://<id>, api://…/<id>, and an array holding one', async () => {
    for (const aud of [CLIENT_ID, `api://${CLIENT_ID}`, `api://localhost:3000/${CLIENT_ID}`, ['x', `api://${CLIENT_ID}`]]) {
      expect([aud, (await withToken(await idp.token({ aud }))).status]).toEqual([aud, 200]);
    }
  });

  const refusals: Array<[string, () => Promise<string>, RegExp]> = [
    ['a wrong signature (another key under the JWKS kid)', () => idp.token({}, { key: idp.stranger, kid: idp.key.kid }), /signature/i],
    ['a key not in the JWKS', () => idp.token({}, { key: idp.stranger }), /JWKS|key/i],
    ['alg none', () => Promise.resolve(unsignedToken()), /alg|JOSE|Unsecured|none/i],
    ['HS256 signed with the public key as secret', () => hs256WithPublicKey(idp.key), /alg/i],
    ['a wrong aud', () => idp.token({ aud: 'bbbbbbbb-0000-0000-0000-000000000000' }), /aud/],
    ['an aud that only ends like the id', () => idp.token({ aud: `x${CLIENT_ID}` }), /aud/],
    ['a wrong iss', () => idp.token({ iss: 'https://login.microsoftonline.com/common/v2.0' }), /iss/],
    ['no iss', () => idp.token({ iss: undefined }), /iss/],
    ['another tenant (tid)', () => idp.token({ tid: '99999999-2222-3333-4444-555555555555' }), /tid/],
    ['no tid', () => idp.token({ tid: undefined }), /tid/],
    ['expired beyond the skew', () => idp.token({ exp: now() - 360 }), /exp/],
    ['no exp', () => idp.token({ exp: undefined }), /exp/],
    ['not yet valid beyond the skew', () => idp.token({ nbf: now() + 360 }), /nbf/],
    ['a missing scope', () => idp.token({ scp: undefined }), /scp/],
    ['another scope only', () => idp.token({ scp: 'User.Read access_as_user_x' }), /scp/],
    ['a role claim instead of scp (an app token)', () => idp.token({ scp: undefined, roles: ['access_as_user'] }), /scp/],
    ['no preferred_username', () => idp.token({ preferred_username: undefined }), /preferred_username/],
    ['a garbled token', () => Promise.resolve('not.a.token'), /JWS|JWT|Invalid|Compact/i],
    ['a token with a changed payload', async () => {
      const [h, , s] = (await idp.token()).split('.');
      return `${h}.${Buffer.from(JSON.stringify({ preferred_username: 'boss@tinhdoan.vn' })).toString('base64url')}.${s}`;
    }, /signature|JWT|claim/i],
  ];

  it.each(refusals)('refuses %s: 401 with no detail in the body, the reason in the log', async (_label, make, reason) => {
    logs.length = 0;
    const res = await withToken(await make());
    expect(res.status).toBe(401);
    expect(res.body).toEqual(refusalBody);
    const refused = logs.filter((l) => l.message === 'bearer token refused');
    expect(refused).toHaveLength(1);
    expect(String(refused[0].fields?.reason)).toMatch(reason);
  });

  it('refuses a malformed Authorization header and a bearer token on a key-only request', async () => {
    for (const authorization of ['Bearer', 'Bearer a b', 'Bearer  ', 'bearer ' + 'x'.repeat(12_000)]) {
      const res = await api.call('GET', '/api/orgs/demo/cadres', { key: null, headers: { authorization } });
      expect([authorization.slice(0, 12), res.status, res.body]).toEqual([authorization.slice(0, 12), 401, refusalBody]);
    }
    // A bearer header is what counts when both are sent: a bad token is not rescued by a key.
    const both = await api.call('GET', '/api/orgs/demo/cadres', { key: KEYS.admin, headers: { authorization: 'Bearer garbage' } });
    expect(both.status).toBe(401);
    // Another scheme is ignored and the key decides.
    const basic = await api.call('GET', '/api/orgs/demo/cadres', { key: KEYS.admin, headers: { authorization: 'Basic dXNlcjpwdw==' } });
    expect(basic.status).toBe(200);
  });

  it('checks the token before answering 405 on a keyed path', async () => {
    const bad = await api.call('DELETE', '/api/orgs/demo/trips', { key: null, headers: { authorization: 'Bearer garbage' } });
    expect(bad.status).toBe(401);
    const good = await api.call('DELETE', '/api/orgs/demo/trips', { key: null, headers: { authorization: `Bearer ${await idp.token()}` } });
    expect(good.status).toBe(405);
  });

  it('fetches the JWKS once for many tokens, and on an unknown kid at most once a minute', async () => {
    const before = idp.fetches();
    for (let i = 0; i < 5; i++) expect((await withToken(await idp.token())).status).toBe(200);
    expect(idp.fetches()).toBe(before);
    const rotated = await makeKey('k-rotated');
    idp.serve([idp.key, rotated]);
    const realNow = Date.now.bind(Date);
    const spy = jest.spyOn(Date, 'now');
    try {
      spy.mockImplementation(() => realNow() + 61_000);
      // an unknown kid after the cooldown: one refetch finds the rotated key
      expect((await withToken(await idp.token({}, { key: rotated })))).toMatchObject({ status: 200 });
      expect(idp.fetches()).toBe(before + 1);
      // unknown kids again within the minute: refused without another fetch
      for (let i = 0; i < 3; i++) expect((await withToken(await idp.token({}, { key: idp.stranger }))).status).toBe(401);
      expect(idp.fetches()).toBe(before + 1);
      spy.mockImplementation(() => realNow() + 122_000);
      expect((await withToken(await idp.token({}, { key: idp.stranger }))).status).toBe(401);
      expect(idp.fetches()).toBe(before + 2);
    } finally {
      spy.mockRestore();
      idp.serve([idp.key]);
    }
  });

  it('keeps keys working unchanged beside tokens', async () => {
    expect((await api.call('GET', '/api/orgs/demo/cadres', { key: KEYS.viewer })).status).toBe(200);
    expect((await api.call('GET', '/api/orgs/demo/cadres', { key: 'wrong' })).status).toBe(401);
    expect(ISSUER).toContain('/v2.0');
  });
});

describe('bearer tokens without ENTRA_TENANT_ID', () => {
  let idp: LocalIdp;
  let api: TestApi;
  beforeAll(async () => {
    idp = await startLocalIdp();
    const { ENTRA_TENANT_ID: _t, ...rest } = idp.env();
    api = await startTestApi(rest);
  });
  afterAll(async () => {
    await api.close();
    await idp.close();
  });

  it('refuses a token that would otherwise be good (401), and keys still work', async () => {
    const res = await api.call('GET', '/api/me', { key: null, headers: { authorization: `Bearer ${await idp.token()}` } });
    expect([res.status, res.body.error.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect(idp.fetches()).toBe(0);
    const key = await api.call('GET', '/api/me', { key: KEYS.editor });
    expect(key.body).toEqual({ account: 'Editor Demo', name: 'Editor Demo', memberships: [{ org: 'demo', role: 'editor' }] });
  });
});

import { audienceAccepted, entraConfig, hasScope, identityOf } from '../../../functions/auth/entra';

describe('entraConfig', () => {
  it('is null without ENTRA_TENANT_ID (bearer tokens refused)', () => {
    expect(entraConfig({ ENTRA_CLIENT_ID: 'c' })).toBeNull();
    expect(entraConfig({ ENTRA_TENANT_ID: '  ' })).toBeNull();
  });
  it("defaults the issuer and the JWKS to the tenant's v2.0 endpoints", () => {
    expect(entraConfig({ ENTRA_TENANT_ID: 't1', ENTRA_CLIENT_ID: 'c1' })).toEqual({
      tenantId: 't1',
      clientId: 'c1',
      extraAudiences: [],
      issuer: 'https://login.microsoftonline.com/t1/v2.0',
      jwksUrl: 'https://login.microsoftonline.com/t1/discovery/v2.0/keys',
    });
  });
  it('needs a client id or an audience, and a tenant id without URL characters', () => {
    expect(() => entraConfig({ ENTRA_TENANT_ID: 't1' })).toThrow(/ENTRA_CLIENT_ID/);
    expect(entraConfig({ ENTRA_TENANT_ID: 't1', ENTRA_AUDIENCE: 'a, b' })?.extraAudiences).toEqual(['a', 'b']);
    expect(() => entraConfig({ ENTRA_TENANT_ID: 't1/../x', ENTRA_CLIENT_ID: 'c' })).toThrow(/tenant/);
  });
});

describe('audienceAccepted', () => {
  const config = entraConfig({ ENTRA_TENANT_ID: 't', ENTRA_CLIENT_ID: 'cid', ENTRA_AUDIENCE: 'https://api.example.vn' })!;
  it.each([['cid'], ['api://cid'], ['api://host.vn/cid'], ['https://api.example.vn'], [['x', 'cid']]])('accepts %j', (aud) => {
    expect(audienceAccepted(config, aud)).toBe(true);
  });
  it.each([['cid2'], ['xcid'], ['api://cid2'], ['api:///cid'], ['https://host/cid'], [[]], [undefined]])('refuses %j', (aud) => {
    expect(audienceAccepted(config, aud as string)).toBe(false);
  });
});

describe('scope and identity', () => {
  it('reads scp as a space-separated list', () => {
    expect(hasScope('User.Read access_as_user', 'access_as_user')).toBe(true);
    expect(hasScope('access_as_users', 'access_as_user')).toBe(false);
    expect(hasScope(['access_as_user'], 'access_as_user')).toBe(false);
  });
  it('takes the account from preferred_username in lower case, the name from name', () => {
    expect(identityOf({ preferred_username: ' A@B.VN ', name: 'An' })).toEqual({ account: 'a@b.vn', name: 'An' });
    expect(identityOf({ preferred_username: 'a@b.vn' })).toEqual({ account: 'a@b.vn', name: 'a@b.vn' });
    expect(identityOf({ name: 'x' })).toBe('no preferred_username');
  });
});

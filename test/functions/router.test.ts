import { MethodNotAllowedError, NotFoundError } from '../../functions/http/errors';
import { compilePattern, createRouter } from '../../functions/router';
import { ROUTES } from '../../functions/routes';

describe('router', () => {
  const router = createRouter(ROUTES);
  it('matches literal kinds before nothing else, with decoded params', () => {
    expect(router.match('GET', '/orgs/demo/trips').route.name).toBe('listTrips');
    expect(router.match('POST', '/orgs/demo/trips/publish').route.name).toBe('publishTrips');
    expect(router.match('GET', '/orgs/demo/compliance').route.name).toBe('getCompliance');
    const m = router.match('PUT', '/orgs/a%20b/policies/2025');
    expect(m.route.name).toBe('putPolicy');
    expect(m.params).toEqual({ org: 'a b', year: '2025' });
    expect(router.match('get', 'health/').route.name).toBe('health');
  });
  it('answers 404 for unknown paths and 405 with Allow for wrong methods', () => {
    expect(() => router.match('GET', '/orgs/demo/nothing')).toThrow(NotFoundError);
    expect(() => router.match('GET', '/orgs/demo/trips/publish/x')).toThrow(NotFoundError);
    expect(() => router.match('GET', '/orgs/%E0%A4%A/trips')).toThrow(NotFoundError);
    try {
      router.match('DELETE', '/orgs/demo/policies/2025');
      throw new Error('no error');
    } catch (err) {
      expect(err).toBeInstanceOf(MethodNotAllowedError);
      expect((err as MethodNotAllowedError).headers.Allow).toBe('GET, PUT');
      expect((err as MethodNotAllowedError).needsKey).toBe(true);
    }
    expect(() => router.match('POST', '/health')).toThrow(expect.objectContaining({ needsKey: false }));
  });
  it('compiles a pattern into one capture per parameter', () => {
    const { regex, names } = compilePattern('orgs/{org}/policies/{year}');
    expect(names).toEqual(['org', 'year']);
    expect(regex.test('orgs/x/policies/1')).toBe(true);
    expect(regex.test('orgs/x/y/policies/1')).toBe(false);
  });
  it('has unique names and one route per method and pattern', () => {
    expect(new Set(ROUTES.map((r) => r.name)).size).toBe(ROUTES.length);
    expect(new Set(ROUTES.map((r) => `${r.method} ${r.pattern}`)).size).toBe(ROUTES.length);
  });
});

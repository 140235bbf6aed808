/**
 * The Azure entry registers every route pattern of the route table and every timer job:
 * `@azure/functions`' `app` is replaced by a recorder, then functions/index.ts is loaded.
 */
import type { HttpFunctionOptions, TimerFunctionOptions } from '@azure/functions';

const httpCalls: Array<{ name: string; options: HttpFunctionOptions }> = [];
const timerCalls: Array<{ name: string; options: TimerFunctionOptions }> = [];

jest.mock('@azure/functions', () => ({
  app: {
    http: (name: string, options: HttpFunctionOptions) => httpCalls.push({ name, options }),
    timer: (name: string, options: TimerFunctionOptions) => timerCalls.push({ name, options }),
  },
}));

describe('Azure entry (functions/index.ts)', () => {
  beforeAll(() => {
    jest.isolateModules(() => {
      require('../../functions/index');
    });
  });

  it('registers one anonymous HTTP function per route pattern, taking every method', () => {
    const { ROUTES } = require('../../functions/routes') as typeof import('../../functions/routes');
    const patterns = [...new Set(ROUTES.map((r) => r.pattern))].sort();
    const registered = httpCalls.filter((c) => c.name !== 'notFound');
    expect(registered.map((c) => c.options.route).sort()).toEqual(patterns);
    for (const c of httpCalls) {
      expect(c.options.authLevel).toBe('anonymous');
      expect(c.options.methods).toEqual(expect.arrayContaining(['GET', 'POST', 'PUT', 'DELETE']));
    }
    expect(new Set(httpCalls.map((c) => c.name)).size).toBe(httpCalls.length);
  });

  it('registers a catch-all returning a JSON 404', async () => {
    const nf = httpCalls.find((c) => c.name === 'notFound');
    expect(nf?.options.route).toBe('{*path}');
    const res = await (nf!.options.handler as () => Promise<{ status: number; jsonBody: { error: { code: string } } }>)();
    expect(res.status).toBe(404);
    expect(res.jsonBody.error.code).toBe('NOT_FOUND');
  });

  it('registers every timer job with its schedule', () => {
    const { TIMERS } = require('../../functions/routes') as typeof import('../../functions/routes');
    expect(timerCalls.map((c) => c.name).sort()).toEqual(TIMERS.map((t) => t.name).sort());
    for (const c of timerCalls) expect(c.options.schedule).toMatch(/^(\S+\s+){5}\S+$/);
  });
});

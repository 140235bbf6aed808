/**
 * The Azure entry registers every route pattern of the route table and every timer job:
 * `@azure/functions`' `app` is replaced by a recorder, then functions/index.ts is loaded.
 */
import { app, type HttpFunctionOptions, type TimerFunctionOptions } from '@azure/functions';
import '../../functions/index';
import { ROUTES, TIMERS } from '../../functions/routes';

interface Recorder {
  httpCalls: Array<{ name: string; options: HttpFunctionOptions }>;
  timerCalls: Array<{ name: string; options: TimerFunctionOptions }>;
}

jest.mock('@azure/functions', () => {
  const httpCalls: unknown[] = [];
  const timerCalls: unknown[] = [];
  return {
    app: {
      httpCalls,
      timerCalls,
      http: (name: string, options: unknown) => httpCalls.push({ name, options }),
      timer: (name: string, options: unknown) => timerCalls.push({ name, options }),
    },
  };
});

const { httpCalls, timerCalls } = app as unknown as Recorder;

describe('Azure entry (functions/index.ts)', () => {
  it('registers one anonymous HTTP function per route pattern, taking every method', () => {
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
    expect(timerCalls.map((c) => c.name).sort()).toEqual(TIMERS.map((t) => t.name).sort());
    for (const c of timerCalls) expect(c.options.schedule).toMatch(/^(\S+\s+){5}\S+$/);
  });
});

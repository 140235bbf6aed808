import { generateDemoOrg } from '../../../scripts/demo/generate';
import { loadDemo } from '../../../scripts/demo/load';
import { KEYS, startTestApi, type TestApi } from '../../support/api';

jest.setTimeout(120_000);

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

test('the demo org loads through the API and gives a compliance with non-zero figures; loading again changes nothing', async () => {
  const demo = generateDemoOrg({ seed: 1, year: 2025, today: '2026-01-20' });
  const target = { api: `${api.url}/api`, key: KEYS.admin, org: 'demo' };
  const first = await loadDemo(target, demo);
  expect(first.trips.created).toBe(demo.trips.length);
  expect(first.cadres.created).toBe(demo.cadres.length);
  expect(first.units.created).toBe(demo.units.length);

  const res = await api.call('GET', '/api/orgs/demo/compliance?year=2025&asOf=2025-12-31', { key: KEYS.viewer });
  expect(res.status).toBe(200);
  const { summary, cadres } = res.body as { summary: { subject: number; participated: number; met: number; registered: number; unitsVisited: number; totalCost: number }; cadres: { status: string; countedDays: number }[] };
  expect(summary.subject).toBe(28);
  expect(summary.participated).toBeGreaterThan(20);
  expect(summary.met).toBeGreaterThan(0);
  expect(summary.registered).toBeGreaterThan(0);
  expect(summary.unitsVisited).toBeGreaterThan(10);
  expect(summary.totalCost).toBeGreaterThan(0);
  expect(cadres.some((c) => c.status === 'met') && cadres.some((c) => c.status === 'not_met')).toBe(true);
  expect(cadres.reduce((s, c) => s + c.countedDays, 0)).toBeGreaterThan(1000);

  const again = await loadDemo(target, demo);
  expect(again.trips).toEqual({ unchanged: demo.trips.length, created: 0, updated: 0, deleted: 0, rejected: 0, conflict: 0 });
});

/**
 * Storage stopped in the middle of a publish: 503 STORAGE_UNAVAILABLE with Retry-After, no row
 * half-written; restarted, the same request completes the work exactly once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startAzurite, type AzuriteHandle } from '../../../scripts/azurite';
import { startDevHost, type DevHost } from '../../../functions/dev/host';
import { TEST_API_KEYS, KEYS } from '../../support/api';
import { cadre, NOW, trip } from '../../support/fixtures';

describe('storage stopped mid-publish', () => {
  let dir: string;
  let azurite: AzuriteHandle;
  let host: DevHost;
  let clockCalls = 0;
  let stopAtCall = Number.POSITIVE_INFINITY;
  let stopping: Promise<void> | null = null;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'azurite-down-'));
    azurite = await startAzurite({ location: dir });
    host = await startDevHost({
      port: 0,
      env: { TABLES_CONNECTION_STRING: azurite.connectionString, API_KEYS: TEST_API_KEYS, TABLE_PREFIX: 'down' },
      services: {
        log: () => undefined,
        // The clock is read once per transaction: stop storage while the publish is writing.
        now: () => {
          clockCalls++;
          if (clockCalls === stopAtCall) stopping = azurite.stop();
          return NOW;
        },
      },
    });
  });
  afterAll(async () => {
    await host.close();
    await azurite.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const call = async (body: unknown) => {
    const res = await fetch(`${host.url}/api/orgs/demo/trips/publish`, {
      method: 'POST',
      headers: { 'x-api-key': KEYS.editor, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, body: await res.json() };
  };

  it('answers 503, then the retried request stores every row exactly once with one audit record each', async () => {
    const cadres = await fetch(`${host.url}/api/orgs/demo/cadres/publish`, {
      method: 'POST',
      headers: { 'x-api-key': KEYS.editor, 'content-type': 'application/json' },
      body: JSON.stringify({ rows: [cadre('CB01'), cadre('CB02')] }),
    });
    expect(cadres.status).toBe(200);

    const rows = Array.from({ length: 1500 }, (_, i) => {
      const day = 1 + (i % 28);
      return trip(`t-${String(i).padStart(4, '0')}`, i % 2 ? 'CB01' : 'CB02', `${day}/0${1 + (i % 9)}/2025`, `${day}/0${1 + (i % 9)}/2025`);
    });
    clockCalls = 0;
    stopAtCall = 12; // 2 reads of today, then one per transaction (4 at a time): stop after some have committed
    const failed = await call({ rows });
    expect(failed.status).toBe(503);
    expect(failed.body.error.code).toBe('STORAGE_UNAVAILABLE');
    expect(failed.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(JSON.stringify(failed.body)).not.toMatch(/\.ts:\d+|RestError|ECONNREFUSED/);
    await stopping;

    stopAtCall = Number.POSITIVE_INFINITY;
    azurite = await startAzurite({ location: dir, port: azurite.port });

    const retried = await call({ rows });
    expect(retried.status).toBe(200);
    const { created, unchanged, rejected, conflict } = retried.body.summary;
    expect(rejected + conflict).toBe(0);
    expect(created + unchanged).toBe(1500);
    expect(unchanged).toBeGreaterThan(0); // some transactions were written before storage stopped

    const again = await call({ rows });
    expect(again.body.summary.unchanged).toBe(1500);

    const list = await (await fetch(`${host.url}/api/orgs/demo/trips`, { headers: { 'x-api-key': KEYS.viewer } })).json();
    const ids = list.rows.map((r: { id: string }) => r.id);
    expect(ids.length).toBe(1500);
    expect(new Set(ids).size).toBe(1500);

    const audit = await (await fetch(`${host.url}/api/orgs/demo/audit?from=2025-01-01&to=2026-01-01`, { headers: { 'x-api-key': KEYS.admin } })).json();
    const tripAudits = audit.rows.filter((r: { kind: string }) => r.kind === 'trips');
    expect(tripAudits.length).toBe(1500);
    expect(new Set(tripAudits.map((r: { id: string }) => r.id)).size).toBe(1500);
    expect(tripAudits.every((r: { who: string; outcome: string }) => r.who === 'Editor Demo' && r.outcome === 'created')).toBe(true);
  });

  it('answers 503 STORAGE_UNAVAILABLE with Retry-After on every route that reads or writes storage', async () => {
    await azurite.stop();
    const routes: Array<[string, string, string, unknown?]> = [
      ['GET', '/api/orgs/demo/trips', KEYS.viewer],
      ['GET', '/api/orgs/demo/cadres', KEYS.viewer],
      ['GET', '/api/orgs/demo/policies/2025', KEYS.viewer],
      ['PUT', '/api/orgs/demo/policies/2025', KEYS.admin, { requiredDays: 30 }],
      ['GET', '/api/orgs/demo/compliance?year=2025', KEYS.viewer],
      ['POST', '/api/orgs/demo/recalculate?year=2025', KEYS.leader],
      ['GET', '/api/orgs/demo/history?year=2025', KEYS.viewer],
      ['GET', '/api/orgs/demo/audit', KEYS.admin],
      ['POST', '/api/orgs/demo/units/publish', KEYS.editor, { rows: [{ unitCode: 'U1', name: 'Xã' }] }],
    ];
    for (const [method, url, key, body] of routes) {
      const res = await fetch(`${host.url}${url}`, {
        method,
        headers: { 'x-api-key': key, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = await res.json();
      expect([method, url, res.status, json.error?.code]).toEqual([method, url, 503, 'STORAGE_UNAVAILABLE']);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(json.error.message).toMatch(/kho dữ liệu/);
    }
    const health = await fetch(`${host.url}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ storage: 'down' });
  });
});

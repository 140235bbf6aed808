/**
 * `npm run start:api` stops cleanly on SIGINT, SIGTERM and SIGHUP sent to its whole process
 * group (as a terminal's Ctrl+C or hang-up does): the API closes first, Azurite saves, and a
 * row answered `created` just before the signal is there after a restart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../scripts/azurite';

const ROOT = path.resolve(__dirname, '..', '..');
const KEY = 'k-start-test';

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
}

async function start(location: string): Promise<Running> {
  const port = await freePort();
  const azuritePort = await freePort();
  const child = spawn('npm', ['run', '--silent', 'start:api'], {
    cwd: ROOT,
    detached: true, // its own process group, signalled as a terminal would
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), AZURITE_PORT: String(azuritePort), AZURITE_LOCATION: location, API_KEYS: `${KEY}:admin:*:Start Test` },
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 60_000;
  while (!output.includes('API on')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`start:api did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, url: `http://127.0.0.1:${port}`, output: () => output };
}

/** Resolves once no process of the group is left. */
async function groupGone(pgid: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return;
    }
    if (Date.now() > deadline) {
      process.kill(-pgid, 'SIGKILL');
      throw new Error('start:api did not stop within 30 s');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

const call = async (url: string, method: string, p: string, body?: unknown) => {
  const res = await fetch(`${url}${p}`, { method, headers: { 'x-api-key': KEY, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, body: (await res.json()) as any };
};

describe('npm run start:api: clean stop', () => {
  const locations: string[] = [];
  /** Every process group started, stopped at the end whatever happened. */
  const groups = new Set<number>();
  const startIn = async (location: string): Promise<Running> => {
    const r = await start(location);
    if (r.child.pid) groups.add(r.child.pid);
    return r;
  };
  afterAll(async () => {
    for (const pgid of groups) {
      try {
        process.kill(-pgid, 'SIGINT');
      } catch {
        continue; // already gone
      }
      await groupGone(pgid).catch(() => undefined);
    }
    for (const location of locations) rmSync(location, { recursive: true, force: true });
  });

  // Each signal in its own data folder, the three at once: start, publish, signal the group,
  // wait until every process is gone, start again on the same folder, read the row back.
  it.concurrent.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('keeps a row answered `created` just before %s to the process group', async (signal) => {
    const location = mkdtempSync(path.join(tmpdir(), 'start-api-'));
    locations.push(location);
    const first = await startIn(location);
    const created = await call(first.url, 'POST', '/api/orgs/demo/cadres/publish', { rows: [{ cadreId: 'C1', fullName: 'Cán bộ một' }] });
    expect(created.body.results[0].outcome).toBe('created');
    const pid = first.child.pid as number;
    process.kill(-pid, signal);
    await groupGone(pid);
    groups.delete(pid);
    expect(first.output()).toContain(`Stopping (${signal})`);
    const second = await startIn(location);
    const list = await call(second.url, 'GET', '/api/orgs/demo/cadres');
    expect(list.body.rows.map((r: { cadreId: string }) => r.cadreId)).toEqual(['C1']);
  }, 180_000);
});

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
  const location = mkdtempSync(path.join(tmpdir(), 'start-api-'));
  let running: Running | null = null;
  afterAll(async () => {
    if (running?.child.pid && running.child.exitCode === null) {
      process.kill(-running.child.pid, 'SIGINT');
      await groupGone(running.child.pid).catch(() => undefined);
    }
    rmSync(location, { recursive: true, force: true });
  });

  it('keeps every row answered `created` across SIGINT, SIGTERM and SIGHUP to the process group', async () => {
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
    running = await start(location);
    for (let i = 0; i < signals.length; i++) {
      const created = await call(running.url, 'POST', '/api/orgs/demo/cadres/publish', { rows: [{ cadreId: `C${i}`, fullName: `Cán bộ ${i}` }] });
      expect(created.body.results[0].outcome).toBe('created');
      const pid = running.child.pid as number;
      process.kill(-pid, signals[i]);
      await groupGone(pid);
      expect(running.output()).toContain(`Stopping (${signals[i]})`);
      running = await start(location);
      const list = await call(running.url, 'GET', '/api/orgs/demo/cadres');
      expect([signals[i], list.body.rows.map((r: { cadreId: string }) => r.cadreId)]).toEqual([
        signals[i],
        Array.from({ length: i + 1 }, (_, j) => `C${j}`),
      ]);
    }
  });
});

/**
 * Azurite's table service from npm (through scripts/azurite-child.js), for `npm start`, the
 * tests and the benchmarks. Data in a folder, or in memory with `:memory:`. `stop()` closes it
 * and waits until its database is saved; terminal signals do not reach it directly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import path from 'node:path';

/** Azurite's well-known development account. */
export const DEV_ACCOUNT = 'devstoreaccount1';
export const DEV_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function devConnectionString(port: number, host = '127.0.0.1'): string {
  return (
    `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};` +
    `TableEndpoint=http://${host}:${port}/${DEV_ACCOUNT};`
  );
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Azurite's table service run by our own entry, which only this process stops (see that file). */
const AZURITE_CHILD = path.resolve(__dirname, 'azurite-child.js');

export interface AzuriteHandle {
  connectionString: string;
  port: number;
  stop(): Promise<void>;
}

/** Starts Azurite's table service and resolves once it accepts connections. */
export async function startAzurite(opts: { location?: string; port?: number } = {}): Promise<AzuriteHandle> {
  const location = opts.location ?? ':memory:';
  const port = opts.port ? opts.port : await freePort();
  const args = [
    '--disableTelemetry',
    '--skipApiVersionCheck',
    '--loose',
    '--silent',
    '--tableHost',
    '127.0.0.1',
    '--tablePort',
    String(port),
  ];
  if (location === ':memory:') args.push('--inMemoryPersistence');
  else {
    mkdirSync(location, { recursive: true });
    args.push('--location', location);
  }
  const child: ChildProcess = spawn(process.execPath, [AZURITE_CHILD, ...args], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  let exited = false;
  // Azurite never outlives this process: when it ends, however it ends, the IPC channel closes
  // and Azurite saves and exits.
  const exitPromise = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );

  const deadline = Date.now() + 30_000;
  while (!(await canConnect(port))) {
    if (exited) throw new Error(`Azurite exited before listening: ${output.trim()}`);
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`Azurite did not start on port ${port}: ${output.trim()}`);
    }
    await delay(50);
  }

  return {
    connectionString: devConnectionString(port),
    port,
    async stop() {
      if (exited) return;
      // "shutdown": Azurite closes its server and saves its database, then exits.
      if (child.connected) child.send('shutdown');
      else child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exitPromise;
      clearTimeout(timer);
    },
  };
}

/**
 * `npm start`: Azurite (data in `.azurite/`), the API on http://127.0.0.1:7071/api and the
 * add-in dev server (`webpack serve --config-name addin`) on https://localhost:3000 with the
 * Office dev certificates (made when missing; see dev-certs.ts). `npm run start:api` (`--api-only`):
 * Azurite and the API only. Both stay in the foreground until stopped (Ctrl+C).
 *
 * Environment: PORT (7071), API_KEYS, TABLES_CONNECTION_STRING (skip Azurite),
 * AZURITE_LOCATION (`.azurite`; `:memory:` keeps nothing), AZURITE_PORT (10002, another free
 * one when taken), TABLE_PREFIX, CORS_ORIGINS.
 *
 * Stops on SIGINT (Ctrl+C), SIGTERM and SIGHUP: the API first, then Azurite, which saves its
 * database on close. A SIGKILL cannot be handled: Azurite then loses what it wrote in its last
 * seconds (it saves every 5 s); Azure Storage itself never does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ensureDevCerts, officeTrust } from './dev-certs';
import { startLocalApi, storeIsEmpty } from './local-api';

async function main(): Promise<void> {
  const apiOnly = process.argv.includes('--api-only');
  const root = path.resolve(__dirname, '..');
  const api = await startLocalApi(root);
  if (api.connectionString && (await storeIsEmpty(api.connectionString).catch(() => false))) {
    console.log('The store is empty: `npm run demo` (in another terminal) loads a demo province as org "demo".');
  }

  let addin: ChildProcess | null = null;
  if (!apiOnly) {
    // https by default: the Office dev certificates, made here when missing (see dev-certs.ts).
    const childEnv: NodeJS.ProcessEnv = { ...process.env };
    try {
      const certs = await ensureDevCerts(officeTrust);
      childEnv.ADDIN_CERT_DIR = certs.files.dir;
      if (certs.note) console.warn(certs.note);
    } catch (e) {
      console.warn(`https: could not make the dev certificates (${e instanceof Error ? e.message : String(e)}); run \`npx office-addin-dev-certs install\`.`);
    }
    const webpackBin = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'webpack.cmd' : 'webpack');
    addin = spawn(webpackBin, ['serve', '--config-name', 'addin', '--mode', 'development'], {
      cwd: root,
      env: childEnv,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    addin.on('exit', (code) => console.log(`add-in dev server stopped (${code ?? 'signal'})`));
  }

  // Stopping: once, whichever signal comes first and however often (a terminal's Ctrl+C
  // reaches every process of the group, and npm forwards it again). The API closes first (no
  // new request; those in flight finish), then Azurite closes and saves its database, so a
  // row answered `created` is on disk before this process ends.
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    say(`Stopping (${signal})…`);
    if (addin && addin.exitCode === null) addin.kill('SIGTERM');
    await api.close();
    say('Stopped.');
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(signal));
}

/** A line on stdout that never throws (after a hang-up the terminal is gone). */
function say(line: string): void {
  try {
    console.log(line);
  } catch {
    // nobody to tell
  }
}
// Writes to a closed terminal or pipe fail asynchronously too: never let that stop the shutdown.
process.stdout.on('error', () => undefined);
process.stderr.on('error', () => undefined);

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

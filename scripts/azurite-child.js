/**
 * Azurite's table service in a child process that only its parent stops (scripts/azurite.ts).
 * Azurite's own entry closes (and saves) on the first SIGINT only and dies without saving on
 * SIGTERM, SIGHUP or a second SIGINT — and a terminal's Ctrl+C or hang-up reaches every process
 * of the group, this one included. Here signals are ignored while the parent is connected: the
 * parent closes the API first, then sends "shutdown"; the server closes, LokiJS saves what its
 * 5-second autosave has not, and the process exits. If the parent goes away (even killed), the
 * IPC channel closes and this process saves and exits too.
 *
 * Arguments: those of `azurite-table` (--tableHost, --tablePort, --location or
 * --inMemoryPersistence, --silent, --loose, --skipApiVersionCheck, --disableTelemetry).
 */
'use strict';
const { mkdirSync } = require('node:fs');
const path = require('node:path');
const TableEnvironment = require('azurite/dist/src/table/TableEnvironment').default;
const TableConfiguration = require('azurite/dist/src/table/TableConfiguration').default;
const TableServer = require('azurite/dist/src/table/TableServer').default;
const { DEFAULT_TABLE_LOKI_DB_PATH } = require('azurite/dist/src/table/utils/constants');

async function main() {
  const env = new TableEnvironment();
  const location = await env.location();
  if (!env.inMemoryPersistence()) mkdirSync(location, { recursive: true });
  const config = new TableConfiguration(
    env.tableHost(),
    env.tablePort(),
    env.tableKeepAliveTimeout(),
    path.join(location, DEFAULT_TABLE_LOKI_DB_PATH),
    false,
    !env.silent(),
    undefined,
    undefined,
    env.loose(),
    env.skipApiVersionCheck(),
    env.cert(),
    env.key(),
    env.pwd(),
    env.oauth(),
    env.disableProductStyleUrl(),
    env.inMemoryPersistence(),
  );
  const server = new TableServer(config);
  let closing = null;
  const close = () => {
    closing ??= server.close().then(
      () => process.exit(0),
      (err) => {
        console.error(`Azurite close failed: ${err && err.message}`);
        process.exit(1);
      },
    );
    return closing;
  };
  // A signal from the terminal: the parent stops things in order; alone, close (and save) now.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (!process.connected) void close();
    });
  }
  process.on('message', (msg) => {
    if (msg === 'shutdown') void close();
  });
  process.on('disconnect', () => void close());
  await server.start();
  if (process.connected) process.send('listening');
}

main().catch((err) => {
  console.error(`Azurite failed: ${err && err.message}`);
  process.exit(1);
});

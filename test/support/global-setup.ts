/**
 * Jest global setup: ONE in-memory Azurite for the whole run, on a free port. Its connection
 * string goes to TEST_TABLES_CONNECTION_STRING; each test file isolates itself with its own
 * TABLE_PREFIX (see tables.ts in this folder).
 */
import { startAzurite, type AzuriteHandle } from '../../scripts/azurite';

declare global {
  var __AZURITE__: AzuriteHandle | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_TABLES_CONNECTION_STRING) return;
  const azurite = await startAzurite({ location: ':memory:' });
  globalThis.__AZURITE__ = azurite;
  process.env.TEST_TABLES_CONNECTION_STRING = azurite.connectionString;
}

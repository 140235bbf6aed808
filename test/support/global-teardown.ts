/** Jest global teardown: stops the Azurite of global-setup.ts. */
export default async function globalTeardown(): Promise<void> {
  const azurite = globalThis.__AZURITE__;
  globalThis.__AZURITE__ = undefined;
  if (azurite) await azurite.stop();
}

/** Jest: TypeScript through ts-jest (type-checking is `npm run typecheck`'s job). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
  // A worker leaves once its event loop is empty, and Node then tears down its heap (300–650 MB
  // RSS at the end of a full run): 370–660 ms measured on the shared 2-core machine,
  // more under load, against Jest's 500 ms default before it kills the worker and prints "A
  // worker process has failed to exit gracefully". No handle is left open (a worker's 'exit'
  // event fires 1–8 ms after Jest's end message). A real leak still keeps a worker alive past
  // this and is still reported.
  workerGracefulExitTimeout: 5000,
};

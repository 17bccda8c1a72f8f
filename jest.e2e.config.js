/**
 * End-to-end tests: the production task pane in headless Chromium (playwright-core, /usr/bin/chromium),
 * with Office.js replaced by the in-memory Excel host (test/e2e/host-entry.ts).
 *
 *   npx jest -c jest.e2e.config.js                 builds dist-e2e/ once, serves it on 127.0.0.1, runs test/e2e/*.e2e.ts
 *   E2E_SKIP_BUILD=1 npx jest -c jest.e2e.config.js   reuses the last dist-e2e/ build
 *   SCREENSHOTS=1 npx jest -c jest.e2e.config.js      also writes docs/screenshots/*.png
 *   CHROMIUM=/path/to/chrome                       another browser binary (default /usr/bin/chromium)
 */
module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/test/e2e/**/*.e2e.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  globalSetup: '<rootDir>/test/e2e/global-setup.ts',
  globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
  testTimeout: 120_000,
  // One browser at a time: the machine may have 2 cores, and the builds already used them.
  maxWorkers: 1,
};

/**
 * `npm run test:browser`: the tests that drive Debian's chromium (playwright-core), which `npm test` leaves out. They
 * start the servers they need (the embedded demo start), so there is no global setup.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.browser.test.ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  testTimeout: 180000,
};

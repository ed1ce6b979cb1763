/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  // run apart: the explorer in a real browser needs chromium (`npm run test:browser`, jest.browser.config.js); every
  // command of the docs takes minutes (`npm run test:docs`); .ci/run runs both
  testPathIgnorePatterns: ['/node_modules/', '\\.browser\\.test\\.ts$', '/tests/docs-commands\\.test\\.ts$'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  // type-graphql's decorators need the Reflect metadata API before any model module loads (main.ts imports it first)
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  testTimeout: 60000,
};

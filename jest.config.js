// ESM mode, as the `nest new` 12 template runs Jest: ts-jest with useESM under node --experimental-vm-modules.
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/test'],
  testRegex: '.*\\.spec\\.ts$',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // Its ESM build imports JSON without import attributes, which Jest's ESM mode warns about on every load.
    '^libphonenumber-js/max$': '<rootDir>/node_modules/libphonenumber-js/max/index.cjs',
  },
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      { useESM: true, tsconfig: '<rootDir>/tsconfig.json', diagnostics: { warnOnly: false } },
    ],
  },
  testTimeout: 30000,
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  testSequencer: '<rootDir>/test/support/test-sequencer.mjs',
  // Jest's ESM mode keeps every module a spec file loaded (≈ 2.5–9 MB a file): a worker past this is restarted
  // between files, instead of spending more and more of its time in garbage collection.
  workerIdleMemoryLimit: '300MB',
};

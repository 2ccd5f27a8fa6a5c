import type { Config } from 'jest';

/**
 * One jest project per workspace. Server and vendor clients are ESM (NestJS 12 is ESM only), so jest
 * runs with --experimental-vm-modules; @swc/jest transforms TypeScript with decorator metadata, without
 * which Nest would inject `undefined`.
 */
const swcTransform: Config['transform'] = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true, tsx: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
        target: 'es2022',
        keepClassNames: true,
      },
      module: { type: 'es6' },
    },
  ],
};

const nodeEsm = (name: string, rootDir: string, testMatch: string[]): Config => ({
  displayName: name,
  rootDir,
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: swcTransform,
  testMatch,
  moduleNameMapper: {
    '^@banshi/vendor-clients$': '<rootDir>/../../packages/vendor-clients/src/index.ts',
    '^@banshi/vendor-clients/(.*)$': '<rootDir>/../../packages/vendor-clients/src/$1/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
});

const config: Config = {
  // End-to-end suites start the whole server and its simulators, and images take time on 2 cores;
  // browser journeys pass their own, longer timeouts.
  testTimeout: 30_000,
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.cjs'],
  projects: [
    nodeEsm('vendor-clients', '<rootDir>/packages/vendor-clients', ['<rootDir>/src/**/*.spec.ts']),
    {
      ...nodeEsm('server', '<rootDir>/apps/server', ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts']),
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
    '<rootDir>/apps/miniapp/jest.config.ts',
    {
      // Playwright journeys on the H5 build, against the real server in sandbox mode.
      ...nodeEsm('browser', '<rootDir>/apps/server', ['<rootDir>/test/browser/**/*.browser-spec.ts']),
    },
  ],
};

export default config;

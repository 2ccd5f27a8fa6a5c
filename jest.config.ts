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
    '^@banshi/vendor-simulators$': '<rootDir>/../../packages/vendor-simulators/src/index.ts',
    '^@banshi/vendor-simulators/(.*)$': '<rootDir>/../../packages/vendor-simulators/src/$1/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
});

const config: Config = {
  // End-to-end suites start the whole server and its simulators, and images take time on 2 cores;
  // browser journeys pass their own, longer timeouts.
  // 60 s: an app's start (migrations, simulators, every module) passed 30 s on a loaded 2-core machine.
  testTimeout: 60_000,
  // Suites run in a worker that is replaced once it holds more than this after a suite. In one process
  // (jest's choice on 2 cores) the ESM module registries of ~140 suites piled up to a 4 GB heap and CI
  // died out of memory after 34 minutes; a recycled worker stays small and fast.
  workerIdleMemoryLimit: '1.5GB',
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.cjs'],
  projects: [
    nodeEsm('vendor-clients', '<rootDir>/packages/vendor-clients', ['<rootDir>/src/**/*.spec.ts']),
    // The simulators and the contract specs that run the clients against them.
    nodeEsm('vendor-simulators', '<rootDir>/packages/vendor-simulators', ['<rootDir>/src/**/*.spec.ts']),
    {
      ...nodeEsm('server', '<rootDir>/apps/server', ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts']),
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
    '<rootDir>/apps/miniapp/jest.config.ts',
    {
      // The desk console's logic (filters ↔ URL, table columns); antd and the mini-program's shared
      // labels load as they do in the build.
      displayName: 'console',
      rootDir: '<rootDir>/apps/console',
      testEnvironment: 'node',
      transform: swcTransform,
      extensionsToTreatAsEsm: ['.ts', '.tsx'],
      testMatch: ['<rootDir>/src/**/*.test.ts?(x)'],
      moduleNameMapper: {
        '^@miniapp-shared/(.*)$': '<rootDir>/../miniapp/src/shared/$1',
        '^@miniapp-features/(.*)$': '<rootDir>/../miniapp/src/features/$1',
        '\\.css$': '<rootDir>/../../scripts/empty-module.cjs',
      },
    },
    {
      // Playwright journeys on the H5 build, against the real server in sandbox mode.
      ...nodeEsm('browser', '<rootDir>/apps/server', ['<rootDir>/test/browser/**/*.browser-spec.ts']),
    },
  ],
};

export default config;

import path from 'node:path';
import type { Config } from 'jest';

/**
 * Component tests of the mini-program in jsdom, i.e. against Taro's H5 flavour: Taro components come from
 * their React build, `@tarojs/taro` from a small mock over @tarojs/taro-h5 (see test/taro-mock.ts), and
 * `x.h5.ts` wins over `x.ts` as in the H5 build. Sources are CommonJS here, so the project runs with or
 * without --experimental-vm-modules.
 */
const here = __dirname;
const fromHere = (...parts: string[]) => path.join(here, ...parts);

const config: Config = {
  displayName: 'miniapp',
  rootDir: here,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}'],
  setupFiles: ['<rootDir>/test/setup-globals.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/setup-each.ts'],
  // Taro resolves `login` to `login.h5.ts` in the H5 build; jest does the same through these extensions.
  moduleFileExtensions: ['h5.ts', 'h5.tsx', 'ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'json'],
  transform: {
    '^.+\\.(t|j)sx?$|^.+\\.mjs$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2020',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // Taro and many of its dependencies ship ES modules only: transform node_modules too (swc is fast, and
  // jest caches the result).
  transformIgnorePatterns: [],
  moduleNameMapper: {
    // The vendors' code tables, from their one copy (a file without imports; see config/index.ts).
    '^@banshi/vendor-clients/tables$': fromHere('../../packages/vendor-clients/src/tables/index.ts'),
    '^@tarojs/taro$': '<rootDir>/test/taro-mock.ts',
    '^@tarojs/components$': fromHere('node_modules/@tarojs/components/lib/react/index.js'),
    '^@nutui/nutui-react-taro$': fromHere(
      'node_modules/@nutui/nutui-react-taro/dist/cjs/packages/nutui.react.build.js',
    ),
    // NutUI's full CommonJS build loads its Lottie players, which jsdom cannot run and nothing here uses.
    '^(lottie-web|lottie-react|@nutui/lottie-miniprogram)$': '<rootDir>/test/empty-module.ts',
    '\\.(css|scss|sass|less)$': '<rootDir>/test/empty-module.ts',
    '\\.(png|jpe?g|gif|svg)$': '<rootDir>/test/file-stub.ts',
  },
  // Build-time constants that Taro's runtime expects webpack to have defined.
  globals: {
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: true,
    ENABLE_SIZE_APIS: true,
    ENABLE_TEMPLATE_CONTENT: true,
    ENABLE_MUTATION_OBSERVER: true,
    ENABLE_CLONE_NODE: true,
    ENABLE_CONTAINS: true,
    DEPRECATED_ADAPTER_COMPONENT: false,
  },
};

export default config;

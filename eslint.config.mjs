import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// IsOptional lets `null` skip every rule, so a null reached handlers and answered 500.
const noIsOptional = {
  name: 'class-validator',
  importNames: ['IsOptional'],
  message: 'Use OptionalField from common/errors/optional-field.js: null must be validated like any value.',
};

// Simulators are for the sandbox and the tests: production code and the clients never load one, and
// a protocol constant a simulator needs lives in vendor-clients' protocol folder.
const noSimulators = {
  paths: [{ name: '@banshi/vendor-simulators', message: 'Only the sandbox wiring and tests may import simulators.' }],
  patterns: [
    {
      regex: '^@banshi/vendor-simulators/|/simulator',
      message: 'Only the sandbox wiring and tests may import simulators; protocol constants live in vendor-clients.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/dist-bench/**',
      '**/.swc/**',
      '**/data/**',
      '**/.artifacts/**',
      '**/coverage/**',
      '**/*.json',
      'apps/miniapp/src/shared/api/schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // Decorated NestJS classes need value imports for their constructor parameter types.
    files: ['apps/server/**/*.ts'],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-restricted-imports': ['error', { paths: [noIsOptional] }],
    },
  },
  {
    // The server's production code: every file but the sandbox wiring and the tests.
    files: ['apps/server/src/**/*.ts'],
    ignores: ['apps/server/src/sandbox/**', 'apps/server/src/cli/sandbox*.ts', '**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noIsOptional, ...noSimulators.paths], patterns: noSimulators.patterns },
      ],
    },
  },
  {
    files: ['packages/vendor-clients/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', noSimulators] },
  },
  {
    files: ['apps/miniapp/**/*.{ts,tsx}', 'apps/console/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // NutUI's Progress is red unless told otherwise: shared/ui/progress-bar.tsx is the app's.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@nutui/nutui-react-taro',
              importNames: ['Progress'],
              message: 'Use ProgressBar from shared/ui/progress-bar (the app colour).',
            },
          ],
        },
      ],
      // One upload and one photo chooser for the app, so that tokens, errors and photo sizes stay alike.
      'no-restricted-properties': [
        'error',
        { object: 'Taro', property: 'uploadFile', message: 'Use uploadFile from shared/upload/upload-file.' },
        { object: 'Taro', property: 'chooseMedia', message: 'Use choosePhoto from shared/photo/choose-photo.' },
      ],
    },
  },
  {
    files: ['apps/miniapp/src/shared/upload/**', 'apps/miniapp/src/shared/photo/**', 'apps/miniapp/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['scripts/**', '**/scripts/**', '**/*.config.{js,cjs,mjs,ts}', '**/cli/**', '**/sandbox.ts', '**/bench/**'],
    rules: { 'no-console': 'off' },
  },
  prettier,
);

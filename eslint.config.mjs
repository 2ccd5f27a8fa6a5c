import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
      // IsOptional lets `null` skip every rule, so a null reached handlers and answered 500.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'class-validator',
              importNames: ['IsOptional'],
              message: 'Use OptionalField from common/errors/optional-field.js: null must be validated like any value.',
            },
          ],
        },
      ],
    },
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

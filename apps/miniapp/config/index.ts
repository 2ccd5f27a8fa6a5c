import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

const VENDOR_TABLES = path.resolve(
  __dirname,
  '..',
  '..',
  '..',
  'packages',
  'vendor-clients',
  'src',
  'tables',
  'index.ts',
);

type DesignWidthInput = { file?: string } | string | number | undefined;

/**
 * NutUI is drawn on a 375 px canvas while our own styles use WeChat's 750 rpx canvas, so pxtransform
 * must pick the design width per file; with one width for everything NutUI comes out at half size.
 */
function designWidth(input?: DesignWidthInput): number {
  const file = typeof input === 'object' && input !== null ? input.file : undefined;
  return file && file.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750;
}

export default defineConfig<'webpack5'>((merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'banshi',
    date: '2025-01-01',
    designWidth,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // One folder per target: a shared outputRoot lets the weapp build wipe the H5 build and vice versa.
    outputRoot: `dist/${process.env.TARO_ENV ?? 'weapp'}`,
    plugins: [],
    defineConstants: {},
    // API origin of the weapp build (H5 calls its own origin): the shell's value, or the default for a local
    // server; a TARO_APP_API_BASE_URL line in an `.env*` file overrides both.
    env: {
      TARO_APP_API_BASE_URL: JSON.stringify(process.env.TARO_APP_API_BASE_URL || 'http://127.0.0.1:3000'),
    },
    // The vendors' code tables (bill types, ID-photo colours) come from vendor-clients' one copy: a file
    // that imports nothing, compiled with the app's own sources (`compile.include` below).
    alias: { '@': path.resolve(__dirname, '..', 'src'), '@banshi/vendor-clients/tables': VENDOR_TABLES },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [VENDOR_TABLES] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      // Modules used only by a subpackage stay in that subpackage instead of the 2 MB main package.
      optimizeMainPackage: { enable: true },
      // Our styles are class-scoped, so the order in which pages pull shared CSS into common.wxss is moot.
      miniCssExtractPluginOption: { ignoreOrder: true },
    },
    h5: {
      compile: { include: [VENDOR_TABLES] },
      // Served by the API server from its root, so absolute asset paths from '/' are right.
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        // Taro splits only the initial chunks, so every lazily loaded page carried its own copy of NutUI
        // and of our shared components; splitting async chunks too shares them between pages.
        // minSize keeps it from cutting dozens of sub-kilobyte files.
        chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all', minSize: 20_000 });
      },
    },
  };

  return process.env.NODE_ENV === 'development' ? merge({}, baseConfig, devConfig) : merge({}, baseConfig, prodConfig);
});

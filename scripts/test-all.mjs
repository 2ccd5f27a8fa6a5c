#!/usr/bin/env node
// `pnpm test`: builds the server and the H5 app the tests drive, then runs every jest project (vendor
// clients, server end-to-end on SQLite and — with TEST_MYSQL_URL — on MySQL, mini-program
// components, browser journeys). Extra arguments go to jest.
import { spawnSync } from 'node:child_process';
import { findChromium } from './chromium.mjs';

const args = process.argv.slice(2);
const run = (command, commandArgs, env = {}) => {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
};

// The crash test runs the built server as a child process it can kill.
console.log('Building the vendor clients and the server…');
if (run('pnpm', ['--filter', '@banshi/vendor-clients', 'run', 'build']) !== 0) process.exit(1);
if (run('pnpm', ['--filter', '@banshi/server', 'run', 'build']) !== 0) process.exit(1);

const chromium = findChromium();
const env = {};
if (chromium) {
  env.CHROMIUM_PATH = chromium;
  if (!process.env.SKIP_H5_BUILD) {
    console.log('Building the H5 app for the browser tests…');
    if (run('pnpm', ['--filter', '@banshi/miniapp', 'run', 'build:h5']) !== 0) process.exit(1);
  }
} else if (process.env.CI === 'true') {
  console.error(
    'CI=true but no Chromium was found (set CHROMIUM_PATH or install Debian chromium): browser tests cannot be skipped in CI.',
  );
  process.exit(1);
} else {
  console.warn(
    '\nNo Chromium found (set CHROMIUM_PATH, or `apt-get install chromium`): the browser journeys are skipped.\n',
  );
}

process.exit(run('node', ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', ...args], env));

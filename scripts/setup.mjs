#!/usr/bin/env node
// `npm run setup`: everything a fresh machine with only Node >= 20.19 and npm needs before the
// product runs or its tests pass — pnpm, then the locked packages (better-sqlite3 compiles here).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Node ${process.versions.node} is too old: NestJS 12 needs Node >= 20.19.`);
  process.exit(1);
}

const run = (command, env = {}) => execSync(command, { stdio: 'inherit', env: { ...process.env, ...env } });
const has = (command) => {
  try {
    execSync(`${command} --version`, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

if (!has('pnpm')) {
  console.log('Installing pnpm 12 with npm…');
  run('npm install --global pnpm@12');
}

// node-gyp would download Node's headers for better-sqlite3; use the local ones when the system has them.
const env = existsSync('/usr/include/node/node.h') ? { npm_config_nodedir: '/usr' } : {};
run('pnpm install --frozen-lockfile', env);

#!/usr/bin/env node
// `pnpm bench [packages|images|merchant-list|callbacks|violations|payments …]`: builds what the benchmarks
// measure, makes sure MariaDB answers (BENCH_MYSQL_URL, default mysql://root@127.0.0.1:3306/banshi_bench;
// a local MariaDB that is installed but stopped is started), then runs them and prints one table
// (also written as JSON under .artifacts/bench/).
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';

const MARIADBD = '/usr/sbin/mariadbd';
const url = new URL(process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/banshi_bench');
const local = ['127.0.0.1', 'localhost'].includes(url.hostname);

const run = (command) => execSync(command, { stdio: 'inherit' });

function answers() {
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port || 3306) });
    socket.setTimeout(2000);
    socket.once('connect', () => resolve(true) || socket.destroy());
    socket.once('timeout', () => resolve(false) || socket.destroy());
    socket.once('error', () => resolve(false));
  });
}

async function ensureMariaDb() {
  if (await answers()) return;
  if (local && existsSync(MARIADBD)) {
    console.log('MariaDB is not running: starting it…');
    run(`start-stop-daemon --start --oknodo --background --exec ${MARIADBD}`);
    for (let i = 0; i < 60; i++) {
      if (await answers()) return;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  console.error(
    `No MySQL/MariaDB answers at ${url.hostname}:${url.port || 3306}. Start one (Debian: apt-get install mariadb-server)` +
      ' or point BENCH_MYSQL_URL at one (its user must be allowed to create the bench database).',
  );
  process.exit(1);
}

await ensureMariaDb();
run('pnpm --filter @banshi/vendor-clients run build');
run('pnpm --filter @banshi/vendor-simulators run build');
run('pnpm --filter @banshi/server exec tsc -p tsconfig.bench.json');
if (!process.env.BENCH_SKIP_MINIAPP_BUILD) run('pnpm --filter @banshi/miniapp run build');
if (!process.env.BENCH_SKIP_CONSOLE_BUILD) run('pnpm --filter @banshi/console run build');
const result = spawnSync('node', ['apps/server/dist-bench/bench/run.js', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);

#!/usr/bin/env node
// `pnpm bench [packages|images|merchant-list|callbacks …]`: builds what the benchmarks measure, makes sure
// MariaDB answers (BENCH_MYSQL_URL, default mysql://root@127.0.0.1:3306/banshi_bench), then runs them and
// prints one table (also written as JSON under .artifacts/bench/).
import { execSync, spawnSync } from 'node:child_process';

const run = (command) => execSync(command, { stdio: 'inherit' });
run('pnpm --filter @banshi/vendor-clients run build');
run('pnpm --filter @banshi/server exec tsc -p tsconfig.bench.json');
if (!process.env.BENCH_SKIP_MINIAPP_BUILD) run('pnpm --filter @banshi/miniapp run build');
const result = spawnSync('node', ['apps/server/dist-bench/bench/run.js', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);

#!/usr/bin/env node
// `pnpm start`: builds only the workspaces that changed (quietly: logs under .artifacts/build-logs),
// then runs the server in the foreground. The server prints its addresses last.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildChanged, ROOT } from './build-changed.mjs';

console.log('Building what changed…');
if (!(await buildChanged())) process.exit(1);

const server = spawn(process.execPath, [join(ROOT, 'apps/server/dist/main.js')], { cwd: ROOT, stdio: 'inherit' });
// Ctrl-C reaches the server from the terminal itself; a SIGTERM sent to this process is passed on.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => server.kill('SIGTERM'));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

#!/usr/bin/env node
// Builds the workspaces whose sources changed since their last build, and only those. Every workspace
// with a `build` script takes part (read from pnpm-workspace.yaml, so a new app joins by itself). A
// workspace's fingerprint is a SHA-256 of its files (those git tracks or would track: ignored outputs
// such as dist/ are left out), the root's lockfile and shared config, and the fingerprints of the
// workspaces it depends on; it is kept in <workspace>/dist/.build-hash after a successful build. Build
// output goes to .artifacts/build-logs/<workspace>.log and is shown only when the build fails.
//
//   node scripts/build-changed.mjs [@banshi/server …]   (named workspaces and what they depend on)
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED_FILES = ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', 'tsconfig.base.json'];
const STAMP = join('dist', '.build-hash');
const LOG_DIR = join(ROOT, '.artifacts', 'build-logs');

/** Workspaces named by pnpm-workspace.yaml's `packages:` (`dir/*` or `dir` entries). */
export function workspaces(root = ROOT) {
  const yaml = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8');
  const block = yaml.split(/^packages:\s*$/m)[1] ?? '';
  const patterns = [];
  for (const line of block.split('\n').slice(1)) {
    const match = /^\s+-\s+['"]?([^'"#\s]+)['"]?/.exec(line);
    if (match) patterns.push(match[1]);
    else if (line.trim() && !line.startsWith(' ')) break;
  }
  const dirs = patterns.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern];
    const parent = join(root, pattern.slice(0, -2));
    if (!existsSync(parent)) return [];
    return readdirSync(parent).map((name) => join(pattern.slice(0, -2), name));
  });
  return dirs
    .filter((dir) => existsSync(join(root, dir, 'package.json')))
    .map((dir) => {
      const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
      const deps = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.peerDependencies });
      return { name: pkg.name ?? dir, dir, buildable: Boolean(pkg.scripts?.build), deps };
    });
}

/** Dependencies first; `only` keeps the named workspaces and what they depend on. */
export function buildOrder(all, only = []) {
  const byName = new Map(all.map((ws) => [ws.name, ws]));
  const ordered = [];
  const seen = new Set();
  const visit = (ws) => {
    if (seen.has(ws.name)) return;
    seen.add(ws.name);
    for (const dep of ws.deps) if (byName.has(dep)) visit(byName.get(dep));
    ordered.push(ws);
  };
  const roots = only.length ? only.map((name) => byName.get(name) ?? fail(`no workspace named ${name}`)) : all;
  roots.forEach(visit);
  return ordered;
}

function fail(message) {
  throw new Error(message);
}

/** Files of `dir` that are not ignored: git's view when there is a repository, else a walk. */
function sourceFiles(root, dir) {
  const git = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', dir], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (git.status === 0) return git.stdout.split('\0').filter((file) => file && existsSync(join(root, file)));
  const files = [];
  const walk = (relDir) => {
    for (const entry of readdirSync(join(root, relDir), { withFileTypes: true })) {
      if (entry.name.startsWith('.') || ['node_modules', 'dist', 'coverage'].includes(entry.name)) continue;
      const path = join(relDir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(path);
    }
  };
  walk(dir);
  return files;
}

export function fingerprint(root, ws, depHashes) {
  const hash = createHash('sha256');
  const files = [...sourceFiles(root, ws.dir), ...SHARED_FILES.filter((f) => existsSync(join(root, f)))].sort();
  for (const file of files) {
    if (!statSync(join(root, file)).isFile()) continue;
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
  }
  for (const dep of ws.deps.filter((d) => depHashes.has(d)).sort()) hash.update(`${dep}\0${depHashes.get(dep)}`);
  return hash.digest('hex');
}

function readStamp(root, ws) {
  try {
    return readFileSync(join(root, ws.dir, STAMP), 'utf8').trim();
  } catch {
    return undefined;
  }
}

function runBuild(root, ws, logFile) {
  return new Promise((done) => {
    const log = createWriteStream(logFile);
    const child = spawn('pnpm', ['run', 'build'], { cwd: join(root, ws.dir), stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on('close', (code) => log.end(() => done(code ?? 1)));
  });
}

/** Builds what changed; resolves to false (after printing the failed build's log tail) on failure. */
export async function buildChanged({ only = [], root = ROOT, print = console.log } = {}) {
  const hashes = new Map();
  mkdirSync(LOG_DIR, { recursive: true });
  for (const ws of buildOrder(workspaces(root), only)) {
    const hash = fingerprint(root, ws, hashes);
    hashes.set(ws.name, hash);
    if (!ws.buildable) continue;
    if (readStamp(root, ws) === hash) {
      print(`  ${ws.name}: up to date`);
      continue;
    }
    const logFile = join(LOG_DIR, `${ws.name.replace(/[@/]/g, '_')}.log`);
    const started = Date.now();
    print(`  ${ws.name}: building…`);
    const code = await runBuild(root, ws, logFile);
    if (code !== 0) {
      const tail = readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-60).join('\n');
      print(`${tail}\n\n${ws.name}: build failed (exit ${code}); full log: ${relative(process.cwd(), logFile)}`);
      return false;
    }
    mkdirSync(join(root, ws.dir, 'dist'), { recursive: true });
    writeFileSync(join(root, ws.dir, STAMP), `${hash}\n`);
    print(`  ${ws.name}: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ok = await buildChanged({ only: process.argv.slice(2) });
  process.exit(ok ? 0 : 1);
}

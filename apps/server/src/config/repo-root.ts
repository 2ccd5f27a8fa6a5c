import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The folder relative settings (DATA_DIR, DATABASE_URL=sqlite:…, H5_DIST_DIR) are read from: the
 * repository root (where pnpm-workspace.yaml is), found from this file, so that `pnpm start`,
 * `pnpm merchant:create` and a server started from any working directory use one data folder. A
 * server deployed without the workspace file falls back to its working directory.
 */
export function repositoryRoot(start = here): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(resolve(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

/** `path` as given when absolute, else read from `root`. */
export function fromRoot(root: string, path: string): string {
  return isAbsolute(path) ? path : resolve(root, path);
}

/**
 * `sqlite:<file>` with a relative file is read from `root`; `sqlite::memory:` and MySQL URLs are
 * left as they are. Unset, the database lives in the data folder.
 */
export function resolveDatabaseUrl(url: string | undefined, root: string, dataDir: string): string {
  if (!url) return `sqlite:${resolve(dataDir, 'banshi.sqlite')}`;
  if (!url.startsWith('sqlite:')) return url;
  const file = url.slice('sqlite:'.length);
  return file === ':memory:' ? url : `sqlite:${fromRoot(root, file)}`;
}

import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { StoredObjectMissing, type StorageDriver } from './storage-driver.js';

/** Files in a folder of this machine (DATA_DIR/files): the embedded default, one instance only. */
export class LocalStorageDriver implements StorageDriver {
  readonly kind = 'local';
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async put(key: string, body: Buffer): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // Written under a temporary name and renamed, so that a reader never sees half a file.
    const partial = `${path}.partial`;
    await writeFile(partial, body);
    await rename(partial, path);
  }

  async get(key: string): Promise<Buffer> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new StoredObjectMissing(key);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  presignedGet(): Promise<undefined> {
    return Promise.resolve(undefined);
  }

  async probe(): Promise<void> {
    await mkdir(this.root, { recursive: true });
    await stat(this.root);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  /** Keys are made by the storage service, but a key must never leave the root all the same. */
  private pathOf(key: string): string {
    const path = resolve(join(this.root, key));
    if (!path.startsWith(this.root + sep)) throw new Error(`storage key outside the root: ${key}`);
    return path;
  }
}

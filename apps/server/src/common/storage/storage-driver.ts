/**
 * Where the bytes of stored files live. The database keeps who owns each file and when it goes
 * away; a driver only puts, gets and deletes bytes by key, so that every instance behind a load
 * balancer sees the same files when they are in an object store.
 */
export interface StorageDriver {
  readonly kind: 'local' | 's3';
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** Rejects with `StoredObjectMissing` when nothing is stored under `key`. */
  get(key: string): Promise<Buffer>;
  /** Deleting what is not there is not an error (retention runs again after a crash). */
  delete(key: string): Promise<void>;
  /**
   * A URL a client may GET without any header for `ttlSeconds` (a presigned GET on S3), or
   * undefined when the files route of the API serves the file itself (local folder).
   */
  presignedGet(key: string, ttlSeconds: number, contentType: string): Promise<string | undefined>;
  /** Rejects when the store cannot be reached (for the health answer). */
  probe(): Promise<void>;
  close(): Promise<void>;
}

export const STORAGE_DRIVER = Symbol('STORAGE_DRIVER');

export class StoredObjectMissing extends Error {
  constructor(readonly key: string) {
    super(`no stored object ${key}`);
    this.name = 'StoredObjectMissing';
  }
}

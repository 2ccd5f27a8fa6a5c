import { createHmac, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DataSource, LessThan, type EntityManager } from 'typeorm';
import { SECRETS } from '../../config/config.tokens.js';
import type { Secrets } from '../../config/secrets.js';
import { constantTimeEqual } from '@banshi/vendor-clients';
import { HealthChecks } from '../health-checks.js';
import { JobScheduler } from '../locks/job-scheduler.service.js';
import { STORAGE_DRIVER, StoredObjectMissing, type StorageDriver } from './storage-driver.js';
import { StoredFile } from './stored-file.entity.js';

/** Runs in the transaction that stores a file (content security queues its check here). */
export type SavedFileListener = (file: StoredFile, manager: EntityManager) => Promise<void>;

export interface SaveFileInput {
  body: Buffer;
  contentType: string;
  purpose: string;
  ownerUserId: number | null;
  orderId?: number | null;
  deleteAfter?: Date | null;
}

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'text/csv': 'csv' };

/**
 * Files (photos, receipts, bills) in the configured driver (the local folder or an S3 bucket), with
 * their owner in the database. Every read and write of file bytes goes through here. They are served
 * only through short-lived signed URLs handed to their owner or a merchant (presigned GETs on S3, the
 * files route's own signature on the local folder), because a mini-program `<image>` cannot send an
 * Authorization header. A job deletes files whose retention has ended, on one instance at a time.
 */
@Injectable()
export class StorageService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(StorageService.name);
  private readonly signingKey: Buffer;
  private readonly savedListeners: SavedFileListener[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly scheduler: JobScheduler,
    @Inject(STORAGE_DRIVER) private readonly driver: StorageDriver,
    private readonly healthChecks: HealthChecks,
    @Inject(SECRETS) secrets: Secrets,
  ) {
    this.signingKey = createHmac('sha256', secrets.jwtSecret).update('banshi/file-urls').digest();
  }

  onModuleInit(): void {
    this.scheduler.register({
      name: 'delete-expired-files',
      intervalMs: 10 * 60_000,
      run: async () => void (await this.deleteExpired()),
    });
    // Uploads and downloads fail without it, callbacks and queries do not: degraded, not down.
    this.healthChecks.register({ name: 'storage', critical: false, run: () => this.driver.probe() });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.driver.close();
  }

  onSaved(listener: SavedFileListener): void {
    this.savedListeners.push(listener);
  }

  /** Stores the bytes first, then the row: a row never points at bytes that were not stored. */
  async save(input: SaveFileInput, manager: EntityManager = this.dataSource.manager): Promise<StoredFile> {
    const id = randomUUID();
    const relative = `${input.purpose}/${id.slice(0, 2)}/${id}.${EXTENSIONS[input.contentType] ?? 'bin'}`;
    await this.driver.put(relative, input.body, input.contentType);
    const file = manager.create(StoredFile, {
      id,
      ownerUserId: input.ownerUserId,
      orderId: input.orderId ?? null,
      purpose: input.purpose,
      contentType: input.contentType,
      sizeBytes: input.body.length,
      path: relative,
      deleteAfter: input.deleteAfter ?? null,
      createdAt: new Date(),
    });
    const saved = await manager.save(file);
    for (const listener of this.savedListeners) await listener(saved, manager);
    return saved;
  }

  async find(id: string): Promise<StoredFile | null> {
    return this.dataSource.getRepository(StoredFile).findOneBy({ id });
  }

  /** The file's bytes; rejects with `StoredObjectMissing` when the store no longer has them. */
  async read(file: Pick<StoredFile, 'path'>): Promise<Buffer> {
    return this.driver.get(file.path);
  }

  /** Whether the store still has the file's bytes (for tests and checks; `read` when you need them). */
  async exists(file: Pick<StoredFile, 'path'>): Promise<boolean> {
    try {
      await this.driver.get(file.path);
      return true;
    } catch (error) {
      if (error instanceof StoredObjectMissing) return false;
      throw error;
    }
  }

  /** Rejects when the store cannot be reached. */
  probe(): Promise<void> {
    return this.driver.probe();
  }

  get driverKind(): StorageDriver['kind'] {
    return this.driver.kind;
  }

  /** Sets when a file goes away, e.g. seven days after its order ended. */
  async scheduleDeletion(
    where: { orderId: number },
    deleteAfter: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.update(StoredFile, where, { deleteAfter });
  }

  /**
   * A URL that serves the file without a header, valid for `ttlSeconds`: a presigned GET on the
   * object store, or the files route with its own signature for the local folder.
   */
  async signedUrl(file: Pick<StoredFile, 'id' | 'path' | 'contentType'>, ttlSeconds = 3600): Promise<string> {
    const presigned = await this.driver.presignedGet(file.path, ttlSeconds, file.contentType);
    if (presigned) return presigned;
    const expires = Math.floor(Date.now() / 1000) + ttlSeconds;
    return `/api/files/${file.id}?exp=${expires}&sig=${this.sign(file.id, expires)}`;
  }

  verifySignature(id: string, expires: number, signature: string): boolean {
    if (!Number.isFinite(expires) || expires < Date.now() / 1000) return false;
    return constantTimeEqual(this.sign(id, expires), signature);
  }

  async deleteExpired(now = new Date()): Promise<number> {
    const repository = this.dataSource.getRepository(StoredFile);
    const expired = await repository.find({ where: { deleteAfter: LessThan(now) }, take: 500 });
    // Bytes first, then the row: a crash in between leaves a row whose deletion is retried.
    for (const file of expired) {
      await this.driver.delete(file.path);
      await repository.delete({ id: file.id });
    }
    if (expired.length) this.logger.log(`deleted ${expired.length} expired files`);
    return expired.length;
  }

  private sign(id: string, expires: number): string {
    return createHmac('sha256', this.signingKey).update(`${id}.${expires}`).digest('base64url');
  }
}

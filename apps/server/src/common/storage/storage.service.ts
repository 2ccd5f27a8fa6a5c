import { createHmac, randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, LessThan, type EntityManager } from 'typeorm';
import { APP_CONFIG, SECRETS } from '../../config/config.tokens.js';
import type { AppConfig } from '../../config/app-config.js';
import type { Secrets } from '../../config/secrets.js';
import { constantTimeEqual } from '@banshi/vendor-clients';
import { JobScheduler } from '../locks/job-scheduler.service.js';
import { StoredFile } from './stored-file.entity.js';

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
 * Files (photos, receipts, bills) under DATA_DIR/files, with their owner in the database. They are
 * served only through short-lived signed URLs handed to their owner or a merchant, because a
 * mini-program `<image>` cannot send an Authorization header. A job deletes files whose retention
 * has ended, on one instance at a time.
 */
@Injectable()
export class StorageService implements OnModuleInit {
  private readonly logger = new Logger(StorageService.name);
  private readonly root: string;
  private readonly signingKey: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    private readonly scheduler: JobScheduler,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(SECRETS) secrets: Secrets,
  ) {
    this.root = resolve(config.dataDir, 'files');
    this.signingKey = createHmac('sha256', secrets.jwtSecret).update('banshi/file-urls').digest();
  }

  onModuleInit(): void {
    this.scheduler.register({
      name: 'delete-expired-files',
      intervalMs: 10 * 60_000,
      run: async () => void (await this.deleteExpired()),
    });
  }

  async save(input: SaveFileInput, manager: EntityManager = this.dataSource.manager): Promise<StoredFile> {
    const id = randomUUID();
    const relative = join(input.purpose, id.slice(0, 2), `${id}.${EXTENSIONS[input.contentType] ?? 'bin'}`);
    const absolute = join(this.root, relative);
    await mkdir(dirname(absolute), { recursive: true });
    await writeFile(absolute, input.body);
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
    return manager.save(file);
  }

  async find(id: string): Promise<StoredFile | null> {
    return this.dataSource.getRepository(StoredFile).findOneBy({ id });
  }

  async read(file: StoredFile): Promise<Buffer> {
    return readFile(join(this.root, file.path));
  }

  /** Sets when a file goes away, e.g. seven days after its order ended. */
  async scheduleDeletion(
    where: { orderId: number },
    deleteAfter: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.update(StoredFile, where, { deleteAfter });
  }

  /** A URL that serves the file without a header, valid for `ttlSeconds`. */
  signedUrl(file: Pick<StoredFile, 'id'>, ttlSeconds = 3600): string {
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
    for (const file of expired) {
      await rm(join(this.root, file.path), { force: true });
      await repository.delete({ id: file.id });
    }
    if (expired.length) this.logger.log(`deleted ${expired.length} expired files`);
    return expired.length;
  }

  private sign(id: string, expires: number): string {
    return createHmac('sha256', this.signingKey).update(`${id}.${expires}`).digest('base64url');
  }
}

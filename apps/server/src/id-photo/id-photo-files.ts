import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { StorageService } from '../common/storage/storage.service.js';
import { StoredFile } from '../common/storage/stored-file.entity.js';
import type { IdPhotoSession } from './entities/photo-session.entity.js';
import type { VendorImage } from './vendor-files.js';

/** How long a signed file URL handed to the owner or the merchant stays valid. */
const SIGNED_URL_TTL_SECONDS = 3600;

export type IdPhotoFilePurpose = 'id_photo_upload' | 'id_photo_preview' | 'id_photo_receipt' | 'id_photo_result';

/**
 * Where the ID-photo files live and for how long: a photo not (yet) ordered goes away
 * FILE_RETENTION_DAYS after it was made; once ordered it stays with the order, and every file of the
 * order goes away FILE_RETENTION_DAYS after the order ends (the storage job deletes them).
 */
@Injectable()
export class IdPhotoFiles {
  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: StorageService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  retentionEnd(from = new Date()): Date {
    return new Date(from.getTime() + this.config.fileRetentionDays * 86_400_000);
  }

  save(
    image: VendorImage | { body: Buffer; contentType: string },
    purpose: IdPhotoFilePurpose,
    owner: { userId: number; orderId?: number | null },
    manager?: EntityManager,
  ): Promise<StoredFile> {
    const orderId = owner.orderId ?? null;
    return this.storage.save(
      {
        body: image.body,
        contentType: image.contentType,
        purpose,
        ownerUserId: owner.userId,
        orderId,
        // Kept as long as the order runs; otherwise only for the retention period.
        deleteAfter: orderId === null ? this.retentionEnd() : null,
      },
      manager,
    );
  }

  /** A photo goes into an order: its files now live as long as the order (plus retention). */
  async attachSession(manager: EntityManager, session: IdPhotoSession, orderId: number): Promise<void> {
    const ids = [session.uploadFileId, ...Object.values(session.previews)];
    await manager.update(StoredFile, { id: In(ids) }, { orderId, deleteAfter: null });
  }

  /** The order ended (completed, cancelled): its photos and receipts go after the retention period. */
  async scheduleOrderDeletion(manager: EntityManager, orderId: number): Promise<Date> {
    const deleteAfter = this.retentionEnd();
    await this.storage.scheduleDeletion({ orderId }, deleteAfter, manager);
    return deleteAfter;
  }

  /** Superseded previews (the photo was made again) are deleted at the next run of the storage job. */
  async discard(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.getRepository(StoredFile).update({ id: In(ids) }, { deleteAfter: new Date() });
  }

  async read(id: string): Promise<Buffer | undefined> {
    const file = await this.storage.find(id);
    return file ? this.storage.read(file).catch(() => undefined) : undefined;
  }

  /** Signed URLs of the files that still exist, by id. */
  async signed(ids: (string | null | undefined)[]): Promise<Map<string, { url: string; deleteAfter: Date | null }>> {
    const wanted = ids.filter((id): id is string => typeof id === 'string');
    const found = wanted.length
      ? await this.dataSource.getRepository(StoredFile).findBy({ id: In([...new Set(wanted)]) })
      : [];
    const urls = await Promise.all(found.map((file) => this.storage.signedUrl(file, SIGNED_URL_TTL_SECONDS)));
    return new Map(found.map((file, i) => [file.id, { url: urls[i], deleteAfter: file.deleteAfter }]));
  }
}

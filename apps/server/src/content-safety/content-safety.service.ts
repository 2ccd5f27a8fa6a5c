import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { WechatClient, type MediaCheckEvent } from '@banshi/vendor-clients/wechat';
import { DataSource, In, LessThanOrEqual, type EntityManager } from 'typeorm';
import { PublicUrl } from '../common/http/public-url.js';
import { JobScheduler } from '../common/locks/job-scheduler.service.js';
import { StorageService } from '../common/storage/storage.service.js';
import type { StoredFile } from '../common/storage/stored-file.entity.js';
import { insertRow } from '../database/row-statements.js';
import { User } from '../users/user.entity.js';
import { ContentWithdrawal } from './content-withdrawal.js';
import { MediaCheck } from './media-check.entity.js';

export const MEDIA_CHECK_JOB = 'submit-media-checks';

/**
 * The uploads others may see (the vendor, the merchant, an agency): ID-photo portraits, bills, car
 * licences. Identity face photos are deliberately not here: they go to Alipay Zhima only and are
 * deleted when the verification ends.
 */
export const SCREENED_PURPOSES: Readonly<Record<string, string>> = {
  id_photo_upload: '证件照',
  'invoice-photo': '票据照片',
  'travel-license': '行驶证照片',
};

const BATCH = 20;
const MAX_ATTEMPTS = 4;
/** WeChat pushes the verdict within 30 minutes; a check silent for longer is sent again. */
const VERDICT_WAIT_MS = 35 * 60_000;
/** How long the signed URL given to WeChat lives: past the verdict wait. */
const URL_TTL_SECONDS = 40 * 60;
const backoffMs = (attempt: number) => Math.min(60_000 * 2 ** (attempt - 1), 3600_000);

/**
 * WeChat content security for uploaded images: every screened upload gets a check row in the
 * transaction that stores it (one common place: the storage service's save), a leased job sends
 * the checks (mediaCheckAsync), and the asynchronous verdict comes back through the callback inbox
 * (`WechatPushHandler`), where a flagged image is withdrawn.
 */
@Injectable()
export class ContentSafetyService implements OnModuleInit {
  private readonly logger = new Logger(ContentSafetyService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: StorageService,
    private readonly scheduler: JobScheduler,
    private readonly wechat: WechatClient,
    private readonly publicUrl: PublicUrl,
    private readonly withdrawal: ContentWithdrawal,
  ) {}

  onModuleInit(): void {
    this.storage.onSaved((file, manager) => this.screen(file, manager));
    this.scheduler.register({
      name: MEDIA_CHECK_JOB,
      intervalMs: 10_000,
      run: async () => void (await this.submitDue()),
    });
  }

  /** Queues a check for a screened upload, in the transaction that stores it. */
  async screen(file: StoredFile, manager: EntityManager): Promise<void> {
    if (!(file.purpose in SCREENED_PURPOSES) || file.ownerUserId === null) return;
    const now = new Date();
    await insertRow(manager, MediaCheck, {
      fileId: file.id,
      userId: file.ownerUserId,
      orderId: file.orderId,
      purpose: file.purpose,
      traceId: null,
      state: 'pending',
      attempts: 0,
      suggest: null,
      label: null,
      nextAttemptAt: now,
      createdAt: now,
      updatedAt: now,
    });
  }

  /** Sends due checks (new ones, and those whose verdict never came). */
  async submitDue(now = new Date()): Promise<number> {
    const repository = this.dataSource.getRepository(MediaCheck);
    const due = await repository.find({
      where: { state: In(['pending', 'checking']), nextAttemptAt: LessThanOrEqual(now) },
      order: { id: 'ASC' },
      take: BATCH,
    });
    for (const check of due) await this.submit(check);
    return due.length;
  }

  private async submit(check: MediaCheck): Promise<void> {
    const repository = this.dataSource.getRepository(MediaCheck);
    const attempts = check.attempts + 1;
    const file = await this.storage.find(check.fileId);
    if (!file || attempts > MAX_ATTEMPTS) {
      // Deleted meanwhile (nothing left to show), or WeChat never managed to check it.
      await repository.update({ id: check.id }, { state: file ? 'failed' : 'passed', updatedAt: new Date() });
      return;
    }
    const user = await this.dataSource
      .getRepository(User)
      .findOne({ where: { id: check.userId }, select: { id: true, openid: true } });
    try {
      const url = await this.storage.signedUrl(file, URL_TTL_SECONDS);
      const { traceId } = await this.wechat.mediaCheckAsync({
        mediaUrl: url.startsWith('/') ? `${this.publicUrl.base}${url}` : url,
        mediaType: 2,
        openid: user?.openid ?? '',
        scene: 1,
      });
      await repository.update(
        { id: check.id },
        {
          state: 'checking',
          traceId,
          attempts,
          nextAttemptAt: new Date(Date.now() + VERDICT_WAIT_MS),
          updatedAt: new Date(),
        },
      );
    } catch (error) {
      this.logger.warn({ err: error, checkId: check.id }, 'media check could not be sent');
      await repository.update(
        { id: check.id },
        { attempts, nextAttemptAt: new Date(Date.now() + backoffMs(attempts)), updatedAt: new Date() },
      );
    }
  }

  /** WeChat's verdict, inside the inbox's transaction. Answers the inbox outcome. */
  async applyVerdict(
    manager: EntityManager,
    event: MediaCheckEvent,
  ): Promise<{ outcome: string; orderId?: number | null }> {
    const check = await manager.findOneBy(MediaCheck, { traceId: event.traceId });
    if (!check) return { outcome: 'no_check' };
    if (check.state !== 'checking') return { outcome: 'stale', orderId: check.orderId };
    const now = new Date();
    if (event.statusCode !== 0) {
      // WeChat could not download it: not a verdict. Send it again (the job gives up after a few).
      await manager.update(MediaCheck, { id: check.id }, { state: 'pending', nextAttemptAt: now, updatedAt: now });
      return { outcome: 'undownloadable', orderId: check.orderId };
    }
    const flagged = event.suggest !== 'pass';
    await manager.update(
      MediaCheck,
      { id: check.id },
      { state: flagged ? 'flagged' : 'passed', suggest: event.suggest, label: event.label, updatedAt: now },
    );
    if (!flagged) return { outcome: 'passed', orderId: check.orderId };
    const orderId = await this.withdrawal.withdraw(manager, check, SCREENED_PURPOSES[check.purpose] ?? '图片');
    return { outcome: 'withdrawn', orderId };
  }
}

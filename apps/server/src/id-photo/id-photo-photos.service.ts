import { HttpStatus, Injectable } from '@nestjs/common';
import { ZJZ_MAX_IMAGE_BYTES, ZJZ_MAX_IMAGE_SIDE, ZJZ_PIC_TTL_MS, ZjzClient } from '@banshi/vendor-clients/zjz';
import { DataSource } from 'typeorm';
import { AppError } from '../common/errors/app-error.js';
import { vendorErrorToAppError } from '../common/errors/vendor-error-mapping.js';
import { normaliseImage } from '../common/images/image-normaliser.js';
import { Order } from '../orders/order.entity.js';
import { FINAL_STATUSES } from '../orders/order-status.js';
import type { PhotoSessionDto } from './dto/photo.dto.js';
import { IdPhotoSession } from './entities/photo-session.entity.js';
import { IdPhotoFiles } from './id-photo-files.js';
import { IdPhotoLocks } from './id-photo-locks.js';
import { ZJZ_SERVICE_NAME, ZjzSpecCatalogue, type OfferedSpec } from './zjz-spec-catalogue.js';
import { VendorFileError, ZjzFiles, type VendorImage } from './vendor-files.js';

/**
 * The vendor keeps a pic_id for 50 minutes; we stop using it a little earlier, so that a submission
 * never races the expiry.
 */
const PIC_SAFETY_MARGIN_MS = 2 * 60_000;

export function picExpiresAt(session: Pick<IdPhotoSession, 'picMadeAt'>): Date {
  return new Date(session.picMadeAt.getTime() + ZJZ_PIC_TTL_MS);
}

export function isPicExpired(session: Pick<IdPhotoSession, 'picId' | 'picMadeAt'>, now = Date.now()): boolean {
  return !session.picId || now >= picExpiresAt(session).getTime() - PIC_SAFETY_MARGIN_MS;
}

export function photoExpiredError(): AppError {
  return new AppError(HttpStatus.GONE, { code: 'PHOTO_EXPIRED', message: '照片已过期，请重新生成（无需重新上传）' });
}

interface MadePhoto {
  picId: string;
  previews: { color: string; image: VendorImage }[];
}

/**
 * Portraits: normalised on arrival (upright, EXIF and GPS stripped, within the vendor's 5 MB and
 * 6000 px), made to the spec by the vendor, the previews copied into our storage. The normalised
 * upload is kept (owner-only) so that the photo can be made again when its pic_id expires.
 */
@Injectable()
export class IdPhotoPhotosService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly zjz: ZjzClient,
    private readonly catalogue: ZjzSpecCatalogue,
    private readonly files: IdPhotoFiles,
    private readonly locks: IdPhotoLocks,
    private readonly vendorFiles: ZjzFiles,
  ) {}

  async upload(userId: number, itemId: number, file: Express.Multer.File | undefined): Promise<PhotoSessionDto> {
    if (!file?.buffer?.length) throw AppError.badRequest('FILE_REQUIRED', '请选择要上传的人像照片');
    const spec = await this.catalogue.get(itemId);
    const image = await normaliseImage(file.buffer, {
      maxBytes: ZJZ_MAX_IMAGE_BYTES,
      maxSide: ZJZ_MAX_IMAGE_SIDE,
      format: 'jpeg',
      minSide: Math.min(spec.widthPx, spec.heightPx),
    });
    const made = await this.make(spec, image.buffer);
    const upload = await this.files.save({ body: image.buffer, contentType: image.contentType }, 'id_photo_upload', {
      userId,
    });
    const previews = await this.savePreviews(made, userId, null);
    const now = new Date();
    const repository = this.dataSource.getRepository(IdPhotoSession);
    const session = await repository.save(
      repository.create({
        userId,
        itemId: spec.itemId,
        specName: spec.name,
        uploadFileId: upload.id,
        picId: made.picId,
        picMadeAt: now,
        previews,
        orderId: null,
        createdAt: now,
        updatedAt: now,
      }),
    );
    return this.view(session, spec);
  }

  /** Makes the photo again from the kept upload: a fresh pic_id, without asking for the photo again. */
  async remake(userId: number, sessionId: number): Promise<PhotoSessionDto> {
    return this.locks.run(`id-photo:session:${sessionId}`, async () => {
      const session = await this.owned(userId, sessionId);
      if (session.orderId !== null) {
        const order = await this.dataSource.getRepository(Order).findOneBy({ id: session.orderId });
        if (order && FINAL_STATUSES.has(order.status)) {
          throw AppError.conflict('ORDER_ENDED', '订单已结束，无需重新生成照片');
        }
      }
      const spec = await this.catalogue.get(session.itemId);
      const upload = await this.files.read(session.uploadFileId);
      if (!upload)
        throw new AppError(HttpStatus.GONE, { code: 'UPLOAD_DELETED', message: '原照片已按隐私政策删除，请重新上传' });
      const made = await this.make(spec, upload);
      const superseded = Object.values(session.previews);
      session.previews = await this.savePreviews(made, userId, session.orderId);
      session.picId = made.picId;
      session.picMadeAt = new Date();
      session.updatedAt = session.picMadeAt;
      await this.dataSource.getRepository(IdPhotoSession).save(session);
      await this.files.discard(superseded);
      return this.view(session, spec);
    });
  }

  async get(userId: number, sessionId: number): Promise<PhotoSessionDto> {
    const session = await this.owned(userId, sessionId);
    return this.view(session, await this.catalogue.get(session.itemId));
  }

  async owned(userId: number, sessionId: number): Promise<IdPhotoSession> {
    const session = await this.dataSource.getRepository(IdPhotoSession).findOneBy({ id: sessionId, userId });
    if (!session) throw AppError.notFound('照片不存在或已删除，请重新上传', 'PHOTO_NOT_FOUND');
    return session;
  }

  async view(session: IdPhotoSession, spec: Pick<OfferedSpec, 'colors'>): Promise<PhotoSessionDto> {
    return {
      id: session.id,
      itemId: session.itemId,
      specName: session.specName,
      previews: await this.previews(session, spec),
      expiresAt: picExpiresAt(session).toISOString(),
      expired: isPicExpired(session),
      orderId: session.orderId,
    };
  }

  /** Signed preview URLs in the spec's colour order. */
  async previews(
    session: IdPhotoSession,
    spec: Pick<OfferedSpec, 'colors'>,
  ): Promise<{ color: string; url: string }[]> {
    const signed = await this.files.signed(Object.values(session.previews));
    const colors = [...new Set([...spec.colors, ...Object.keys(session.previews)])];
    return colors.flatMap((color) => {
      const file = signed.get(session.previews[color]);
      return file ? [{ color, url: file.url }] : [];
    });
  }

  private async make(spec: OfferedSpec, jpeg: Buffer): Promise<MadePhoto> {
    let made: { picId: string; photos: Record<string, string> };
    try {
      made = await this.zjz.makeReceiptPhoto({ itemId: spec.itemId, image: jpeg });
    } catch (error) {
      throw vendorErrorToAppError(error, ZJZ_SERVICE_NAME);
    }
    const colors = Object.keys(made.photos).sort(
      (a, b) => rank(spec.colors, a) - rank(spec.colors, b) || a.localeCompare(b),
    );
    try {
      const previews = await Promise.all(
        colors.map(async (color) => ({ color, image: await this.vendorFiles.image(made.photos[color]) })),
      );
      return { picId: made.picId, previews };
    } catch (error) {
      if (error instanceof VendorFileError) {
        throw AppError.vendorUnavailable(`${ZJZ_SERVICE_NAME}暂时无法获取制作好的照片，请稍后重试`);
      }
      throw error;
    }
  }

  private async savePreviews(made: MadePhoto, userId: number, orderId: number | null): Promise<Record<string, string>> {
    const saved: Record<string, string> = {};
    for (const { color, image } of made.previews) {
      saved[color] = (await this.files.save(image, 'id_photo_preview', { userId, orderId })).id;
    }
    return saved;
  }
}

function rank(colors: readonly string[], color: string): number {
  const index = colors.indexOf(color);
  return index < 0 ? colors.length : index;
}

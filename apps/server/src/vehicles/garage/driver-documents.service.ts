import { Injectable, Logger } from '@nestjs/common';
import { DocloudClient } from '@banshi/vendor-clients/docloud';
import { DataSource } from 'typeorm';
import { AppError } from '../../common/errors/app-error.js';
import { normaliseImage, type ImageLimits } from '../../common/images/image-normaliser.js';
import { StorageService } from '../../common/storage/storage.service.js';
import { StoredFile } from '../../common/storage/stored-file.entity.js';
import { docloudToAppError } from '../docloud-errors.js';
import type { DeductSelfResultDto, TravelLicenseStatusDto } from '../dto/violation.dto.js';
import { VehicleCar } from '../entities/car.entity.js';
import { ViolationQueryService } from '../violations/violation-query.service.js';
import { VendorTokenService } from './vendor-token.service.js';
import { GarageService } from './garage.service.js';
import { Exclusive } from '../exclusive.service.js';

/** 《上传行驶证》: each page a JPEG of at most 500 KB; 1600 px keeps the small print legible. */
export const TRAVEL_LICENSE_LIMITS: ImageLimits = { maxBytes: 480 * 1024, maxSide: 1600, minSide: 300, format: 'jpeg' };
/** A page waiting for the other one is kept no longer than this. */
const PAGE_KEPT_MS = 60 * 60_000;

export type LicenseSide = 'front' | 'back';

/**
 * What point violations need: the travel licence (both pages, sent to the vendor together, then
 * deleted here) and the self-deduct check of the driver's licence (numbers kept encrypted for
 * the order). Pages arrive one per request (a mini-program uploads one file at a time).
 */
@Injectable()
export class DriverDocumentsService {
  private readonly logger = new Logger(DriverDocumentsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly docloud: DocloudClient,
    private readonly garage: GarageService,
    private readonly queries: ViolationQueryService,
    private readonly tokens: VendorTokenService,
    private readonly storage: StorageService,
    private readonly leases: Exclusive,
  ) {}

  async uploadLicensePage(
    userId: number,
    carId: number,
    side: LicenseSide,
    file: Buffer | undefined,
  ): Promise<TravelLicenseStatusDto> {
    if (!file?.length) {
      throw AppError.badRequest('FILE_REQUIRED', `请选择行驶证${side === 'front' ? '正页' : '副页'}照片后再上传`);
    }
    const image = await normaliseImage(file, TRAVEL_LICENSE_LIMITS);
    const ran = await this.leases.runIfFree(`vehicles:license:${carId}`, 60_000, async () => {
      const car = await this.garage.owned(userId, carId);
      const stored = await this.storage.save({
        body: image.buffer,
        contentType: image.contentType,
        purpose: 'travel-license',
        ownerUserId: userId,
        deleteAfter: new Date(Date.now() + PAGE_KEPT_MS),
      });
      const previous = side === 'front' ? car.licenseFrontFile : car.licenseBackFile;
      const patch = side === 'front' ? { licenseFrontFile: stored.id } : { licenseBackFile: stored.id };
      await this.dataSource.getRepository(VehicleCar).update({ id: car.id }, { ...patch, updatedAt: new Date() });
      Object.assign(car, patch);
      if (previous) await this.discard([previous]);
      if (car.licenseFrontFile && car.licenseBackFile) await this.sendLicense(car);
      return this.status(car);
    });
    if (!ran.ran) throw AppError.conflict('UPLOAD_IN_PROGRESS', '另一页正在上传，请稍候再试');
    return ran.value;
  }

  async licenseStatus(userId: number, carId: number): Promise<TravelLicenseStatusDto> {
    return this.status(await this.garage.owned(userId, carId));
  }

  /** 《自扣分下单校验》: whether this driver may have point violations handled for this car. */
  async checkDeductSelf(
    userId: number,
    carId: number,
    input: { driveNum: string; fileNum: string },
  ): Promise<DeductSelfResultDto> {
    const car = await this.tokens.ensure(await this.garage.owned(userId, carId));
    const driveNum = input.driveNum.toUpperCase();
    let passed: boolean;
    try {
      passed = await this.docloud.checkDeductSelf({
        token: car.vendorToken ?? '',
        driveNum,
        fileNum: input.fileNum,
        carType: car.carType,
      });
    } catch (error) {
      throw docloudToAppError(error);
    }
    if (!passed) {
      return { passed: false, message: '未通过自扣分验证：仅支持驾驶证本人名下的小型车辆，请核对驾驶证号和档案编号' };
    }
    const now = new Date();
    await this.dataSource
      .getRepository(VehicleCar)
      .update({ id: car.id }, { driveNum, fileNum: input.fileNum, deductSelfAt: now, updatedAt: now });
    // Point violations become selectable, with their point-deduction fee, in a self-deduct query.
    await this.queries.refresh(await this.garage.owned(userId, carId)).catch((error: unknown) => {
      this.logger.warn({ err: error, carId }, 'violations not re-queried after the self-deduct check');
    });
    return { passed: true, message: '验证通过：扣分违章可以代办了，需同时上传行驶证' };
  }

  private async sendLicense(car: VehicleCar): Promise<void> {
    const ids = [car.licenseFrontFile as string, car.licenseBackFile as string];
    const files = await Promise.all(ids.map((id) => this.storage.find(id)));
    if (files.some((file) => !file)) {
      throw AppError.conflict('LICENSE_EXPIRED', '之前上传的行驶证照片已过期，请重新上传正页和副页');
    }
    const [front, back] = await Promise.all(files.map((file) => this.storage.read(file as StoredFile)));
    const { vendorToken } = await this.tokens.ensure(car);
    try {
      await this.docloud.uploadTravelLicense({ token: vendorToken ?? '', front, back });
    } catch (error) {
      throw docloudToAppError(error);
    }
    const now = new Date();
    const patch = { licenseFrontFile: null, licenseBackFile: null, licenseUploadedAt: now, updatedAt: now };
    await this.dataSource.getRepository(VehicleCar).update({ id: car.id }, patch);
    Object.assign(car, patch);
    // The vendor has them: ours are not needed any longer.
    await this.discard(ids);
  }

  private async discard(ids: string[]): Promise<void> {
    const now = new Date();
    for (const id of ids) await this.dataSource.getRepository(StoredFile).update({ id }, { deleteAfter: now });
    await this.storage.deleteExpired(new Date(now.getTime() + 1));
  }

  private status(car: VehicleCar): TravelLicenseStatusDto {
    return {
      front: car.licenseFrontFile !== null,
      back: car.licenseBackFile !== null,
      uploaded: car.licenseUploadedAt !== null,
    };
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  isDocloudError,
  type DocloudClient,
  type InspectionBrand,
  type InspectionCity,
  type InspectionDistrict,
  type InspectionModel,
  type InspectionProvince,
  type InspectionSeries,
} from '@banshi/vendor-clients/docloud';
import { DataSource } from 'typeorm';
import { vendorErrorToAppError } from '../common/errors/vendor-error-mapping.js';
import { isUniqueViolation } from '../database/transactions.js';
import { InspectionAccount } from './entities/inspection-account.entity.js';
import { TtlCache } from './ttl-cache.js';

/** Injection token of this module's own Docloud client. */
export const INSPECTION_DOCLOUD = Symbol('INSPECTION_DOCLOUD');

export const SERVICE_NAME = '年检服务';

/** Base data (brands, series, models, areas) changes a few times a year: half a day is fresh enough. */
const BASE_DATA_TTL_MS = 12 * 3_600_000;

/** Our stable, non-personal id of a user at the vendor (《获取token》's authCode). */
export const authCodeOf = (userId: number) => `banshi-u-${userId}`;

type BaseData =
  | InspectionBrand[]
  | InspectionSeries[]
  | InspectionModel[]
  | InspectionProvince[]
  | InspectionCity[]
  | InspectionDistrict[];

/**
 * Every annual-inspection call to Docloud goes through here: it carries the user's token (asked
 * for once and kept in `inspection_accounts`; asked again once if the vendor stops knowing it), and
 * the base-data lists are cached for all users. Vendor failures leave as `AppError`s
 * (`vendorErrorToAppError`), except through `raw`, for callers that decide themselves.
 */
@Injectable()
export class InspectionVendor {
  private readonly logger = new Logger(InspectionVendor.name);
  private readonly baseData = new TtlCache<BaseData>(BASE_DATA_TTL_MS);

  constructor(
    @Inject(INSPECTION_DOCLOUD) readonly client: DocloudClient,
    private readonly dataSource: DataSource,
  ) {}

  /** Runs a vendor call with the user's token; vendor errors become `AppError`s. */
  async call<T>(userId: number, work: (token: string) => Promise<T>): Promise<T> {
    try {
      return await this.raw(userId, work);
    } catch (error) {
      throw vendorErrorToAppError(error, SERVICE_NAME);
    }
  }

  /** Same, with the vendor's own error left as it is. */
  async raw<T>(userId: number, work: (token: string) => Promise<T>): Promise<T> {
    const token = await this.tokenOf(userId);
    try {
      return await work(token);
    } catch (error) {
      // 1101 无效的 TOKEN / 1110 TOKEN为空: the vendor lost or rotated it; ask once more.
      if (!isDocloudError(error, '1101', '1110')) throw error;
      this.logger.warn(`docloud refused the inspection token of user ${userId} (${error.code}); asking again`);
      await this.dataSource.getRepository(InspectionAccount).delete({ userId });
      return work(await this.tokenOf(userId));
    }
  }

  brands(userId: number): Promise<InspectionBrand[]> {
    return this.cached('brands', userId, (token) => this.client.listBrands(token));
  }

  series(userId: number, brandId: number): Promise<InspectionSeries[]> {
    return this.cached(`series:${brandId}`, userId, (token) => this.client.listSeries(brandId, token));
  }

  models(userId: number, seriesId: number): Promise<InspectionModel[]> {
    return this.cached(`models:${seriesId}`, userId, (token) => this.client.listModels(seriesId, token));
  }

  provinces(userId: number): Promise<InspectionProvince[]> {
    return this.cached('provinces', userId, (token) => this.client.listProvinces(token));
  }

  cities(userId: number, provinceId: number): Promise<InspectionCity[]> {
    return this.cached(`cities:${provinceId}`, userId, (token) => this.client.listCities(provinceId, token));
  }

  districts(userId: number, cityId: number): Promise<InspectionDistrict[]> {
    return this.cached(`districts:${cityId}`, userId, (token) => this.client.listDistricts(cityId, token));
  }

  private cached<T extends BaseData>(key: string, userId: number, load: (token: string) => Promise<T>): Promise<T> {
    // Whoever misses first loads with their own token; the answer is the same for every user.
    return this.baseData.get(key, () => this.call(userId, load)) as Promise<T>;
  }

  /** The user's vendor token, asked for on first use. */
  async tokenOf(userId: number): Promise<string> {
    const accounts = this.dataSource.getRepository(InspectionAccount);
    const known = await accounts.findOneBy({ userId });
    if (known) return known.token;
    const token = await this.client.assignUserToken(authCodeOf(userId));
    const now = new Date();
    try {
      await accounts.insert({ userId, token, createdAt: now, updatedAt: now });
    } catch (error) {
      // A parallel request of the same user stored it first; the vendor gives one user one token.
      if (!isUniqueViolation(error)) throw error;
    }
    return token;
  }
}

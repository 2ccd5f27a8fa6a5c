import { Injectable, Logger } from '@nestjs/common';
import {
  DocloudClient,
  describeLengthRule,
  type DocloudCarType,
  type DocloudCountProvince,
} from '@banshi/vendor-clients/docloud';
import { docloudToAppError } from '../docloud-errors.js';
import type { CityRuleDto } from '../dto/car.dto.js';

/**
 * A city's rules, exactly as `GET /api/vehicles/cities` serves them to the app (one shape, the DTO's):
 * `cityPrefix` is "浙A", or "京" for a municipality; `needsPhone` from 《注意事项》 (Zhejiang, 1003).
 */
export type CityRule = CityRuleDto;

/** Provinces whose queries need the owner's phone, from 《违章查缴接入指南 / 注意事项》. */
const PHONE_PROVINCES = new Set(['浙']);
const TTL_MS = 6 * 3600_000;

interface Cached<T> {
  value: T;
  loadedAt: number;
}

/**
 * The vendor's open cities with the VIN / engine-number part each asks for (《支持城市及条件》), and
 * the cities where violation counts can be asked (《查询违章条数 / 支持城市列表》). Both change
 * rarely: kept in memory for six hours, refreshed in the background when older (the stale list is
 * served meanwhile), loaded once however many requests ask at the same time.
 */
@Injectable()
export class CityRulesService {
  private readonly logger = new Logger(CityRulesService.name);
  private conditions?: Cached<CityRule[]>;
  private countCities?: Cached<DocloudCountProvince[]>;
  private loadingConditions?: Promise<CityRule[]>;
  private loadingCountCities?: Promise<DocloudCountProvince[]>;

  constructor(private readonly docloud: DocloudClient) {}

  async list(): Promise<CityRule[]> {
    return this.cached(
      () => this.conditions,
      () => this.loadingConditions,
      (p) => (this.loadingConditions = p),
      async () => {
        const provinces = await this.docloud.listConditions();
        const rules = provinces.flatMap(({ province, cities }) =>
          cities.map((c) => toRule(province, c.city, c.cityPrefix, c.vinLength, c.engineNoLength, c.carTypes)),
        );
        this.conditions = { value: rules, loadedAt: Date.now() };
        return rules;
      },
    );
  }

  /** The city whose rules a plate follows: the longest open prefix it starts with. */
  async forPlate(plate: string): Promise<CityRule | undefined> {
    const rules = await this.list();
    return rules
      .filter((rule) => plate.startsWith(rule.cityPrefix))
      .sort((a, b) => b.cityPrefix.length - a.cityPrefix.length)[0];
  }

  /** Whether 《查询违章条数》 covers the car's city. */
  async countsCover(plate: string): Promise<boolean> {
    const provinces = await this.cached(
      () => this.countCities,
      () => this.loadingCountCities,
      (p) => (this.loadingCountCities = p),
      async () => {
        const list = await this.docloud.listCountCities();
        this.countCities = { value: list, loadedAt: Date.now() };
        return list;
      },
    );
    const province = provinces.find((p) => plate.startsWith(p.prefix));
    if (!province) return false;
    return province.cities.length === 0 || province.cities.some((c) => plate.startsWith(c.cityPrefix));
  }

  /** Drops the cache (tests, or after the vendor opened a city). */
  forget(): void {
    this.conditions = undefined;
    this.countCities = undefined;
  }

  private async cached<T>(
    current: () => Cached<T> | undefined,
    loading: () => Promise<T> | undefined,
    setLoading: (promise: Promise<T> | undefined) => void,
    load: () => Promise<T>,
  ): Promise<T> {
    const entry = current();
    const fresh = entry && Date.now() - entry.loadedAt < TTL_MS;
    if (fresh) return entry.value;
    let pending = loading();
    if (!pending) {
      pending = load().finally(() => setLoading(undefined));
      setLoading(pending);
    }
    if (entry) {
      // Stale but usable: answer now, let the refresh finish on its own.
      pending.catch((error: unknown) => this.logger.warn({ err: error }, 'could not refresh docloud city rules'));
      return entry.value;
    }
    // The first load: every concurrent caller waits for the same one.
    try {
      return await pending;
    } catch (error) {
      throw docloudToAppError(error);
    }
  }
}

function toRule(
  province: string,
  city: string,
  cityPrefix: string,
  vinLength: number,
  engineNoLength: number,
  carTypes: DocloudCarType[],
): CityRule {
  const provincePrefix = cityPrefix.slice(0, 1);
  return {
    province,
    provincePrefix,
    city,
    cityPrefix,
    vinLength,
    engineNoLength,
    carTypes,
    needsPhone: PHONE_PROVINCES.has(provincePrefix),
    vinHint: describeLengthRule('车架号', vinLength),
    engineNoHint: describeLengthRule('发动机号', engineNoLength),
  };
}

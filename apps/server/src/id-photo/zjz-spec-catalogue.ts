import { Injectable, Logger } from '@nestjs/common';
import {
  fileSizeMessage,
  findZjzSpec,
  mergeWithCatalogue,
  ZJZ_SPECS,
  ZjzClient,
  type ZjzReceiptSpec,
} from '@banshi/vendor-clients/zjz';
import { AppError } from '../common/errors/app-error.js';
import { vendorErrorToAppError } from '../common/errors/vendor-error-mapping.js';
import type { SpecDto, SpecListDto } from './dto/spec.dto.js';

export const ZJZ_SERVICE_NAME = '证件照服务';

/** The vendor's sizes and colours with our configuration of the params it does not publish. */
export interface OfferedSpec extends ZjzReceiptSpec {
  fileSizeMsg: string;
}

const CACHE_TTL_MS = 10 * 60_000;

/**
 * The specs on offer: the vendor's live list (`/item/list`), cached for ten minutes, merged with the
 * configured catalogue. A spec the vendor lists but Banshi has not configured is not offered: nobody
 * would know which params its receipt needs. If the vendor cannot be reached, the last list is kept.
 */
@Injectable()
export class ZjzSpecCatalogue {
  private readonly logger = new Logger(ZjzSpecCatalogue.name);
  private cached?: { at: number; specs: OfferedSpec[] };
  private inflight?: Promise<OfferedSpec[]>;

  constructor(private readonly zjz: ZjzClient) {}

  async all(): Promise<OfferedSpec[]> {
    if (this.cached && Date.now() - this.cached.at < CACHE_TTL_MS) return this.cached.specs;
    this.inflight ??= this.load().finally(() => {
      this.inflight = undefined;
    });
    try {
      return await this.inflight;
    } catch (error) {
      if (this.cached) {
        this.logger.warn({ err: error }, 'zjz spec list unavailable; serving the previous one');
        return this.cached.specs;
      }
      throw vendorErrorToAppError(error, ZJZ_SERVICE_NAME);
    }
  }

  async get(itemId: number): Promise<OfferedSpec> {
    const spec = (await this.all()).find((candidate) => candidate.itemId === itemId);
    if (!spec) throw AppError.notFound('该证件规格暂不支持，请重新选择', 'SPEC_NOT_FOUND');
    return spec;
  }

  /**
   * The spec of an existing order, for showing it: the vendor's if the list can be had, else the
   * configured one (an order page must not break because the vendor is unreachable).
   */
  async describe(itemId: number): Promise<OfferedSpec | undefined> {
    const offered = await this.all().then(
      (specs) => specs.find((spec) => spec.itemId === itemId),
      () => undefined,
    );
    if (offered) return offered;
    const configured = findZjzSpec(itemId);
    return configured ? { ...configured, fileSizeMsg: fileSizeMessage(configured) } : undefined;
  }

  /** The specs on offer, each with what the user pays now (`prices`: the merchant's, 0 = free). */
  async search(
    query: { q?: string; categoryId?: number },
    prices: { receiptFen: number; printFen: number },
  ): Promise<SpecListDto> {
    const specs = await this.all();
    const categories = new Map<number, { id: number; name: string; count: number }>();
    for (const spec of specs) {
      const category = categories.get(spec.categoryId) ?? { id: spec.categoryId, name: spec.category, count: 0 };
      category.count++;
      categories.set(spec.categoryId, category);
    }
    const words = (query.q ?? '').trim().toLowerCase();
    const items = specs.filter(
      (spec) =>
        (query.categoryId === undefined || spec.categoryId === query.categoryId) &&
        (words === '' || spec.name.toLowerCase().includes(words) || spec.category.toLowerCase().includes(words)),
    );
    return {
      categories: [...categories.values()].sort((a, b) => a.id - b.id),
      items: items.map((spec) => toSpecDto(spec, prices)),
    };
  }

  private async load(): Promise<OfferedSpec[]> {
    const items = await this.zjz.listItems();
    const specs = mergeWithCatalogue(items, ZJZ_SPECS).flatMap((offered): OfferedSpec[] => {
      const configured = findZjzSpec(offered.itemId);
      if (!configured || !offered.params) return [];
      return [
        {
          ...configured,
          name: offered.name,
          widthMm: offered.widthMm,
          heightMm: offered.heightMm,
          widthPx: offered.widthPx,
          heightPx: offered.heightPx,
          dpi: offered.dpi,
          colors: offered.colors.length > 0 ? offered.colors : configured.colors,
          fileSizeMsg: offered.fileSizeMsg,
          params: offered.params,
          oneOf: offered.oneOf,
          printLayout: offered.printLayout,
        },
      ];
    });
    this.cached = { at: Date.now(), specs };
    return specs;
  }
}

export function toSpecDto(spec: OfferedSpec, prices: { receiptFen: number; printFen: number }): SpecDto {
  return {
    itemId: spec.itemId,
    name: spec.name,
    category: spec.category,
    categoryId: spec.categoryId,
    widthMm: spec.widthMm,
    heightMm: spec.heightMm,
    widthPx: spec.widthPx,
    heightPx: spec.heightPx,
    dpi: spec.dpi,
    colors: [...spec.colors],
    fileSizeMsg: spec.fileSizeMsg,
    params: spec.params.map((field) => ({ ...field })),
    oneOf: (spec.oneOf ?? []).map((set) => [...set]),
    printLayout: spec.printLayout,
    priceFen: prices.receiptFen,
    printPriceFen: prices.printFen,
  };
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { DocloudClient, isDocloudError, type DocloudViolationResult } from '@banshi/vendor-clients/docloud';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.tokens.js';
import { AppError } from '../../common/errors/app-error.js';
import { LeaseBusyError, LeaseService } from '../../common/locks/lease.service.js';
import { Transactions } from '../../database/transactions.js';
import { docloudToAppError } from '../docloud-errors.js';
import type { ViolationListDto } from '../dto/violation.dto.js';
import { VehicleCar } from '../entities/car.entity.js';
import { GarageService } from '../garage/garage.service.js';
import { toViolationList } from './violation-view.js';
import { replaceFromQuery, storedViolations } from './violation-store.js';

/** How long one vendor query may hold a car's lease (the client's timeout and a retry, with room). */
const LEASE_TTL_MS = 40_000;
/** How long a request waits for another instance's query of the same car. */
const WAIT_MS = 30_000;
/** 《查询违章及费用》: "查询中,请稍后再试" (1014) means the vendor is still answering an earlier query. */
const BUSY_RETRY_DELAYS_MS = [300, 700, 1500];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Refresh = { vendorCalled: boolean };

/**
 * Violation queries. The vendor allows one query per car at a time (a second gets 1014), and each
 * is paid for, so:
 * - in one process, concurrent requests for a car share one call (single flight keyed by car);
 * - across processes, the car's lease in the database lets one instance query while the others
 *   wait, and a waiter that finds a result stored after it started asking uses it instead of
 *   calling again;
 * - the vendor's own 1014 (another partner querying the plate, say) is waited out a few times;
 *   if it persists, or the vendor is down, the stored list is served, marked stale.
 */
@Injectable()
export class ViolationQueryService {
  private readonly logger = new Logger(ViolationQueryService.name);
  private readonly inflight = new Map<number, Promise<Refresh>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly leases: LeaseService,
    private readonly docloud: DocloudClient,
    private readonly garage: GarageService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The stored list, at once. */
  async stored(userId: number, carId: number): Promise<ViolationListDto> {
    const car = await this.garage.owned(userId, carId);
    return toViolationList(car, await storedViolations(this.dataSource.manager, car.id));
  }

  /** A fresh list from the vendor (shared with concurrent requests), or the stored one marked stale. */
  async query(userId: number, carId: number): Promise<ViolationListDto> {
    const askedAt = new Date();
    const car = await this.garage.owned(userId, carId);
    let stale: { reason: string } | null = null;
    try {
      await this.refresh(car, askedAt);
    } catch (error) {
      const appError = error instanceof LeaseBusyError ? docloudToAppError(busy()) : docloudToAppError(error);
      const retryable = (appError.getResponse() as { retryable?: boolean }).retryable === true;
      if (!retryable || !car.violationsAt) throw appError;
      stale = { reason: `${(appError.getResponse() as { message: string }).message}；先为您显示上次查询结果` };
    }
    const fresh = await this.garage.owned(userId, carId);
    return toViolationList(fresh, await storedViolations(this.dataSource.manager, fresh.id), stale);
  }

  /**
   * Brings the car's stored violations up to date; one vendor call however many ask at once. A
   * result stored after `askedAt` (by a flight that ended just before, or by another instance
   * while this one waited for the lease), or within the freshness window, is fresh enough: no
   * second call. Without the window, a request arriving just after a flight ended would start the
   * next one, and a burst of taps would still cost several paid queries. `forToken`: a stored list
   * without the vendor's token (queried without a phone) is not fresh enough for who needs it.
   */
  refresh(car: VehicleCar, askedAt = new Date(), forToken = false): Promise<Refresh> {
    const running = this.inflight.get(car.id);
    if (running) return running;
    const flight = this.leases
      .runExclusive(`vehicles:query:${car.id}`, LEASE_TTL_MS, WAIT_MS, async () => {
        const current = await this.dataSource.getRepository(VehicleCar).findOneByOrFail({ id: car.id });
        const freshSince = Math.min(askedAt.getTime(), Date.now() - this.config.violationQueryFreshSeconds * 1000);
        if (
          current.violationsSource === 'query' &&
          current.violationsAt &&
          current.violationsAt.getTime() >= freshSince &&
          (!forToken || current.vendorToken)
        ) {
          return { vendorCalled: false };
        }
        await this.callVendor(current);
        return { vendorCalled: true };
      })
      .finally(() => this.inflight.delete(car.id));
    this.inflight.set(car.id, flight);
    return flight;
  }

  private async callVendor(car: VehicleCar): Promise<void> {
    const phone = await this.garage.phoneOf(car.userId);
    const deductSelf = car.deductSelfAt !== null;
    const input = {
      plateNumber: car.plateNumber,
      carType: car.carType,
      vin: car.vin ?? undefined,
      engineNo: car.engineNo ?? undefined,
      phone,
      needFee: true,
      deductSelf,
    };
    let result: DocloudViolationResult | undefined;
    for (let attempt = 0; !result; attempt++) {
      try {
        result = await this.docloud.queryViolations(input);
      } catch (error) {
        if (!isDocloudError(error, '1014') || attempt >= BUSY_RETRY_DELAYS_MS.length) throw error;
        await sleep(BUSY_RETRY_DELAYS_MS[attempt]);
      }
    }
    const answer = result;
    await this.transactions.run((manager) => replaceFromQuery(manager, car, answer, deductSelf, new Date()));
    this.logger.debug({ carId: car.id, count: answer.violations.length }, 'violations queried');
  }
}

function busy(): AppError {
  return AppError.vendorUnavailable('该车辆正在查询中，请稍后再试', 'DOCLOUD_1014');
}

import type { DocloudCarType, InspectionOrderStatus } from '@banshi/vendor-clients/docloud';
import { cityForPlate } from './data/cities.js';
import type { AreaCity } from './data/areas.js';
import type { SimMaterial } from './data/materials.js';
import { generateViolations, type SimViolation } from './data/violation-gen.js';

/** A violations user token: one car, optionally bound to a phone. */
export interface ViolationToken {
  token: string;
  plateNumber: string;
  phone?: string;
  carType: DocloudCarType;
  vin?: string;
  engineNo?: string;
  travelLicenseUploaded: boolean;
  /** Set once 《自扣分下单校验》 passed for this driver. */
  deductSelf?: { driveNum: string; fileNum: string };
}

export interface SimOrder {
  orderId: number;
  token: string;
  plateNumber: string;
  codes: string[];
  priceFen: number;
  outOrderNo: string;
  deductSelf: boolean;
  status: 1 | 2 | 3 | 4;
  createTime: string;
  modifyTime: string;
  payTime?: string;
  closeTime?: string;
  cancelReason?: string;
  refundFen?: number;
  /** Secret part of the pay URL, so only the user who got it can "pay". */
  payKey: string;
}

export interface MonitoredCar {
  plateNumber: string;
  carType: DocloudCarType;
  vin: string;
  engineNo: string;
}

export interface InspectionUser {
  token: string;
  authCode: string;
  /** Remembered from the user's last order, and offered as the pre-order's default phone. */
  phone?: string;
}

export interface SimCar {
  carId: number;
  ownerToken: string;
  brandId: number;
  seriesId: number;
  modelId: number;
  carNum: string;
  registerDate: string;
  carSeats: number;
  useFor: 0 | 1;
  inspectionVehicleType: 1 | 10;
  operationType: 0 | 1;
  isAccidentCar: 0 | 1;
}

export interface SimInspectionOrder {
  orderId: number;
  token: string;
  carId: number;
  plateNumber: string;
  city: AreaCity;
  status: InspectionOrderStatus;
  memberPriceFen: number;
  paid: boolean;
  contactPhone: string;
  carOwnerPhone: string;
  userAddress: { name: string; phone: string; province: string; city: string; county: string; address: string };
  materials: SimMaterial[];
  sendEmsNumber: string;
  backEmsCompany: string;
  backEmsNumber: string;
}

/** Everything the simulator remembers; in memory only, like the vendor's sandbox would not be. */
export class DocloudState {
  readonly violations = new Map<string, SimViolation[]>();
  readonly tokens = new Map<string, ViolationToken>();
  /** `${phone}|${plate}` (phone empty when none) → token. */
  readonly tokenByCar = new Map<string, string>();
  readonly platesByPhone = new Map<string, Set<string>>();
  readonly queriesInFlight = new Set<string>();
  readonly orders = new Map<number, SimOrder>();
  readonly outOrderNos = new Set<string>();
  readonly monitored = new Map<string, MonitoredCar>();
  readonly inspectionUsers = new Map<string, InspectionUser>();
  readonly cars = new Map<number, SimCar>();
  readonly inspectionOrders = new Map<number, SimInspectionOrder>();
  readonly orderIds = new IdSequence('order');
  readonly carIds = new IdSequence('car');
  readonly inspectionOrderIds = new IdSequence('inspection-order');
  nextAddedViolation = 1;

  /** Violation orders per `outOrderNo` (the caller's own order number): read-only, for counting. */
  ordersByOutOrderNo(): Map<string, number[]> {
    return groupIds(this.orders.values(), (order) => order.outOrderNo);
  }

  /**
   * Inspection orders per bound car (`carId`). The create call carries no number of the caller's,
   * so a car is the closest key: a test counts the orders one order of the caller's produced.
   */
  inspectionOrdersByCar(): Map<number, number[]> {
    return groupIds(this.inspectionOrders.values(), (order) => order.carId);
  }

  /** The plate's violations, generated the first time the plate is seen and kept (and changed) after. */
  violationsOf(plate: string): SimViolation[] {
    let list = this.violations.get(plate);
    if (!list) {
      const home = cityForPlate(plate);
      list = home ? generateViolations(plate, home) : [];
      this.violations.set(plate, list);
    }
    return list;
  }
}

function groupIds<K, T extends { orderId: number }>(items: Iterable<T>, key: (item: T) => K): Map<K, number[]> {
  const grouped = new Map<K, number[]>();
  for (const item of items) grouped.set(key(item), [...(grouped.get(key(item)) ?? []), item.orderId]);
  return grouped;
}

/** 2025-01-01T00:00:00Z: ids count tenths of a second from here, which fits a Java int until 2031. */
const ID_EPOCH_MS = 1_735_689_600_000;
const ID_UNIT_MS = 100;

/**
 * The highest id each sequence has given in this process. A simulator restarted inside one process
 * (a test's restart, a sandbox's reload) can come back within the same tenth of a second as its
 * last id, where the clock alone would repeat it.
 */
const ISSUED = new Map<string, number>();

/**
 * The vendor's ids (orderId, carId …) never repeat, whatever restarts on our side. A simulator
 * keeps its orders in memory, so a counter starting at a constant gave a restarted sandbox the ids
 * of the orders it had made before, and their callbacks were taken as repeats of the old orders'.
 * Each id is above every id its sequence gave before in this process and at least the wall clock
 * in tenths of a second since 2025: a new process starts past every id of the last one unless that
 * one made more than ten per second on average over its whole life (no test or sandbox comes near).
 */
export class IdSequence {
  constructor(
    private readonly name: string,
    private readonly now: () => number = Date.now,
  ) {}

  next(): number {
    const clock = Math.floor((this.now() - ID_EPOCH_MS) / ID_UNIT_MS);
    const id = Math.max((ISSUED.get(this.name) ?? 0) + 1, clock);
    ISSUED.set(this.name, id);
    return id;
  }
}

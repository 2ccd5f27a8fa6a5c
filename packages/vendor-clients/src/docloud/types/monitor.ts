import type { DocloudCarType } from './violations.js';

export interface DocloudCountCity {
  city: string;
  cityPrefix: string;
}

export interface DocloudCountProvince {
  province: string;
  prefix: string;
  /** Empty for municipalities, which the vendor lists without cities. */
  cities: DocloudCountCity[];
}

export interface QueryCountsInput {
  plateNumber: string;
  /** The last six characters are sent, as the document asks. */
  engineNo: string;
  /** 2 small (default), 1 large, 15 trailer: this endpoint takes an int. */
  carType?: 1 | 2 | 15;
}

export interface DocloudViolationCounts {
  /** Untreated violations, capped at 10 by the vendor. */
  total: number;
  otherProvince: number;
  localProvince: number;
  localCity: number;
}

export interface MonitoredCarInput {
  carType: DocloudCarType;
  plateNumber: string;
  vin: string;
  engineNo: string;
}

export interface MonitoredCarRef {
  carType: DocloudCarType;
  plateNumber: string;
}

/** The vendor's limit per batch call. */
export const DOCLOUD_MONITOR_BATCH_LIMIT = 50;

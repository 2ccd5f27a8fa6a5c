/** The vehicles service's HTTP contract (server: apps/server/src/vehicles/dto). Amounts in fen. */
import type { components } from '../../../shared/api/schema';

type Schemas = components['schemas'];

export interface CityRule {
  province: string;
  provincePrefix: string;
  city: string;
  /** 浙A, or 京 for a municipality. */
  cityPrefix: string;
  /** -1 whole number, 0 not needed, N the last N. */
  vinLength: number;
  engineNoLength: number;
  vinHint: string;
  engineNoHint: string;
  carTypes: string[];
  needsPhone: boolean;
}

export interface CitiesDto {
  cities: CityRule[];
  carTypes: { value: string; label: string }[];
}

export interface CountsDto {
  localCity: number;
  localProvince: number;
  otherProvince: number;
  total: number;
  updatedAt: string;
}

export interface ViolationSummaryDto {
  untreated: number;
  totalFineFen: number;
  totalPoints: number;
  payable: number;
  queriedAt: string | null;
}

export type MonitorState = 'off' | 'pending' | 'on' | 'failed';

export interface CarDto {
  id: number;
  /** Masked, e.g. 浙A**688. */
  plateNumber: string;
  carType: string;
  carTypeLabel: string;
  city: string;
  province: string;
  cityPrefix: string;
  vin: string | null;
  engineNo: string | null;
  vinHint: string;
  engineNoHint: string;
  monitor: { enabled: boolean; state: MonitorState; message: string | null };
  counts: CountsDto | null;
  countsNote: string | null;
  violations: ViolationSummaryDto;
  deductSelfReady: boolean;
  travelLicenseUploaded: boolean;
  createdAt: string;
}

export interface GarageDto {
  items: CarDto[];
  limit: number;
  /** The saved phone, masked. */
  phone: string | null;
}

export interface AddCarInput {
  plateNumber: string;
  carType?: string;
  vin?: string;
  engineNo?: string;
  phone?: string;
  consent: true;
}

export type UpdateCarInput = Partial<Pick<AddCarInput, 'carType' | 'vin' | 'engineNo' | 'phone'>>;

export interface ViolationDto {
  code: string;
  time: string;
  address: string;
  reason: string;
  city: string | null;
  fineFen: number;
  points: number;
  serviceFeeFen: number | null;
  markFeeFen: number | null;
  canSelect: boolean;
  selectNote: string | null;
  processStatus: number | null;
  processStatusLabel: string;
  paymentStatus: number | null;
  needTravelLicense: boolean;
}

export interface ViolationListDto {
  carId: number;
  plateNumber: string;
  city: string;
  queriedAt: string | null;
  stale: boolean;
  staleReason: string | null;
  summary: ViolationSummaryDto;
  deductSelfReady: boolean;
  travelLicenseUploaded: boolean;
  items: ViolationDto[];
}

export type QuoteLineDto = Schemas['QuoteLineDto'];

/** The price of the chosen violations, and whether the order must ask for the owner's phone first. */
export type QuoteDto = Schemas['QuoteDto'];

/** 直通车: violations typed in from tickets, and the phone when none is saved. */
export type ManualQuoteInput = Schemas['ManualQuoteDto'];

export type OrderLineDto = Schemas['OrderLineDto'];

/** A violation-payment order; `payment` is its WeChat Pay payment when the user pays here first. */
export type VehicleOrderDto = Schemas['VehicleOrderDto'];

export interface TravelLicenseStatusDto {
  front: boolean;
  back: boolean;
  uploaded: boolean;
}

export interface DeductSelfResultDto {
  passed: boolean;
  message: string;
}

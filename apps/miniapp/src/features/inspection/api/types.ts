/** The server's `/api/inspection` contract (see the OpenAPI document, tag `inspection`). */
import type { OrderStatus, PaymentViewDto, UserOrderEventDto } from '../../../shared/api/types';

export interface NamedOption {
  id: number;
  name: string;
  /** Brands only: first letter, for the A–Z groups. */
  initial?: string;
}

export type ExemptionRule = 'seats' | 'operation' | 'accident' | 'age';

export interface ExemptionCheckDto {
  rule: ExemptionRule;
  label: string;
  passed: boolean;
  detail: string;
}

export interface ExemptionDto {
  eligible: boolean;
  checks: ExemptionCheckDto[];
  summary: string;
  exemptUntil: string | null;
  stationNotice: string;
}

export interface ExemptionFacts {
  registerDate: string;
  carSeats: number;
  operationType: 0 | 1;
  isAccidentCar: 0 | 1;
}

export interface CarProfile extends ExemptionFacts {
  brandId: number;
  brandName: string;
  seriesId: number;
  seriesName: string;
  modelId: number;
  modelName: string;
  useFor: 0 | 1;
}

export type SaveCarInput = Omit<CarProfile, 'brandName' | 'seriesName' | 'modelName'>;

export interface InspectionCarDto {
  garageCarId: number;
  /** Masked, e.g. 浙B**111. */
  plateNumber: string;
  profile: CarProfile | null;
  exemption: ExemptionDto | null;
  bound: boolean;
  openOrderId: number | null;
}

export interface InspectionCarListDto {
  cars: InspectionCarDto[];
}

export interface MaterialDto {
  text: string;
  hints: string[];
  sampleUrl: string | null;
}

/** The car's violations as last queried: untreated ones stop an inspection order. */
export interface ViolationCheckDto {
  state: 'clear' | 'untreated' | 'unknown' | 'stale';
  blocking: boolean;
  untreated: number;
  totalFineFen: number;
  totalPoints: number;
  queriedAt: string | null;
  message: string;
}

export interface PreOrderDto {
  garageCarId: number;
  plateNumber: string;
  priceFen: number;
  inspectionCityName: string;
  registerCityName: string;
  useFor: 0 | 1;
  materials: MaterialDto[];
  quotedAt: string;
  violations: ViolationCheckDto;
}

export interface CreateOrderInput {
  garageCarId: number;
  priceFen: number;
  /** What the user agreed to pay us (the merchant's price); required when it is above 0. */
  amountFen?: number;
  contactName: string;
  contactPhone: string;
  ownerPhone?: string;
  provinceId: number;
  cityId: number;
  districtId?: number;
  address: string;
}

export interface InspectionStepDto {
  worderStatus: number;
  label: string;
  hint: string;
  reached: boolean;
  current: boolean;
  at: string | null;
}

export interface InspectionOrderSummaryDto {
  id: number;
  orderNo: string;
  status: OrderStatus;
  title: string;
  amountFen: number;
  plateNumber: string;
  worderStatus: number;
  worderLabel: string;
  createdAt: string;
}

export interface InspectionOrderPageDto {
  items: InspectionOrderSummaryDto[];
  nextCursor: string | null;
}

export interface InspectionOrderDto extends InspectionOrderSummaryDto {
  updatedAt: string;
  useFor: 0 | 1;
  cityName: string;
  shopName: string | null;
  shopAddress: string | null;
  shopPhone: string | null;
  steps: InspectionStepDto[];
  sendEmsNumber: string | null;
  returnShipment: { company: string | null; number: string } | null;
  materials: MaterialDto[];
  returnAddress: { name: string; phone: string; province: string; city: string; county: string; address: string };
  ownerPhone: string;
  checkedAt: string | null;
  events: UserOrderEventDto[];
  /** Priced orders only. */
  payment: PaymentViewDto | null;
}

/**
 * The vehicles service's HTTP contract, as generated from the server's OpenAPI document
 * (server: apps/server/src/vehicles/dto). Amounts in fen. `pnpm openapi` regenerates `schema.d.ts`.
 */
import type { components } from '../../../shared/api/schema';

type Schemas = components['schemas'];

/**
 * An open city and the VIN / engine-number part it asks for (`vinLength`: -1 whole, 0 not needed, N the
 * last N); `cityPrefix` is 浙A, or 京 for a municipality. Served by the API from the vendor's list.
 */
export type CityRule = Schemas['CityRuleDto'];
export type CitiesDto = Schemas['CitiesDto'];
export type CarType = Schemas['CarTypeDto']['value'];
export type CountsDto = Schemas['CountsDto'];
export type ViolationSummaryDto = Schemas['ViolationSummaryDto'];
export type MonitorState = Schemas['MonitorDto']['state'];
/** A garage car; `plateNumber`, `vin` and `engineNo` are masked (浙A**688). */
export type CarDto = Schemas['CarDto'];
/** The garage; `phone` is the saved phone, masked. */
export type GarageDto = Schemas['GarageDto'];
export type AddCarInput = Schemas['AddCarDto'];
export type UpdateCarInput = Schemas['UpdateCarDto'];
export type ViolationDto = Schemas['ViolationDto'];
export type ViolationListDto = Schemas['ViolationListDto'];
export type QuoteLineDto = Schemas['QuoteLineDto'];
/** The price of the chosen violations, and whether the order must ask for the owner's phone first. */
export type QuoteDto = Schemas['QuoteDto'];
/** 直通车: violations typed in from tickets, and the phone when none is saved. */
export type ManualQuoteInput = Schemas['ManualQuoteDto'];
export type OrderLineDto = Schemas['OrderLineDto'];
/** A violation-payment order; `payment` is its WeChat Pay payment when the user pays here first. */
export type VehicleOrderDto = Schemas['VehicleOrderDto'];
export type TravelLicenseStatusDto = Schemas['TravelLicenseStatusDto'];
export type DeductSelfResultDto = Schemas['DeductSelfResultDto'];

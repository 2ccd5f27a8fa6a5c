/**
 * The server's `/api/inspection` contract, as generated from its OpenAPI document (tag `inspection`;
 * server: apps/server/src/inspection/dto). `pnpm openapi` regenerates `schema.d.ts`.
 */
import type { components } from '../../../shared/api/schema';

type Schemas = components['schemas'];

/**
 * One level of the brand → series → model and province → city → district pickers; brands carry their
 * first letter, for the A–Z groups.
 */
export type NamedOption = Schemas['SeriesDto'] & Partial<Pick<Schemas['BrandDto'], 'initial'>>;
export type BrandDto = Schemas['BrandDto'];
export type SeriesDto = Schemas['SeriesDto'];
export type ModelDto = Schemas['ModelDto'];
export type AreaDto = Schemas['AreaDto'];

export type ExemptionCheckDto = Schemas['ExemptionCheckDto'];
export type ExemptionRule = ExemptionCheckDto['rule'];
export type ExemptionDto = Schemas['ExemptionDto'];
/** What 免检 depends on: the body of `POST /api/inspection/exemption`. */
export type ExemptionFacts = Schemas['CheckExemptionDto'];
export type CarProfile = Schemas['CarProfileDto'];
export type SaveCarInput = Schemas['SaveInspectionCarDto'];
/** A garage car as inspection sees it; `plateNumber` is masked (浙B**111). */
export type InspectionCarDto = Schemas['InspectionCarDto'];
export type InspectionCarListDto = Schemas['InspectionCarListDto'];
export type MaterialDto = Schemas['MaterialDto'];
/** The car's violations as last queried: untreated ones stop an inspection order. */
export type ViolationCheckDto = Schemas['ViolationCheckDto'];
export type PreOrderDto = Schemas['PreOrderDto'];
export type CreateOrderInput = Schemas['CreateInspectionOrderDto'];
export type InspectionStepDto = Schemas['InspectionStepDto'];
export type InspectionOrderSummaryDto = Schemas['InspectionOrderSummaryDto'];
export type InspectionOrderPageDto = Schemas['InspectionOrderPageDto'];
export type InspectionOrderDto = Schemas['InspectionOrderDto'];

/**
 * The server's ID-photo contract (`/api/id-photo/…`), as generated from its OpenAPI document
 * (server: apps/server/src/id-photo/dto). Never written by hand: `pnpm openapi` regenerates `schema.d.ts`.
 */
import type { components } from '../../../shared/api/schema';

type Schemas = components['schemas'];

/** One field of a spec's `param`, with the label shown to the user (the catalogue's, served by the API). */
export type SpecParam = Schemas['SpecParamDto'];
export type SpecParamKind = SpecParam['kind'];
export type SpecDto = Schemas['SpecDto'];
export type SpecCategoryDto = Schemas['SpecCategoryDto'];
export type SpecListDto = Schemas['SpecListDto'];
/** A background colour's preview; `url` is signed, relative to the API origin. */
export type PreviewDto = Schemas['PreviewDto'];
export type PhotoSessionDto = Schemas['PhotoSessionDto'];
export type PrintAddress = Schemas['PrintAddressDto'];
export type CreateOrderInput = Schemas['CreateIdPhotoOrderDto'];
export type ResubmitInput = Schemas['ResubmitIdPhotoOrderDto'];
export type MaskedField = Schemas['MaskedFieldDto'];
export type IdPhotoDetails = Schemas['IdPhotoDetailsDto'];
export type IdPhotoOrderDto = Schemas['IdPhotoOrderDetailDto'];

/**
 * The identity endpoints' answers, as generated from the server's OpenAPI document
 * (server: apps/server/src/identity/dto/certification.dto.ts).
 */
import type { components } from '../../../shared/api/schema';

type Schemas = components['schemas'];

/** What failed and what to do next; `retakePhoto` when a new photo is the likely fix. */
export type FailureAdvice = Schemas['FailureAdviceDto'];
/** One attempt; `name` and `idNumber` are masked by the server (张*, 110***********1234). */
export type CertificationDto = Schemas['CertificationDto'];
export type CertificationResultDto = Schemas['CertificationResultDto'];
export type CertificationPageDto = Schemas['CertificationPageDto'];
export type IdentityStatusDto = Schemas['IdentityStatusDto'];
/** A priced attempt: its payment, then Zhima's verdict (server: dto/paid-attempt.dto.ts). */
export type IdentityAttemptDto = Schemas['IdentityAttemptDto'];

import { IdentityCertification } from './entities/identity-certification.entity.js';
import { IdentityPaidAttempt } from './entities/identity-paid-attempt.entity.js';

/** The entities `identity/` owns: its module registers them, the composition root hands them to the data source. */
export const IDENTITY_ENTITIES = [IdentityCertification, IdentityPaidAttempt];

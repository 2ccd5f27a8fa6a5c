/**
 * Whether a user passed identity verification. The identity service provides the real answer;
 * other services (and "me") depend only on this interface, never on the identity module.
 */
export interface VerificationStatusSource {
  isVerified(userId: number): Promise<boolean>;
}

export const VERIFICATION_STATUS = Symbol('VERIFICATION_STATUS');

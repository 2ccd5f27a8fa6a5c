/** The ledger's name of a Zhima certification (settled in identity-calls.ts). */
export const CERTIFY_OPERATION = 'certify';

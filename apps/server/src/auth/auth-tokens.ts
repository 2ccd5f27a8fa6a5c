import type { MerchantRole } from './merchant.entity.js';

export interface UserTokenPayload {
  typ: 'user';
  sub: number;
}

export interface MerchantTokenPayload {
  typ: 'merchant';
  sub: number;
  role: MerchantRole;
  /** The account's session version when the token was issued (see Merchant.sessionVersion). */
  ver: number;
}

export type TokenPayload = UserTokenPayload | MerchantTokenPayload;

export interface AuthenticatedUser {
  id: number;
}

export interface AuthenticatedMerchant {
  id: number;
  role: MerchantRole;
}

/** How long a merchant session lasts. */
export const MERCHANT_SESSION_TTL = '12h';

/** The token payload of a merchant session, tied to the account's current session version. */
export function merchantPayload(merchant: {
  id: number;
  role: MerchantRole;
  sessionVersion: number;
}): MerchantTokenPayload {
  return { typ: 'merchant', sub: merchant.id, role: merchant.role, ver: merchant.sessionVersion };
}

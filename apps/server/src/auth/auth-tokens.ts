import type { MerchantRole } from './merchant.entity.js';

export interface UserTokenPayload {
  typ: 'user';
  sub: number;
}

export interface MerchantTokenPayload {
  typ: 'merchant';
  sub: number;
  role: MerchantRole;
}

export type TokenPayload = UserTokenPayload | MerchantTokenPayload;

export interface AuthenticatedUser {
  id: number;
}

export interface AuthenticatedMerchant {
  id: number;
  role: MerchantRole;
}

import { defineStatusOrder } from '../core/status-order.js';
import { ZHIMA_VENDOR } from './sdk-errors.js';

export type ZhimaCertifyStatus = '认证中' | '认证通过' | '认证未通过';

/**
 * `zhima.customer.certification.material.certify` answers at once with `passed` "true" or "false":
 * 认证中 is the call itself, never stored, and either answer is final (a new attempt is a new order).
 */
export const ZHIMA_STATUS_ORDER = defineStatusOrder<ZhimaCertifyStatus>({
  vendor: ZHIMA_VENDOR,
  lifecycle: 'material.certify passed',
  initial: '认证中',
  next: [['认证中', ['认证通过', '认证未通过']]],
});

export * from './types.js';
export * from './error-codes.js';
export * from './keys.js';
export * from './timestamp.js';
export * from './transaction-id.js';
export { mapSdkError, ZHIMA_VENDOR } from './sdk-errors.js';
export * from './client.js';
export * from './gateway-signature.js';
export * from './status-order.js';

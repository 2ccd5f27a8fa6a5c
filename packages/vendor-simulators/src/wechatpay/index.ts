export { WechatPayScenario, type NotificationKind } from './scenario.js';
export type { SentNotification } from './notifier.js';
export type { PayOutcome } from './payments.js';
export { CASHIER_PATH, CASHIER_SUBMIT_PATH, withResult, type CashierResult } from './cashier.js';
export * from './wechatpay-simulator.js';

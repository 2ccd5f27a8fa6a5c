/**
 * The kinds of order. They live here, below `orders/`, because configuration keys settings by kind
 * (stuck-order thresholds, subscribe templates) and `config/` depends on no service module.
 */
export const ORDER_KINDS = ['id_photo', 'invoice_scan', 'identity', 'violation_payment', 'inspection'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

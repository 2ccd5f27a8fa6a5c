import { ORDER_KINDS, type OrderKind } from './order-kinds.js';

/**
 * How long an order of each kind may stay in a non-final status before the merchant console lists
 * it as stuck. The defaults follow each vendor's pace: recognition and verification take seconds,
 * an ID-photo receipt is reviewed within hours, an agency payment takes working days, an annual
 * inspection by post takes a week or more.
 */
export const DEFAULT_STUCK_ORDER_MINUTES: Readonly<Record<OrderKind, number>> = {
  id_photo: 240,
  invoice_scan: 30,
  identity: 30,
  violation_payment: 4320,
  inspection: 10080,
};

/**
 * `STUCK_ORDER_MINUTES=kind=minutes,kind=minutes`: kinds not named keep their default. Answers the
 * thresholds, or a message saying what is wrong.
 */
export function parseStuckOrderMinutes(value: string | undefined): Record<OrderKind, number> | string {
  const thresholds: Record<OrderKind, number> = { ...DEFAULT_STUCK_ORDER_MINUTES };
  if (!value?.trim()) return thresholds;
  for (const pair of value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = /^([a-z_]+)\s*=\s*(\d{1,7})$/.exec(pair);
    if (!match) return `"${pair}" is not kind=minutes (e.g. id_photo=240,inspection=10080)`;
    const [, kind, minutes] = match;
    if (!(ORDER_KINDS as readonly string[]).includes(kind)) {
      return `unknown kind "${kind}" (kinds: ${ORDER_KINDS.join(', ')})`;
    }
    if (Number(minutes) < 1) return `${kind}: minutes must be at least 1`;
    thresholds[kind as OrderKind] = Number(minutes);
  }
  return thresholds;
}

import { randomBytes } from 'node:crypto';
import { formatAlipayTimestamp } from './timestamp.js';

/** 商户请求的唯一标志: letters, digits and underscores, at most 32 characters. */
export const TRANSACTION_ID_PATTERN = /^[A-Za-z0-9_]{1,32}$/;

const MAX_PREFIX_LENGTH = 8;

export function isValidTransactionId(value: string): boolean {
  return TRANSACTION_ID_PATTERN.test(value);
}

/**
 * Makes a transaction_id the way the document suggests (merchant prefix, then a date, then a
 * sequence): `prefix` + Beijing `yyyyMMddHHmmss` + random hex, 32 characters in all. The random
 * tail (at least 40 bits) keeps two attempts in the same second apart without shared state.
 */
export function makeTransactionId(prefix = 'BS', now: number = Date.now()): string {
  if (!/^[A-Za-z0-9]*$/.test(prefix) || prefix.length > MAX_PREFIX_LENGTH) {
    throw new RangeError(`transaction_id prefix must be at most ${MAX_PREFIX_LENGTH} letters or digits`);
  }
  const stamp = formatAlipayTimestamp(now).replace(/\D/g, '');
  const tailLength = 32 - prefix.length - stamp.length;
  const tail = randomBytes(Math.ceil(tailLength / 2))
    .toString('hex')
    .slice(0, tailLength)
    .toUpperCase();
  return `${prefix}${stamp}${tail}`;
}

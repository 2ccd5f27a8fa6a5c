import type { FindOptionsSelect } from 'typeorm';
import { maskPayload, maskText } from '../common/crypto/masking.js';
import type { VendorEvent } from '../callbacks/vendor-event.entity.js';
import type { VendorCallbackDto } from './dto/callback.dto.js';

/** Every column but the encrypted raw request: the console never decrypts it. */
export const CALLBACK_COLUMNS: FindOptionsSelect<VendorEvent> = {
  id: true,
  vendor: true,
  topic: true,
  status: true,
  outcome: true,
  reason: true,
  orderId: true,
  payloadMasked: true,
  repeatCount: true,
  attempts: true,
  receivedAt: true,
  updatedAt: true,
};

/** The stored masked copy is masked once more on the way out, in case an older row predates a rule. */
export function toCallbackDto(row: VendorEvent): VendorCallbackDto {
  return {
    id: row.id,
    vendor: row.vendor,
    topic: row.topic,
    status: row.status,
    verified: row.status !== 'rejected',
    outcome: row.outcome,
    reason: row.reason === null ? null : maskText(row.reason),
    orderId: row.orderId,
    repeatCount: row.repeatCount,
    attempts: row.attempts,
    replayable: row.status === 'failed',
    receivedAt: row.receivedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    payload: parseMasked(row.payloadMasked),
  };
}

function parseMasked(text: string): unknown {
  try {
    return maskPayload(JSON.parse(text));
  } catch {
    return maskText(text);
  }
}

import type { DocloudOrderStatusCode, DocloudOrderViolationStatus, DocloudViolation } from './violations.js';

/** What a Docloud callback handler receives from the HTTP layer, untouched. */
export interface DocloudCallbackRequest {
  /** The query string exactly as received, without `?`. */
  rawQuery: string;
  rawBody: string | Buffer;
}

export interface DocloudCallbackCredentials {
  appKey: string;
  appSecret: string;
}

/** 《订单状态变更通知》 */
export interface DocloudOrderStatusEvent {
  kind: 'order-status';
  orderId: string;
  orderStatus: DocloudOrderStatusCode;
  orderStatusTime?: string;
  /** Present on a done order that was partly refunded, or on a closed order that was paid. */
  refundMoneyFen?: number;
  cancelReason?: string;
  violations: DocloudOrderViolationStatus[];
}

/** 《车辆违章信息变更通知》, success form: the car's violations as the vendor now knows them. */
export interface DocloudViolationsChangedEvent {
  kind: 'violations-changed';
  plateNumber: string;
  violations: DocloudViolation[];
  /**
   * When the vendor signed this notification (the URL's `timestamp`, in ms): the only time it
   * carries, so the only vendor-side way to tell an older list from a newer one.
   */
  signedAt: number;
}

/** 《车辆违章信息变更通知》, failure form: monitoring found the car's details wrong. */
export interface DocloudMonitorFailedEvent {
  kind: 'monitor-failed';
  plateNumber: string;
  code: string;
  message: string;
  /** When the vendor signed this notification (ms), as in `DocloudViolationsChangedEvent`. */
  signedAt: number;
}

export type DocloudViolationChangeEvent = DocloudViolationsChangedEvent | DocloudMonitorFailedEvent;

import { randomInt } from 'node:crypto';
import type { Clock } from '@banshi/vendor-clients';
import type { ZjzReceiptSpec } from '@banshi/vendor-clients/zjz';
import type { SimOrder, SimPic, ZjzSimOrderView, ZjzSimStats } from './types.js';

/** Simulator-side status: the callback statuses plus 待处理 (1), which the document never numbers. */
export const ZJZ_SIM_PENDING = 1;

export class ZjzSimState {
  readonly pics = new Map<string, SimPic>();
  readonly orders = new Map<string, SimOrder>();
  readonly stats: ZjzSimStats = {
    picsMade: 0,
    submitted: 0,
    resubmitted: 0,
    cancelled: 0,
    done: 0,
    rejected: 0,
    shipped: 0,
    chargedFen: 0,
  };
  private nextPic = 9_000_000 + randomInt(1_000_000);
  private nextReceipt = randomInt(100_000);

  constructor(readonly clock: Clock) {}

  newPicId(): string {
    return String(this.nextPic++);
  }

  /** 20 digits like the document's 20210616134106190536: Beijing time to the second, then 6 digits. */
  newOrderNo(): string {
    const stamp = beijingStamp(this.clock.now());
    for (;;) {
      const orderNo = `${stamp}${String(randomInt(1_000_000)).padStart(6, '0')}`;
      if (!this.orders.has(orderNo)) return orderNo;
    }
  }

  /** 回执编号: date, spec and a running number. */
  newReceiptNo(spec: ZjzReceiptSpec): string {
    this.nextReceipt = (this.nextReceipt + 1) % 1_000_000;
    const day = beijingStamp(this.clock.now()).slice(0, 8);
    return `${day}${String(spec.itemId).padStart(3, '0')}${String(this.nextReceipt).padStart(6, '0')}`;
  }

  /**
   * The vendor's orders grouped by the `notice_url` they now call back to. The caller's own order
   * number never reaches the vendor; the notice URL (one per submission round) is the caller's key,
   * so this is how a test counts the vendor orders made for one order of the caller's.
   */
  ordersByNoticeUrl(): Map<string, string[]> {
    const grouped = new Map<string, string[]>();
    for (const order of this.orders.values()) {
      grouped.set(order.noticeUrl, [...(grouped.get(order.noticeUrl) ?? []), order.orderNo]);
    }
    return grouped;
  }

  view(order: SimOrder): ZjzSimOrderView {
    return {
      orderNo: order.orderNo,
      itemId: order.spec.itemId,
      specName: order.spec.name,
      status: order.status,
      history: order.history.map((entry) => ({ ...entry })),
      picId: order.pic.picId,
      param: { ...order.param },
      isPrint: order.isPrint,
      printParam: order.printParam ? { ...order.printParam } : undefined,
      noticeUrl: order.noticeUrl,
      submissions: order.submissions,
      manual: order.manual,
      receiptNo: order.receiptNo,
      rejectMsg: order.rejectMsg,
      results: order.results ? { ...order.results } : undefined,
      logistics: order.logistics ? { ...order.logistics } : undefined,
    };
  }
}

function beijingStamp(ms: number): string {
  const beijing = new Date(ms + 8 * 3600 * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${beijing.getUTCFullYear()}${two(beijing.getUTCMonth() + 1)}${two(beijing.getUTCDate())}` +
    `${two(beijing.getUTCHours())}${two(beijing.getUTCMinutes())}${two(beijing.getUTCSeconds())}`
  );
}

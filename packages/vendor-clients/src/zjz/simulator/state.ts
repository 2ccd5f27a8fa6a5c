import { randomInt } from 'node:crypto';
import type { Clock } from '../../core/index.js';
import type { ZjzReceiptSpec } from '../catalogue.js';
import type { ZjzLogisticsInfo, ZjzPrintParam, ZjzReceiptParam } from '../types.js';
import type { ZjzCallbackFields } from './notifier.js';

/** 有效期50分钟. */
export const ZJZ_PIC_TTL_MS = 50 * 60 * 1000;

/** Simulator-side status: the callback statuses plus 待处理 (1), which the document never numbers. */
export const ZJZ_SIM_PENDING = 1;
export type ZjzSimStatus = 1 | 2 | 3 | 4 | -1 | -2;

export interface SimPic {
  picId: string;
  spec: ZjzReceiptSpec;
  createdAt: number;
  /** Published URL per colour. */
  urls: Record<string, string>;
  /** The photo on the spec's first colour: what goes on the receipt. */
  primary: Buffer;
}

export interface SimOrderResults {
  imageReceipt: string;
  image?: string;
  imagePrint?: string;
}

export interface SimTimer {
  handle: ReturnType<typeof setTimeout>;
  done: () => void;
}

export interface SimOrder {
  orderNo: string;
  spec: ZjzReceiptSpec;
  status: ZjzSimStatus;
  history: { status: ZjzSimStatus; at: number }[];
  pic: SimPic;
  param: ZjzReceiptParam;
  isPrint: boolean;
  printParam?: ZjzPrintParam;
  noticeUrl: string;
  /** 1 for the first submission, +1 per resubmission. */
  submissions: number;
  /** Held orders move only through `advanceTo` (or after `release`). */
  manual: boolean;
  /** Send the reviewing callback after the next terminal one (the "late" scenario). */
  outOfOrder: boolean;
  /** Include `image` (an adjusted photo) in the done callback. */
  adjustPhoto: boolean;
  receiptNo?: string;
  rejectMsg?: string;
  results?: SimOrderResults;
  logistics?: ZjzLogisticsInfo;
  timers: Set<SimTimer>;
  /** State changes of one order run one after another. */
  queue: Promise<void>;
  /** Callbacks of one order are sent one after another, each after the previous got a first answer. */
  callbackChain: Promise<void>;
  /** Callbacks held back by the out-of-order knob. */
  deferred: ZjzCallbackFields[];
}

/** A read-only copy of an order, for assertions. */
export interface ZjzSimOrderView {
  orderNo: string;
  itemId: number;
  specName: string;
  status: ZjzSimStatus;
  history: { status: ZjzSimStatus; at: number }[];
  picId: string;
  param: ZjzReceiptParam;
  isPrint: boolean;
  printParam?: ZjzPrintParam;
  noticeUrl: string;
  submissions: number;
  manual: boolean;
  receiptNo?: string;
  rejectMsg?: string;
  results?: SimOrderResults;
  logistics?: ZjzLogisticsInfo;
}

export interface ZjzSimStats {
  picsMade: number;
  submitted: number;
  resubmitted: number;
  cancelled: number;
  done: number;
  rejected: number;
  shipped: number;
  /** What the vendor would have charged: 7 yuan per done order, 7 more when printed. */
  chargedFen: number;
}

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

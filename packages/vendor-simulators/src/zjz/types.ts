import type {
  ZjzCallbackFields,
  ZjzLogisticsInfo,
  ZjzPrintParam,
  ZjzReceiptParam,
  ZjzReceiptSpec,
} from '@banshi/vendor-clients/zjz';

/*
 * The simulator's records, apart from the state that holds them, so that the notifier, the scenario
 * and the state all import them from here and none imports another for a type.
 */

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

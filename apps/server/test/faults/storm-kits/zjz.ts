import { randomBytes } from 'node:crypto';
import {
  encodeCallback,
  isZjzAcknowledgement,
  ZJZ_PRINT_PRICE_FEN,
  ZJZ_RECEIPT_PRICE_FEN,
  zjzCallbackSign,
  type ZjzCallbackFields,
  type ZjzCallbackStatus,
} from '@banshi/vendor-clients/zjz';
import type { DataSource } from 'typeorm';
import { IdPhotoOrder } from '../../../src/id-photo/entities/id-photo-order.entity.js';
import { ZjzSubmission } from '../../../src/id-photo/entities/zjz-submission.entity.js';
import { progressOf, ZJZ_PENDING_STATUS } from '../../../src/id-photo/zjz-steps.js';
import { tokenHashOf } from '../../../src/id-photo/zjz-submissions.js';
import { Order } from '../../../src/orders/order.entity.js';
import {
  marksFit,
  ordersWithPrefix,
  reverseSome,
  type KitPlan,
  type Sequence,
  type Steps,
  type StormKit,
} from './kit.js';

/** `done`: reviewing, done; `print`: reviewing, done, shipped; `rejected`: reviewing, rejected; `cancelled`. */
export type ReceiptKind = 'done' | 'print' | 'rejected' | 'cancelled';

const STATUSES: Record<ReceiptKind, ZjzCallbackStatus[]> = {
  done: [2, 3],
  print: [2, 3, 4],
  rejected: [2, -1],
  cancelled: [-2],
};
const RANK: Record<string, number> = {
  '2': progressOf(1, 'reviewing'),
  '3': progressOf(1, 'done'),
  '4': progressOf(1, 'shipped'),
  '-1': progressOf(1, 'rejected'),
  '-2': progressOf(1, 'cancelled'),
};
const END: Record<ReceiptKind, { status: string; vendorStatus: string }> = {
  done: { status: 'completed', vendorStatus: '3' },
  print: { status: 'completed', vendorStatus: '4' },
  rejected: { status: 'action_required', vendorStatus: '-1' },
  cancelled: { status: 'cancelled', vendorStatus: '-2' },
};

interface ReceiptPlan extends Steps {
  kind: ReceiptKind;
  orderNo: string;
  token: string;
}

/**
 * zjzapi's 《订单状态通知》 to each submission's own `notice_url`: receipt orders in their first round,
 * stored as the ID-photo service stores a submitted order (order, detail, submission with its token
 * hash). A "done" callback's receipt is downloaded from `imageUrl` and kept.
 */
export class ZjzKit implements StormKit {
  readonly name = 'zjz receipt';
  readonly vendor = 'zjz';
  readonly topics = ['receipt'];
  private plans: ReceiptPlan[] = [];
  private readonly sign: string;

  constructor(
    private readonly dataSource: DataSource,
    apiKey: string,
    /** A receipt image the vendor serves (published on the zjz simulator). */
    private readonly imageUrl: string,
    /** Our order numbers start with it: one per kit and database. */
    private readonly prefix: string,
    /** Only orders of these kinds (all by default), for a test of one case. */
    private readonly only?: readonly ReceiptKind[],
  ) {
    this.sign = zjzCallbackSign(apiKey);
  }

  async prepare({ genuine, outOfOrder }: KitPlan): Promise<Sequence[]> {
    const kinds: ReceiptKind[] = [];
    for (let j = 0, counted = 0; counted < genuine; j++) {
      const left = genuine - counted;
      const turn = j % 10;
      const kind: ReceiptKind = this.only
        ? this.only[j % this.only.length]
        : left === 1 || turn === 9
          ? 'cancelled'
          : turn >= 7
            ? 'rejected'
            : turn >= 5 && left >= 3
              ? 'print'
              : 'done';
      kinds.push(kind);
      counted += STATUSES[kind].length;
    }
    this.plans = kinds.map((kind, j) => {
      const orderNo = `20261123${String(j).padStart(12, '0')}`;
      const token = randomBytes(24).toString('base64url');
      const callbacks = STATUSES[kind].map((status) => this.callback(token, orderNo, status));
      return { kind, orderNo, token, callbacks, ranks: STATUSES[kind].map((s) => RANK[s]), reversed: false };
    });
    await this.seed();
    reverseSome(this.plans, outOfOrder);
    return this.plans.map((plan) => ({ callbacks: plan.callbacks }));
  }

  forge(i: number) {
    const plan = this.plans[i % this.plans.length];
    const other = this.plans[(i + 1) % this.plans.length];
    if (i % 3 === 0) return this.callback(plan.token, plan.orderNo, 3, { sign: 'f'.repeat(32) });
    if (i % 3 === 1) return this.callback(randomBytes(24).toString('base64url'), plan.orderNo, 3);
    return this.callback(plan.token, other.orderNo, 3);
  }

  malformed(i: number) {
    const plan = this.plans[i % this.plans.length];
    const path = `/api/callbacks/zjz/${plan.token}`;
    const form = (fields: Record<string, string>) => ({
      path,
      body: new URLSearchParams({ sign: this.sign, order_no: plan.orderNo, ...fields }).toString(),
      contentType: 'application/x-www-form-urlencoded',
    });
    if (i % 4 === 0) return form({ status: '9' });
    if (i % 4 === 1) return form({ status: '3' });
    if (i % 4 === 2) return { path, body: `{"sign":"${this.sign}","order_no":`, contentType: 'application/json' };
    return form({ status: '4', logistics_info: 'oops' });
  }

  isAcknowledged = isZjzAcknowledgement;

  isRejection(status: number, text: string): boolean {
    return status === 403 && !isZjzAcknowledgement(200, text);
  }

  isMalformedAnswer(status: number, text: string): boolean {
    return status === 400 && !isZjzAcknowledgement(200, text);
  }

  async check(arrival: 'as-sent' | 'any'): Promise<unknown[]> {
    const orders = new Map((await ordersWithPrefix(this.dataSource, this.prefix)).map((o) => [o.vendorRef, o]));
    const details = (await this.dataSource.query(
      `SELECT d.vendor_order_no AS orderNo, d.receipt_file_id AS receipt, d.express_no AS express, d.reject_msg AS rejectMsg
       FROM id_photo_orders d JOIN orders o ON o.id = d.order_id WHERE o.order_no LIKE ?`,
      [`${this.prefix}%`],
    )) as { orderNo: string; receipt: string | null; express: string | null; rejectMsg: string | null }[];
    const detailOf = new Map(details.map((d) => [d.orderNo, d]));
    const wrong: unknown[] = [];
    for (const plan of this.plans) {
      const order = orders.get(plan.orderNo);
      const detail = detailOf.get(plan.orderNo);
      // What each applied step leaves on the detail: the receipt kept, the parcel, the reason.
      const expected = {
        ...END[plan.kind],
        receipt: plan.kind === 'done' || plan.kind === 'print',
        express: plan.kind === 'print',
        rejectMsg: plan.kind === 'rejected',
      };
      const actual = {
        status: order?.status,
        vendorStatus: order?.vendorStatus,
        receipt: Boolean(detail?.receipt),
        express: Boolean(detail?.express),
        rejectMsg: Boolean(detail?.rejectMsg),
      };
      const marksOk = order !== undefined && marksFit(order.marks, plan.ranks, arrival);
      if (JSON.stringify(actual) !== JSON.stringify(expected) || !marksOk) {
        wrong.push({ orderNo: plan.orderNo, kind: plan.kind, sent: plan.ranks, expected, actual, marks: order?.marks });
      }
    }
    return wrong;
  }

  /** A callback as the zjz simulator sends it (form-encoded, `logistics_info` as JSON text). */
  private callback(token: string, orderNo: string, status: ZjzCallbackStatus, extra: Partial<ZjzCallbackFields> = {}) {
    const fields: ZjzCallbackFields = { status, order_no: orderNo, sign: this.sign };
    if (status === 3) fields.image_receipt = this.imageUrl;
    if (status === 4) fields.logistics_info = { express_name: '顺丰速运', express_no: `SF${orderNo.slice(-10)}` };
    if (status === -1) fields.reject_msg = '照片背景颜色不符合要求';
    const { body, contentType } = encodeCallback({ ...fields, ...extra }, 'form');
    return { path: `/api/callbacks/zjz/${token}`, body, contentType };
  }

  /** Submitted orders (round 1, pending), as `IdPhotoOrdersService.create` leaves them. */
  private async seed(): Promise<void> {
    const now = new Date();
    for (let offset = 0; offset < this.plans.length; offset += 200) {
      const batch = this.plans.slice(offset, offset + 200);
      const inserted = await this.dataSource.getRepository(Order).insert(
        batch.map((plan, i) => ({
          orderNo: `${this.prefix}${String(offset + i).padStart(8, '0')}`,
          kind: 'id_photo' as const,
          status: 'pending' as const,
          vendorStatus: ZJZ_PENDING_STATUS,
          progress: progressOf(1, 'submitted'),
          vendorRef: plan.orderNo,
          amountFen: ZJZ_RECEIPT_PRICE_FEN + (plan.kind === 'print' ? ZJZ_PRINT_PRICE_FEN : 0),
          title: `身份证回执${plan.kind === 'print' ? '（打印邮寄）' : ''}`,
          userId: 2,
          createdAt: now,
          updatedAt: now,
          statusChangedAt: now,
        })),
      );
      const orderIds = inserted.identifiers.map((row) => Number(row.id));
      await this.dataSource.getRepository(IdPhotoOrder).insert(
        batch.map((plan, i) => ({
          orderId: orderIds[i],
          userId: 2,
          itemId: 21,
          specName: '身份证',
          vendorOrderNo: plan.orderNo,
          round: 1,
          // The photo session is not read by callbacks; its id only has to be there.
          sessionId: offset + i + 1,
          color: 'white',
          param: { text_name: '王小明', text_mobile: '13912345678', text_city: '深圳' },
          isPrint: plan.kind === 'print',
          printParam:
            plan.kind === 'print'
              ? {
                  name: '李四',
                  phone: '13700001111',
                  province: '广东',
                  city: '深圳',
                  district: '南山区',
                  address: '科苑路15号',
                }
              : null,
          rejectMsg: null,
          receiptFileId: null,
          photoFileId: null,
          printFileId: null,
          expressName: null,
          expressNo: null,
          createdAt: now,
          updatedAt: now,
        })),
      );
      await this.dataSource.getRepository(ZjzSubmission).insert(
        batch.map((plan, i) => ({
          tokenHash: tokenHashOf(plan.token),
          orderId: orderIds[i],
          round: 1,
          sessionId: offset + i + 1,
          picId: `pic${offset + i}`,
          vendorOrderNo: plan.orderNo,
          createdAt: now,
        })),
      );
    }
  }
}

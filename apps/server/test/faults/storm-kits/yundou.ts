import { randomBytes } from 'node:crypto';
import {
  billCallbackBody,
  encodeYundouCallback,
  qrCallbackBody,
  SAMPLE_DIGITAL_VAT,
  sampleBill,
  vatQrText,
  vendorResultOf,
} from '@banshi/vendor-simulators/yundou';
import type { DataSource } from 'typeorm';
import { InvoiceScan } from '../../../src/invoices/entities/invoice-scan.entity.js';
import { hashToken } from '../../../src/invoices/invoice-callbacks.service.js';
import { SCAN_STEPS } from '../../../src/invoices/invoice-steps.js';
import { Order } from '../../../src/orders/order.entity.js';
import {
  fieldOf,
  marksFit,
  ordersWithPrefix,
  reverseSome,
  type KitPlan,
  type Sequence,
  type Steps,
  type StormKit,
  type VendorCallback,
} from './kit.js';

/**
 * `bill`: a photo with one bill; `two`: a photo with two bills, whose callbacks (one per `bid`) the
 * vendor sends at the same moment (out of order: the higher `bid` first); `bill-failed`:
 * unreadable; `qr` / `qr-failed`: a QR image.
 */
export type UploadKind = 'bill' | 'two' | 'bill-failed' | 'qr' | 'qr-failed';
const PATTERN: UploadKind[] = ['bill', 'bill', 'bill', 'two', 'two', 'two', 'bill-failed', 'qr', 'qr', 'qr-failed'];

interface UploadPlan extends Steps {
  kind: UploadKind;
  oid: string;
  token: string;
  vendorId: string;
  /** The bills' `bid`s in the order sent. */
  bills: number[];
}

/**
 * Yundou's 发票信息同步 and 二维码信息同步 to each upload's own `c-url` token, on uploads stored as
 * `InvoiceScansService` stores an accepted one (order processing, scan recognising, token hash).
 * Every bill has a number of its own, so no scan is a duplicate of another.
 */
export class YundouKit implements StormKit {
  readonly name = 'yundou';
  readonly vendor = 'yundou';
  readonly topics = ['bill', 'qr'];
  private plans: UploadPlan[] = [];

  constructor(
    private readonly dataSource: DataSource,
    /** Our order numbers and the vendor's upload ids start with it: one per kit and database. */
    private readonly prefix: string,
    /** Only uploads of these kinds (all by default), for a test of one case. */
    private readonly only?: readonly UploadKind[],
  ) {}

  async prepare({ genuine, outOfOrder }: KitPlan): Promise<Sequence[]> {
    const kinds: UploadKind[] = [];
    for (let j = 0, counted = 0; counted < genuine; j++) {
      const turn = this.only ? this.only[j % this.only.length] : PATTERN[j % 10];
      const kind = genuine - counted === 1 && turn === 'two' ? 'bill' : turn;
      kinds.push(kind);
      counted += kind === 'two' ? 2 : 1;
    }
    this.plans = kinds.map((kind, j) => {
      const oid = `inv${this.prefix.toLowerCase()}${String(j).padStart(8, '0')}`;
      const token = randomBytes(32).toString('base64url');
      const bills = kind === 'two' ? [600_000 + 2 * j, 600_001 + 2 * j] : [600_000 + 2 * j];
      const callbacks = kind.startsWith('qr')
        ? [this.qrCallback(kind, j, oid, token)]
        : bills.map((bid) => this.billCallback(kind, oid, bid, token));
      return { kind, oid, token, vendorId: `${this.prefix}${j}`, bills, callbacks, ranks: [40], reversed: false };
    });
    await this.seed();
    reverseSome(this.plans, outOfOrder, (plan) => plan.kind === 'two');
    for (const plan of this.plans) if (plan.reversed) plan.bills.reverse();
    return this.plans.map((plan) => ({ callbacks: plan.callbacks, together: plan.kind === 'two' }));
  }

  forge(i: number): VendorCallback {
    const photos = this.plans.filter((plan) => !plan.kind.startsWith('qr'));
    const plan = photos[i % photos.length];
    const genuine = plan.callbacks[0];
    if (i % 3 === 0) return { ...genuine, path: `/api/callbacks/yundou/bill/${randomBytes(32).toString('base64url')}` };
    if (i % 3 === 1) return { ...genuine, path: genuine.path.replace('/bill/', '/qr/') };
    return { ...photos[(i + 1) % photos.length].callbacks[0], path: genuine.path };
  }

  malformed(i: number): VendorCallback {
    const photos = this.plans.filter((plan) => !plan.kind.startsWith('qr'));
    const { path } = photos[i % photos.length].callbacks[0];
    const oid = photos[i % photos.length].oid;
    const bodies: [string, string][] = [
      ['{"code":0,', 'application/json'],
      [JSON.stringify({ 'x-oid': oid, code: 'ok', data: [] }), 'application/json'],
      [JSON.stringify({ 'x-oid': oid, code: 0, bid: 1, data: { amount: '1.00' } }), 'application/json'],
      ['<xml/>', 'text/xml'],
    ];
    const [body, contentType] = bodies[i % bodies.length];
    return { path, body, contentType };
  }

  /** The document gives no acknowledgement format: the simulator takes any 2xx, as the vendor must. */
  isAcknowledged(status: number): boolean {
    return status >= 200 && status < 300;
  }

  isRejection(status: number, text: string): boolean {
    return status === 403 && fieldOf(text, 'code') === 1;
  }

  isMalformedAnswer(status: number, text: string): boolean {
    return status === 400 && fieldOf(text, 'code') === 1;
  }

  async check(arrival: 'as-sent' | 'any'): Promise<unknown[]> {
    const orders = new Map((await ordersWithPrefix(this.dataSource, this.prefix)).map((o) => [o.vendorRef, o]));
    // A second bill of a photo becomes a scan and an order of its own, with the photo's upload id.
    const scans = (await this.dataSource.query(
      `SELECT s.oid, s.vendor_id AS vendorId, s.status, s.bill_id AS billId, s.invoice_number AS number,
              s.qr_text AS qr, s.duplicate_of_id AS duplicateOf, o.status AS orderStatus, o.vendor_status AS vendorStatus
       FROM invoice_scans s JOIN orders o ON o.id = s.order_id WHERE s.vendor_id LIKE ? ORDER BY s.id`,
      [`${this.prefix}%`],
    )) as ScanRow[];
    const scansOf = new Map<string, ScanRow[]>();
    for (const scan of scans) scansOf.set(scan.vendorId, [...(scansOf.get(scan.vendorId) ?? []), scan]);
    const wrong: unknown[] = [];
    for (const plan of this.plans) {
      const order = orders.get(plan.oid);
      const rows = scansOf.get(plan.vendorId) ?? [];
      const failed = plan.kind.endsWith('failed');
      const end = failed ? SCAN_STEPS.recognitionFailed : SCAN_STEPS.recognised;
      const expected = {
        order: [end.status, end.vendorStatus],
        scans: plan.kind.startsWith('qr')
          ? [[failed ? 'failed' : 'recognised', null, !failed]]
          : plan.bills.map((bid) => (failed ? ['failed', null, false] : ['recognised', String(bid), true])),
        orders: plan.bills.map(() => [end.status, end.vendorStatus]),
      };
      const actual = {
        order: [order?.status, order?.vendorStatus],
        scans: rows.map((s) => [
          s.status,
          s.billId === null ? null : String(s.billId),
          Boolean(s.number ?? s.qr) && !s.duplicateOf,
        ]),
        orders: rows.map((s) => [s.orderStatus, s.vendorStatus]),
      };
      // A photo's bills are sent side by side: which one fills its first scan is the race's business.
      for (const side of [expected, actual]) side.scans.sort();
      const marksOk = order !== undefined && marksFit(order.marks, [40], arrival);
      if (JSON.stringify(actual) !== JSON.stringify(expected) || !marksOk) {
        wrong.push({ oid: plan.oid, kind: plan.kind, expected, actual, marks: order?.marks });
      }
    }
    return wrong;
  }

  /** A parking receipt of its own number, as recognition reads it; or the vendor's failure. */
  private billCallback(kind: UploadKind, oid: string, bid: number, token: string): VendorCallback {
    const bill = { ...sampleBill('parking'), invoiceNumber: String(bid).padStart(8, '0') };
    const result = kind === 'bill-failed' ? undefined : vendorResultOf(bill);
    const encoded = encodeYundouCallback(billCallbackBody(oid, bid, result), 'json');
    return { path: `/api/callbacks/yundou/bill/${token}`, ...encoded };
  }

  /** A 数电 invoice's QR text, of its own number; or the vendor's failure. */
  private qrCallback(kind: UploadKind, j: number, oid: string, token: string): VendorCallback {
    const invoice = { ...SAMPLE_DIGITAL_VAT, invoiceNumber: `2444200000${String(j).padStart(10, '0')}` };
    const content = kind === 'qr-failed' ? undefined : vatQrText(invoice);
    const encoded = encodeYundouCallback(qrCallbackBody(oid, 1001 + j, content), 'json');
    return { path: `/api/callbacks/yundou/qr/${token}`, ...encoded };
  }

  private async seed(): Promise<void> {
    const now = new Date();
    for (let offset = 0; offset < this.plans.length; offset += 200) {
      const batch = this.plans.slice(offset, offset + 200);
      const inserted = await this.dataSource.getRepository(Order).insert(
        batch.map((plan, i) => ({
          orderNo: `${this.prefix}${String(offset + i).padStart(8, '0')}`,
          kind: 'invoice_scan' as const,
          ...SCAN_STEPS.accepted,
          vendorRef: plan.oid,
          amountFen: 0,
          title: plan.kind.startsWith('qr') ? '发票二维码识别' : '票据照片识别',
          userId: 3,
          createdAt: now,
          updatedAt: now,
          statusChangedAt: now,
        })),
      );
      await this.dataSource.getRepository(InvoiceScan).insert(
        batch.map((plan, i) => ({
          orderId: Number(inserted.identifiers[i].id),
          userId: 3,
          source: plan.kind.startsWith('qr') ? ('qr_image' as const) : ('photo' as const),
          status: 'recognising' as const,
          oid: plan.oid,
          callbackTokenHash: hashToken(plan.token),
          vendorId: plan.vendorId,
          billId: null,
          photoFileId: null,
          billType: null,
          typeLabel: null,
          amountFen: null,
          issueDate: null,
          month: '2026-11',
          invoiceCode: null,
          invoiceNumber: null,
          dedupeKey: null,
          countedKey: null,
          duplicateOfId: null,
          qrText: null,
          bill: null,
          failureMessage: null,
          reimbursedAt: null,
          replacedById: null,
          retryOfId: null,
          recognisedAt: null,
          createdAt: now,
          updatedAt: now,
        })),
      );
    }
  }
}

interface ScanRow {
  oid: string | null;
  vendorId: string;
  status: string;
  billId: string | number | null;
  number: string | null;
  qr: string | null;
  duplicateOf: number | null;
  orderStatus: string;
  vendorStatus: string;
}

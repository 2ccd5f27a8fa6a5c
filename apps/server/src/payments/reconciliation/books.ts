import { Brackets, DataSource, In } from 'typeorm';
import type { TradeBillLine } from '@banshi/vendor-clients/wechatpay';
import { Payment } from '../entities/payment.entity.js';
import { Refund, type RefundStatus } from '../entities/refund.entity.js';
import { PAID_HERE, type BookPayment, type BookRefund } from './bill-matcher.js';
import { beijingDayRange } from './bill-days.js';

/** Refunds WeChat Pay accepted, as far as we know: each must be in the bill of the day it was accepted. */
const ACCEPTED_REFUNDS: RefundStatus[] = ['processing', 'success', 'abnormal'];
const CHUNK = 500;

async function inChunks<T>(keys: string[], load: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let at = 0; at < keys.length; at += CHUNK) out.push(...(await load(keys.slice(at, at + CHUNK))));
  return out;
}

const bookPayment = (p: Payment): BookPayment => ({
  orderId: p.orderId,
  outTradeNo: p.outTradeNo,
  amountFen: p.amountFen,
  paidFen: p.paidFen,
  status: p.status,
  transactionId: p.transactionId,
});

/** Our payments and refunds that a bill names, and those a day should hold (the other way's check). */
export class Books {
  constructor(private readonly dataSource: DataSource) {}

  async paymentsOf(lines: TradeBillLine[]): Promise<Map<string, BookPayment>> {
    const numbers = [...new Set(lines.filter((l) => l.tradeState !== 'REFUND').map((l) => l.outTradeNo))];
    const rows = await inChunks(numbers, (chunk) =>
      this.dataSource.getRepository(Payment).findBy({ outTradeNo: In(chunk) }),
    );
    return new Map(rows.map((row) => [row.outTradeNo, bookPayment(row)]));
  }

  async refundsOf(lines: TradeBillLine[]): Promise<Map<string, BookRefund>> {
    const numbers = [...new Set(lines.filter((l) => l.tradeState === 'REFUND').map((l) => l.outRefundNo))];
    const rows = await this.refundRows(numbers);
    return new Map(rows.map((row) => [row.outRefundNo, row]));
  }

  /** Payments WeChat Pay took money for on the day, by its own success time (our `paid_at`). */
  async paidOn(billDate: string): Promise<BookPayment[]> {
    const { from, to } = beijingDayRange(billDate);
    const rows = await this.dataSource
      .getRepository(Payment)
      .createQueryBuilder('p')
      .where('p.paid_at >= :from AND p.paid_at < :to', { from, to })
      .andWhere('p.status IN (:...paid)', { paid: [...PAID_HERE] })
      .getMany();
    return rows.map(bookPayment);
  }

  /**
   * Accepted refunds that may belong to the day: WeChat Pay files a refund under the day it accepted
   * it, which we do not store; recorded or finished that day covers it (the caller asks WeChat Pay
   * about any the bill lacks before calling it missing).
   */
  async refundedAround(billDate: string): Promise<BookRefund[]> {
    const { from, to } = beijingDayRange(billDate);
    const ids = await this.dataSource
      .getRepository(Refund)
      .createQueryBuilder('r')
      .select('r.out_refund_no', 'no')
      .where('r.status IN (:...accepted)', { accepted: ACCEPTED_REFUNDS })
      .andWhere(
        new Brackets((day) =>
          day
            .where('r.created_at >= :from AND r.created_at < :to', { from, to })
            .orWhere('r.succeeded_at >= :from AND r.succeeded_at < :to', { from, to }),
        ),
      )
      .getRawMany<{ no: string }>();
    return this.refundRows(ids.map((row) => row.no));
  }

  private async refundRows(numbers: string[]): Promise<BookRefund[]> {
    const rows = await inChunks(numbers, (chunk) =>
      this.dataSource.getRepository(Refund).findBy({ outRefundNo: In(chunk) }),
    );
    const paymentIds = [...new Set(rows.map((row) => row.paymentId))];
    const payments = paymentIds.length
      ? await this.dataSource
          .getRepository(Payment)
          .find({ where: { id: In(paymentIds) }, select: { id: true, outTradeNo: true } })
      : [];
    const tradeNo = new Map(payments.map((p) => [p.id, p.outTradeNo]));
    return rows.map((row) => ({
      orderId: row.orderId,
      outTradeNo: tradeNo.get(row.paymentId) ?? '',
      outRefundNo: row.outRefundNo,
      amountFen: row.amountFen,
      status: row.status,
    }));
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.tokens.js';
import type { Payment, PaymentLine } from '../../payments/entities/payment.entity.js';
import { PricesService } from '../../payments/prices.service.js';
import { PRICED_SERVICES } from '../../payments/prices.js';
import type { ViolationOrder } from '../entities/violation-order.entity.js';
import type { Quote, ViolationCharge } from './quote.js';

/** What the user pays here for a violation-payment order, before Docloud is asked. */
/**
 * In credit mode (挂账) Docloud takes the fines and its fees from the merchant's account: the user
 * pays all of it here first (WeChat Pay), plus the merchant's fee per violation, and only then is
 * the order placed. The fines are real money the merchant advances, so a price of 0 removes only
 * the merchant's fee line, never the payment. Online mode pays Docloud on its own page (see the
 * README for why the merchant's fee is not charged there).
 */
@Injectable()
export class ViolationPricing {
  constructor(
    private readonly prices: PricesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Null when there is no payment step here (online mode, prepay off, or nothing to pay). */
  async charge(quote: Pick<Quote, 'lines' | 'fineFen' | 'serviceFeeFen' | 'markFeeFen' | 'totalFen'>) {
    if (this.config.docloudPaymentMode !== 'credit' || !this.config.violationPrepay) return null;
    const perViolationFen = await this.prices.priceOf('violation_service');
    const count = quote.lines.length;
    const amountFen = quote.totalFen + perViolationFen * count;
    if (amountFen <= 0) return null;
    const lines: PaymentLine[] = [
      { label: '罚款', amountFen: quote.fineFen },
      { label: '服务商手续费', amountFen: quote.serviceFeeFen + quote.markFeeFen },
      { label: `${PRICED_SERVICES.violation_service.label} ×${count}`, amountFen: perViolationFen * count },
    ].filter((line) => line.amountFen > 0);
    return { perViolationFen, amountFen, lines } satisfies ViolationCharge;
  }
}

/**
 * The merchant's fee per violation an order was paid with: its payment is the vendor's total plus
 * that fee for each violation (fixed when the order was created, see `ViolationPricing.charge`).
 */
export function paidFeePerViolation(payment: Payment, detail: ViolationOrder): number {
  const count = detail.items.length;
  return count > 0 ? Math.max(Math.floor((payment.amountFen - detail.totalFen) / count), 0) : 0;
}

/**
 * What goes back to the user for violations Docloud could not pay (back to 未处理 when the order
 * ended): what Docloud refunded the merchant for them (its `refundMoney` when it says, else their
 * fines and fees as ordered: the status query carries no amount), and the merchant's fee for each.
 */
export function undeliveredFen(
  payment: Payment,
  detail: ViolationOrder,
  items: ViolationOrder['items'],
  vendorRefundFen?: number,
): number {
  const undone = items.filter((item) => item.processStatus === 1);
  const asOrdered = undone.reduce((sum, item) => sum + item.fineFen + item.serviceFeeFen + item.markFeeFen, 0);
  return (vendorRefundFen || asOrdered) + paidFeePerViolation(payment, detail) * undone.length;
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { VendorApiError } from '@banshi/vendor-clients';
import { WechatPayClient, type WechatPayTransaction } from '@banshi/vendor-clients/wechatpay';
import { DataSource, In, LessThan, type EntityManager } from 'typeorm';
import { AppError } from '../common/errors/app-error.js';
import { vendorErrorToAppError } from '../common/errors/vendor-error-mapping.js';
import { PublicUrl } from '../common/http/public-url.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { forUpdate, Transactions } from '../database/transactions.js';
import { OutgoingCallLedger } from '../outgoing-calls/outgoing-call-ledger.service.js';
import type { OrderStep } from '../orders/order-status.js';
import type { Order } from '../orders/order.entity.js';
import { OrdersService, type EventMeta, type NewOrder } from '../orders/orders.service.js';
import { PaidServices } from './paid-services.js';
import { SandboxService } from '../sandbox/sandbox.service.js';
import { User } from '../users/user.entity.js';
import type { PaymentStartDto, PaymentViewDto } from './dto/payment.dto.js';
import { Payment, type PaymentLine } from './entities/payment.entity.js';
import { paymentView } from './payment-view.js';
import {
  PAYMENT_NOTE,
  PAYMENT_TTL_MS,
  STEP_AWAITING_PAYMENT,
  STEP_CANCELLED_BY_USER,
  STEP_PAID,
  STEP_PAYMENT_CLOSED,
  yuan,
} from './payment-steps.js';
import { RefundsService } from './refunds.service.js';
import { REFUND_KEYS } from './refund-keys.js';
import { PREPAY_OPERATION, prepayCallKey } from './payment-call-keys.js';

const SERVICE_NAME = '微信支付';
const UNPAID = ['created', 'paying'] as const;
const isUnpaid = (payment: Payment) => UNPAID.includes(payment.status as (typeof UNPAID)[number]);

/** 支付回调和查单实现指引 asks for a query when no notification came within a minute. */
const SILENT_AFTER_MS = 60_000;

/** What WeChat Pay reported paid, from a notification or a query. */
export interface PaidReport {
  outTradeNo: string;
  transactionId: string;
  totalFen: number;
  successTime?: string;
}

/**
 * Payments of priced orders through WeChat Pay (JSAPI). A service creates its order through
 * `createPricedOrder`; the order then waits 待支付 until the payment is known (notification through
 * the callback inbox, or `sync` when the user comes back), and only then is the service's vendor
 * called (see `fulfilment.service.ts`). Unpaid orders close at `time_expire`.
 */
@Injectable()
export class PaymentsService {
  private readonly logger = new Logger(PaymentsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly orders: OrdersService,
    private readonly client: WechatPayClient,
    private readonly refunds: RefundsService,
    private readonly publicUrl: PublicUrl,
    private readonly sandbox: SandboxService,
    private readonly paidServices: PaidServices,
    private readonly ledger: OutgoingCallLedger,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Inside the service's own transaction: creates the order 待支付 with its payment. Only for an
   * amount above 0 (a free service creates its order as before, without this). `lines`, when
   * given, break the amount down as the user saw it, and must add up to it.
   */
  async createPricedOrder(
    manager: EntityManager,
    input: Omit<NewOrder, 'step'> & { amountFen: number; lines?: PaymentLine[] },
    meta: EventMeta,
  ): Promise<Order> {
    if (!Number.isInteger(input.amountFen) || input.amountFen <= 0) throw new Error('a priced order needs an amount');
    const lines = input.lines?.filter((line) => line.amountFen > 0) ?? null;
    if (lines && lines.reduce((sum, line) => sum + line.amountFen, 0) !== input.amountFen) {
      throw new Error('the lines of a priced order do not add up to its amount');
    }
    const order = await this.orders.create(manager, { ...input, step: STEP_AWAITING_PAYMENT }, meta);
    const now = new Date();
    await manager.insert(Payment, {
      orderId: order.id,
      userId: order.userId,
      // One payment per order: the order number is readable in the merchant platform and the bill.
      outTradeNo: order.orderNo,
      amountFen: input.amountFen,
      lines,
      description: input.title.slice(0, 127),
      status: 'created',
      expiresAt: new Date(now.getTime() + PAYMENT_TTL_MS),
      fulfilment: 'none',
      createdAt: now,
      updatedAt: now,
    });
    return order;
  }

  async view(userId: number, orderNo: string): Promise<PaymentViewDto> {
    return paymentView(await this.paymentOf(userId, orderNo));
  }

  /** The payment of an order, if it is priced (services show it on their order pages). */
  async forOrder(orderId: number): Promise<PaymentViewDto | null> {
    const payment = await this.dataSource.getRepository(Payment).findOneBy({ orderId });
    return payment ? paymentView(payment) : null;
  }

  /**
   * 去支付: a prepay at WeChat Pay (the same `out_trade_no` and body each time, so a second tap or a
   * lost answer gets the same prepay) and the signed `wx.requestPayment` parameters; in sandbox
   * also the cashier page that stands in for them in H5.
   */
  async start(userId: number, orderNo: string, returnUrl?: string): Promise<PaymentStartDto> {
    let payment = await this.paymentOf(userId, orderNo);
    if (!UNPAID.includes(payment.status as (typeof UNPAID)[number])) {
      throw AppError.conflict('NOT_PAYABLE', payment.status === 'closed' ? '订单已关闭，请重新下单' : '订单已支付');
    }
    if (payment.expiresAt.getTime() <= Date.now()) {
      await this.closeExpired([payment]);
      throw AppError.conflict('NOT_PAYABLE', '订单已超时关闭，请重新下单');
    }
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: userId });
    let prepayId: string;
    try {
      ({ prepayId } = await this.ledger.run(
        {
          vendor: 'wechatpay',
          operation: PREPAY_OPERATION,
          subjectKind: 'payment',
          subjectId: payment.outTradeNo,
          key: prepayCallKey(payment.outTradeNo),
          request: { totalFen: payment.amountFen, timeExpire: payment.expiresAt.toISOString() },
        },
        () =>
          this.client.jsapiPrepay({
            outTradeNo: payment.outTradeNo,
            description: payment.description,
            totalFen: payment.amountFen,
            openid: user.openid,
            notifyUrl: this.notifyUrl(),
            timeExpire: payment.expiresAt,
          }),
        () => ({ prepay: 'made' }),
      ));
    } catch (error) {
      if (error instanceof VendorApiError && error.code === 'ORDERPAID') {
        await this.sync(userId, orderNo);
        throw AppError.conflict('NOT_PAYABLE', '订单已支付');
      }
      throw vendorErrorToAppError(error, SERVICE_NAME);
    }
    await this.dataSource
      .getRepository(Payment)
      .update({ id: payment.id, status: In([...UNPAID]) }, { prepayId, status: 'paying', updatedAt: new Date() });
    payment = await this.paymentOf(userId, orderNo);
    return {
      payment: paymentView(payment),
      requestPayment: this.client.requestPayment(prepayId),
      cashierUrl: this.cashierUrl(prepayId, returnUrl),
    };
  }

  /**
   * The user is back from paying: ask WeChat Pay (查询订单) rather than wait for the notification,
   * which may be late or lost. Applied exactly as a notification would be.
   */
  async sync(userId: number, orderNo: string): Promise<PaymentViewDto> {
    const payment = await this.paymentOf(userId, orderNo);
    // Past `time_expire` (the page's countdown reached 0): closed now rather than at the next tick;
    // a payment made in the last second is applied as paid instead (see `close`).
    if (isUnpaid(payment) && payment.expiresAt.getTime() <= Date.now()) await this.closeExpired([payment]);
    else if (payment.status === 'paying' || payment.status === 'closed') await this.querySettle(payment);
    return this.view(userId, orderNo);
  }

  /** Asks WeChat Pay about one payment and applies a payment it reports. */
  async querySettle(payment: Payment): Promise<string> {
    let transaction: WechatPayTransaction;
    try {
      transaction = await this.client.queryByOutTradeNo(payment.outTradeNo);
    } catch (error) {
      if (error instanceof VendorApiError && error.code === 'ORDER_NOT_EXIST') return 'no_order';
      throw vendorErrorToAppError(error, SERVICE_NAME);
    }
    return this.applyQueried(transaction);
  }

  /** What 查询订单 answered, applied: a payment it reports is applied as a notification would be. */
  async applyQueried(transaction: WechatPayTransaction): Promise<string> {
    if (transaction.trade_state !== 'SUCCESS' && transaction.trade_state !== 'REFUND') return 'unpaid';
    const report = {
      outTradeNo: transaction.out_trade_no,
      transactionId: transaction.transaction_id ?? '',
      totalFen: transaction.amount?.total ?? 0,
      successTime: transaction.success_time,
    };
    return this.transactions.run((manager) => this.applyPaid(manager, report, { source: '查询订单' }));
  }

  /**
   * WeChat Pay took the money (notification or query), inside the caller's transaction. Applied
   * once: a payment already known is a repeat. Money for a closed order, or an amount that is not
   * the order's, is refunded in full at once.
   */
  async applyPaid(
    manager: EntityManager,
    report: PaidReport,
    origin: { source: string; vendorEventId?: number },
  ): Promise<string> {
    const payment = await manager.findOne(Payment, { where: { outTradeNo: report.outTradeNo }, ...forUpdate(manager) });
    if (!payment) return 'no_payment';
    if (!UNPAID.includes(payment.status as (typeof UNPAID)[number]) && payment.status !== 'closed') return 'repeat';
    const now = new Date();
    const paid = {
      status: 'paid' as const,
      paidFen: report.totalFen,
      transactionId: report.transactionId.slice(0, 32),
      paidAt: report.successTime ? new Date(report.successTime) : now,
      updatedAt: now,
    };
    // WeChat Pay's word, not the errand vendor's: the timeline says 系统, as for the refunds.
    const meta = { actor: 'system' as const, vendorEventId: origin.vendorEventId ?? null };
    const unwanted =
      payment.status === 'closed'
        ? '订单已关闭，款项将原路退回'
        : report.totalFen !== payment.amountFen
          ? '支付金额与订单金额不符，款项将原路退回'
          : null;
    if (unwanted) {
      await manager.update(Payment, { id: payment.id }, { ...paid, fulfilment: 'refunded' });
      await this.orders.note(manager, payment.orderId, PAYMENT_NOTE, {
        ...meta,
        message: `收到支付 ${yuan(report.totalFen)}（${origin.source}）；${unwanted}`,
      });
      Object.assign(payment, paid);
      await this.refunds.request(manager, payment, report.totalFen, unwanted, REFUND_KEYS.unwanted);
      return payment.status === 'closed' ? 'paid_after_close' : 'amount_mismatch';
    }
    await manager.update(Payment, { id: payment.id }, { ...paid, fulfilment: 'due', fulfilNextAt: now });
    await this.orders.applyStep(manager, payment.orderId, STEP_PAID, {
      ...meta,
      message: `已支付 ${yuan(report.totalFen)}`,
      payload: { transactionId: report.transactionId, source: origin.source },
    });
    return 'paid';
  }

  /**
   * 支付回调和查单实现指引: without a notification for a while, the merchant asks (查单) rather than
   * wait. Payments being paid and not heard of for a minute are asked about, oldest first.
   */
  async querySilent(limit = 50): Promise<void> {
    const silent = await this.dataSource.getRepository(Payment).find({
      where: { status: 'paying', updatedAt: LessThan(new Date(Date.now() - SILENT_AFTER_MS)) },
      order: { updatedAt: 'ASC' },
      take: limit,
    });
    for (const payment of silent) {
      const outcome = await this.querySettle(payment).catch((error: unknown) => `error: ${String(error)}`);
      if (outcome !== 'paid') {
        // Asked again after another quiet minute.
        await this.dataSource
          .getRepository(Payment)
          .update({ id: payment.id, status: 'paying' }, { updatedAt: new Date() });
      }
    }
  }

  /** Unpaid payments past `time_expire`, oldest first. */
  async dueToClose(limit = 50): Promise<Payment[]> {
    return this.dataSource.getRepository(Payment).find({
      where: { status: In([...UNPAID]), expiresAt: LessThan(new Date()) },
      order: { expiresAt: 'ASC' },
      take: limit,
    });
  }

  /**
   * Closes unpaid payments at WeChat Pay, then here with their orders. A payment that WeChat Pay
   * says is paid (the user paid in the last second) is applied as paid instead.
   */
  async closeExpired(payments: Payment[]): Promise<number> {
    let closed = 0;
    for (const payment of payments) {
      const outcome = await this.close(payment, STEP_PAYMENT_CLOSED, {
        actor: 'system',
        message: '超时未支付，订单已关闭',
      });
      if (outcome === 'closed') closed++;
    }
    return closed;
  }

  /** The user gives up an unpaid order: closed at WeChat Pay first, so it cannot be paid any more. */
  async cancel(userId: number, orderNo: string): Promise<PaymentViewDto> {
    const payment = await this.paymentOf(userId, orderNo);
    if (!UNPAID.includes(payment.status as (typeof UNPAID)[number])) {
      throw AppError.conflict(
        'NOT_CANCELLABLE',
        payment.status === 'closed' ? '订单已关闭' : '订单已支付，不能取消；如需退款请联系客服',
      );
    }
    const outcome = await this.close(payment, STEP_CANCELLED_BY_USER, { actor: 'user', message: '您已取消订单' });
    if (outcome === 'failed') throw AppError.vendorUnavailable('微信支付暂时无法连接，请稍后再取消');
    if (outcome === 'paid') throw AppError.conflict('NOT_CANCELLABLE', '订单已支付，不能取消；如需退款请联系客服');
    return this.view(userId, orderNo);
  }

  /**
   * Closes one unpaid payment at WeChat Pay, then here with its order. `paid`: WeChat Pay says it was
   * paid meanwhile (applied as paid); `failed`: no answer, nothing changed here.
   */
  private async close(
    payment: Payment,
    step: OrderStep,
    meta: { actor: 'system' | 'user'; message: string },
  ): Promise<'closed' | 'paid' | 'failed'> {
    try {
      await this.client.closeOrder(payment.outTradeNo);
    } catch (error) {
      const code = error instanceof VendorApiError ? error.code : undefined;
      if (code === 'ORDERPAID') {
        await this.querySettle(payment);
        return 'paid';
      }
      if (code !== 'ORDER_NOT_EXIST') {
        this.logger.warn(`closing payment ${payment.outTradeNo} failed, to be tried again: ${String(error)}`);
        return 'failed';
      }
    }
    return this.transactions.run(async (manager) => {
      const locked = await manager.findOne(Payment, { where: { id: payment.id }, ...forUpdate(manager) });
      if (!locked || !UNPAID.includes(locked.status as (typeof UNPAID)[number])) return 'paid';
      await manager.update(Payment, { id: locked.id }, { status: 'closed', updatedAt: new Date() });
      await this.orders.applyStep(manager, locked.orderId, step, meta);
      const { kind } = await this.orders.lockOrder(manager, locked.orderId);
      await this.paidServices.find(kind)?.onClosed?.(manager, locked.orderId);
      return 'closed';
    });
  }

  async orderIdOf(manager: EntityManager, outTradeNo: string): Promise<number | null> {
    return (await manager.findOneBy(Payment, { outTradeNo }))?.orderId ?? null;
  }

  private async paymentOf(userId: number, orderNo: string): Promise<Payment> {
    const payment = await this.dataSource.getRepository(Payment).findOneBy({ outTradeNo: orderNo, userId });
    if (!payment) throw AppError.notFound('订单不存在或无需支付');
    return payment;
  }

  notifyUrl(): string {
    return this.publicUrl.api('/callbacks/wechatpay/notify');
  }

  private cashierUrl(prepayId: string, returnUrl: string | undefined): string | null {
    if (this.config.vendorMode !== 'sandbox' || !returnUrl || !this.sandbox.has('wechatpay')) return null;
    return this.sandbox.wechatpayCashierUrl(prepayId, returnUrl);
  }
}

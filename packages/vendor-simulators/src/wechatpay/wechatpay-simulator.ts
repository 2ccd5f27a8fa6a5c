import { generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import { type Clock, sleep, systemClock } from '@banshi/vendor-clients';
import {
  CallbackSender,
  type FaultKnobs,
  type RunningSimulator,
  SimulatorHost,
  type SimulatorStartOptions,
} from '../core/index.js';
import {
  isWechatpayNotifyAcknowledged,
  WECHATPAY_NOTIFY_RETRY_SCHEDULE_MS,
  privateKeyOf,
  publicKeyOf,
  type KeyInput,
  WECHATPAY_VENDOR,
  type WechatPayCredentials,
  type WechatPayRefund,
  type WechatPayTransaction,
} from '@banshi/vendor-clients/wechatpay';
import { WechatPayBills } from './bills.js';
import { CASHIER_PATH, WechatPayCashier } from './cashier.js';
import type { WechatPaySimConfig } from './gateway.js';
import { type SentNotification, WechatPayNotifier } from './notifier.js';
import { type PayOutcome, WechatPayPayments } from './payments.js';
import { WechatPayRefunds } from './refunds.js';
import { registerWechatPayRoutes } from './routes.js';
import { WechatPayScenario } from './scenario.js';
import { WechatPaySimState } from './state.js';

export const SANDBOX_MCHID = '1900000109';
export const SANDBOX_APPID = 'wxsandbox0000000000';
export const SANDBOX_MERCHANT_SERIAL = '5A5D0000000000000000000000000000SANDBOX1';

export interface WechatPaySimulatorOptions extends SimulatorStartOptions {
  /** Sandbox merchant number by default. */
  mchid?: string;
  /** AppIDs bound to the merchant (the mini-program's); a sandbox AppID by default. */
  appids?: readonly string[];
  /**
   * The merchant's API certificate public key and serial, which WeChat Pay holds. Absent: the
   * simulator makes a sandbox merchant key pair and hands it out through `credentials()`.
   */
  merchantPublicKey?: KeyInput;
  merchantSerialNo?: string;
  /** Random by default (see `credentials()`). */
  apiV3Key?: string;
  /** WeChat Pay's own key; a fresh 2048-bit pair when absent (read it from `platformPublicKeyPem`). */
  platformPrivateKey?: KeyInput;
  platformPublicKeyId?: string;
  /**
   * Multiplies the notification retry schedule (15 s … 6 h, 24h4m in all): 0.001 makes it 24 s.
   * Ignored when `callbackRetryDelaysMs` is given.
   */
  timeScale?: number;
  /** PROCESSING → end of a refund. Default 300 ms. */
  refundDelayMs?: number;
  /** Serve the sandbox cashier (H5 stand-in for `wx.requestPayment`). Default true. */
  cashier?: boolean;
  publicUrl?: string;
  callbackTimeoutMs?: number;
}

/**
 * A local WeChat Pay (APIv3, directly connected merchant, JSAPI): checks the merchant's signature,
 * mchid/appid, amounts and out_trade_no reuse with WeChat Pay's error codes, keeps orders and
 * refunds, signs its answers with its platform key, sends encrypted and signed notifications with
 * retries on WeChat Pay's schedule, builds trade bills from its state, and serves a cashier page.
 */
export class WechatPaySimulator implements RunningSimulator {
  readonly vendor = WECHATPAY_VENDOR;
  readonly url: string;
  readonly faults: FaultKnobs;
  readonly scenario: WechatPayScenario;
  readonly platformPublicKeyId: string;
  /** WeChat Pay's public key in PEM, for the client's `platformPublicKey`. */
  readonly platformPublicKeyPem: string;
  /** WeChat Pay's time (bills, signatures, expiry): `options.clock`, the system clock by default. */
  readonly clock: Clock;
  private readonly tasks = new Set<Promise<unknown>>();
  readonly notifier: WechatPayNotifier;
  private readonly payments: WechatPayPayments;
  private readonly refunds: WechatPayRefunds;
  private readonly state: WechatPaySimState;
  /** The merchant key the simulator made when none was given (sandbox mode). */
  private sandboxMerchantKey?: KeyObject;

  private constructor(
    readonly host: SimulatorHost,
    readonly callbacks: CallbackSender,
    private readonly config: WechatPaySimConfig,
    options: WechatPaySimulatorOptions,
  ) {
    this.url = host.url;
    this.clock = config.clock;
    this.faults = host.faults;
    this.platformPublicKeyId = config.platformPublicKeyId;
    this.platformPublicKeyPem = publicKeyOf(config.platformPrivateKey)
      .export({ type: 'spki', format: 'pem' })
      .toString();
    this.scenario = new WechatPayScenario({ refundDelayMs: options.refundDelayMs });
    this.state = new WechatPaySimState(config.clock);
    this.notifier = new WechatPayNotifier(callbacks, config, this.scenario, (task) => this.track(task));
    this.payments = new WechatPayPayments(this.state, config, this.notifier);
    this.refunds = new WechatPayRefunds(this.state, config, this.scenario, this.notifier);
    const bills = new WechatPayBills(this.state, config, () => this.url);
    const cashier = options.cashier === false ? undefined : new WechatPayCashier(this.state, this.payments);
    registerWechatPayRoutes(host, { config, payments: this.payments, refunds: this.refunds, bills, cashier });
  }

  static async start(options: WechatPaySimulatorOptions): Promise<WechatPaySimulator> {
    const host = await SimulatorHost.start({
      name: WECHATPAY_VENDOR,
      port: options.port,
      host: options.host,
      publicUrl: options.publicUrl,
    });
    const scale = options.timeScale ?? 1;
    const callbacks = new CallbackSender({
      vendor: WECHATPAY_VENDOR,
      isAcknowledged: (status) => isWechatpayNotifyAcknowledged(status),
      retryDelaysMs: options.callbackRetryDelaysMs ?? WECHATPAY_NOTIFY_RETRY_SCHEDULE_MS.map((ms) => ms * scale),
      timeoutMs: options.callbackTimeoutMs,
    });
    const platformPrivateKey: KeyObject = options.platformPrivateKey
      ? privateKeyOf(options.platformPrivateKey)
      : generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const sandboxMerchant = options.merchantPublicKey ? undefined : generateKeyPairSync('rsa', { modulusLength: 2048 });
    const config: WechatPaySimConfig = {
      mchid: options.mchid ?? SANDBOX_MCHID,
      appids: new Set(options.appids ?? [SANDBOX_APPID]),
      merchantPublicKey: publicKeyOf(
        options.merchantPublicKey ?? (sandboxMerchant as { publicKey: KeyObject }).publicKey,
      ),
      merchantSerialNo: options.merchantSerialNo ?? SANDBOX_MERCHANT_SERIAL,
      apiV3Key: options.apiV3Key ?? randomBytes(16).toString('hex'),
      platformPrivateKey,
      platformPublicKeyId: options.platformPublicKeyId ?? 'PUB_KEY_ID_0100000000SANDBOX0000000000000000',
      clock: options.clock ?? systemClock,
    };
    if (Buffer.byteLength(config.apiV3Key, 'utf8') !== 32)
      throw new Error('wechatpay simulator: apiV3Key must be 32 bytes');
    const simulator = new WechatPaySimulator(host, callbacks, config, options);
    simulator.sandboxMerchantKey = sandboxMerchant?.privateKey;
    return simulator;
  }

  /**
   * Everything a `WechatPayClient` needs to talk to this simulator (with `baseUrl: sim.url`). Only
   * when the simulator made the merchant key itself: otherwise the caller holds it already.
   */
  credentials(): WechatPayCredentials {
    if (!this.sandboxMerchantKey) throw new Error('wechatpay simulator: the merchant key was given, not made here');
    return {
      mchid: this.config.mchid,
      appid: [...this.config.appids][0],
      merchantPrivateKey: this.sandboxMerchantKey,
      merchantSerialNo: this.config.merchantSerialNo,
      platformPublicKey: this.platformPublicKeyPem,
      platformPublicKeyId: this.platformPublicKeyId,
      apiV3Key: this.config.apiV3Key,
    };
  }

  /** The user confirms the payment of an order (what the phone does after `wx.requestPayment`). */
  pay(outTradeNo: string): PayOutcome {
    return this.payments.pay(this.state.transactions.get(outTradeNo));
  }

  /** The user closes the payment sheet: the order stays NOTPAY. */
  cancelPayment(outTradeNo: string): void {
    this.payments.cancel(this.state.transactions.get(outTradeNo));
  }

  /** The sandbox cashier page for a prepay id; it sends the browser back to `returnUrl`. */
  cashierUrl(prepayId: string, returnUrl: string): string {
    return `${this.url}${CASHIER_PATH}?${new URLSearchParams({ prepay_id: prepayId, return_url: returnUrl })}`;
  }

  /** Ends a PROCESSING refund now (with `scenario.autoCompleteRefunds = false`, the only way). */
  completeRefund(outRefundNo: string, status: 'SUCCESS' | 'ABNORMAL' | 'CLOSED' = 'SUCCESS'): void {
    const refund = this.state.refunds.get(outRefundNo);
    if (!refund) throw new Error(`wechatpay simulator: no refund ${outRefundNo}`);
    this.refunds.complete(refund, status);
  }

  transaction(outTradeNo: string): WechatPayTransaction | undefined {
    const transaction = this.state.current(outTradeNo);
    return transaction ? this.state.transactionView(transaction) : undefined;
  }

  refund(outRefundNo: string): WechatPayRefund | undefined {
    const refund = this.state.refunds.get(outRefundNo);
    return refund ? this.state.refundView(refund) : undefined;
  }

  /** How often the user cancelled the payment sheet of an order. */
  cancellations(outTradeNo: string): number {
    return this.state.transactions.get(outTradeNo)?.cancelledByUser ?? 0;
  }

  stats() {
    return { ...this.state.stats };
  }

  /** Notifications made for an order (sent, held or lost), in order. */
  notificationsFor(outTradeNo: string): SentNotification[] {
    return this.notifier.sent.filter((sent) => sent.outTradeNo === outTradeNo);
  }

  /** Resolves when no refund is pending and every notification is delivered or given up. */
  async idle(): Promise<void> {
    do {
      while (this.refunds.busy) await sleep(5);
      while (this.tasks.size > 0) await Promise.allSettled([...this.tasks]);
      await this.callbacks.idle();
    } while (this.refunds.busy || this.tasks.size > 0);
  }

  async close(): Promise<void> {
    this.refunds.close();
    this.notifier.stop();
    this.callbacks.stop();
    await this.host.close();
  }

  private track(task: Promise<unknown>): void {
    const tracked = task.finally(() => this.tasks.delete(tracked));
    this.tasks.add(tracked);
  }
}

export const startWechatPaySimulator = (options: WechatPaySimulatorOptions): Promise<WechatPaySimulator> =>
  WechatPaySimulator.start(options);

import { randomBytes } from 'node:crypto';
import { fenToYuan } from '@banshi/vendor-clients';
import { type SimResponse } from '../core/index.js';
import {
  formatTradeBill,
  type TradeBillRecord,
  tradeBillHash,
  beijingDate,
  billTimeBeijing,
  WECHATPAY_PATHS,
} from '@banshi/vendor-clients/wechatpay';
import { errorAnswer, signedAnswer, type WechatPaySimConfig } from './gateway.js';
import type { SimRefund, SimTransaction, WechatPaySimState } from './state.js';

/** 下载地址 lifetime (the document says 5 minutes; older pages said 30 s). */
const DOWNLOAD_TTL_MS = 5 * 60_000;
/** The simulated fee rate, 0.6 %, the common rate for mini-program payments. */
const FEE_RATE = 0.006;

const BILL_TYPES = new Set(['ALL', 'SUCCESS', 'REFUND']);
/** 微信支付在每日10点后生成昨日交易账单: day D's bill is ready at 10:00 Beijing time on D+1. */
const READY_HOUR_BEIJING = 10;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** 申请交易账单 and 下载账单, with the bill built from the simulator's own orders and refunds. */
export class WechatPayBills {
  private readonly tickets = new Map<string, { bill: string; expiresAt: number }>();
  /** 账单的数据快照: a day's lines as they were when its bill was made; later changes stay out. */
  private readonly snapshots = new Map<string, TradeBillRecord[]>();

  constructor(
    private readonly state: WechatPaySimState,
    private readonly config: WechatPaySimConfig,
    private readonly baseUrl: () => string,
  ) {}

  apply(query: URLSearchParams): SimResponse {
    const billDate = query.get('bill_date') ?? '';
    const billType = query.get('bill_type') ?? 'ALL';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(billDate))
      return errorAnswer(this.config, 'PARAM_ERROR', 'bill_date 格式应为yyyy-MM-DD');
    if (!BILL_TYPES.has(billType)) return errorAnswer(this.config, 'PARAM_ERROR', 'bill_type 取值错误');
    if (query.get('tar_type') !== null && query.get('tar_type') !== 'GZIP') {
      return errorAnswer(this.config, 'PARAM_ERROR', 'tar_type 取值错误');
    }
    const now = this.state.clock.now();
    if (billDate > beijingDate(now)) return errorAnswer(this.config, 'PARAM_ERROR', '账单日期不能晚于今天');
    // The last day whose bill is ready: now less a day and ten hours, in Beijing time.
    if (billDate > beijingDate(now - DAY_MS - READY_HOUR_BEIJING * HOUR_MS)) {
      return errorAnswer(this.config, 'STATEMENT_CREATING', '账单生成中，请于次日10点后再下载');
    }
    const records = this.snapshot(billDate).filter((record) => ofType(record, billType));
    if (records.length === 0) return errorAnswer(this.config, 'NO_STATEMENT_EXIST', '账单日期内无交易，账单文件不存在');
    const bill = formatTradeBill(records);
    const token = randomBytes(24).toString('base64url');
    this.tickets.set(token, { bill, expiresAt: this.state.clock.now() + DOWNLOAD_TTL_MS });
    this.state.stats.bills++;
    return signedAnswer(this.config, 200, {
      hash_type: 'SHA1',
      hash_value: tradeBillHash(Buffer.from(bill, 'utf8')),
      download_url: `${this.baseUrl()}${WECHATPAY_PATHS.billDownload}?token=${token}`,
    });
  }

  /** The file itself: a plain stream, not signed (the document says to skip verification here). */
  download(query: URLSearchParams): SimResponse {
    const ticket = this.tickets.get(query.get('token') ?? '');
    if (!ticket || ticket.expiresAt < this.state.clock.now()) {
      return errorAnswer(this.config, 'INVALID_REQUEST', '下载地址已过期，请重新申请账单');
    }
    return { status: 200, body: Buffer.from(ticket.bill, 'utf8'), contentType: 'text/plain; charset=utf-8' };
  }

  private snapshot(billDate: string): TradeBillRecord[] {
    let records = this.snapshots.get(billDate);
    if (!records) {
      records = this.records(billDate);
      this.snapshots.set(billDate, records);
    }
    return records;
  }

  /** Payments by their success time, refunds by the time WeChat Pay accepted them (受理). */
  private records(billDate: string): TradeBillRecord[] {
    const onDay = (ms: number | undefined) => ms !== undefined && beijingDate(ms) === billDate;
    const records: TradeBillRecord[] = [];
    for (const transaction of this.state.transactions.values()) {
      if (transaction.transactionId && onDay(transaction.successAt)) records.push(this.paymentRecord(transaction));
    }
    for (const refund of this.state.refunds.values()) {
      const transaction = this.state.transactions.get(refund.outTradeNo);
      if (transaction && onDay(refund.createdAt)) records.push(this.refundRecord(transaction, refund));
    }
    return records.sort((a, b) => a['交易时间'].localeCompare(b['交易时间']));
  }

  private base(transaction: SimTransaction, at: number): TradeBillRecord {
    return {
      交易时间: billTimeBeijing(at),
      公众账号ID: transaction.appid,
      商户号: transaction.mchid,
      特约商户号: '0',
      设备号: '',
      微信订单号: transaction.transactionId ?? '',
      商户订单号: transaction.outTradeNo,
      用户标识: transaction.openid,
      交易类型: 'JSAPI',
      交易状态: 'SUCCESS',
      付款银行: 'OTHERS',
      货币种类: 'CNY',
      应结订单金额: fenToYuan(transaction.totalFen),
      代金券金额: '0.00',
      微信退款单号: '0',
      商户退款单号: '0',
      退款金额: '0.00',
      充值券退款金额: '0.00',
      退款类型: '',
      退款状态: '',
      商品名称: transaction.description,
      商户数据包: transaction.attach ?? '',
      手续费: fenToYuan(Math.round(transaction.totalFen * FEE_RATE)),
      费率: '0.60%',
      订单金额: fenToYuan(transaction.totalFen),
      申请退款金额: '0.00',
      费率备注: '',
    };
  }

  private paymentRecord(transaction: SimTransaction): TradeBillRecord {
    return this.base(transaction, transaction.successAt ?? transaction.createdAt);
  }

  private refundRecord(transaction: SimTransaction, refund: SimRefund): TradeBillRecord {
    return {
      ...this.base(transaction, refund.createdAt),
      交易状态: 'REFUND',
      应结订单金额: '0.00',
      微信退款单号: refund.refundId,
      商户退款单号: refund.outRefundNo,
      退款金额: fenToYuan(refund.refundFen),
      退款类型: 'ORIGINAL',
      退款状态: refund.status,
      手续费: fenToYuan(-Math.round(refund.refundFen * FEE_RATE)),
      订单金额: '0.00',
      申请退款金额: fenToYuan(refund.refundFen),
    };
  }
}

const ofType = (record: TradeBillRecord, billType: string) =>
  billType === 'ALL' || (billType === 'SUCCESS' ? record['交易状态'] === 'SUCCESS' : record['交易状态'] === 'REFUND');

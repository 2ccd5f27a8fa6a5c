import { createHash } from 'node:crypto';
import { fenToYuan, VendorApiError, yuanToFen } from '../core/index.js';
import { WECHATPAY_VENDOR } from './types.js';

/** Columns of the ALL trade bill (交易账单), in the file's order. */
export const TRADE_BILL_COLUMNS = [
  '交易时间',
  '公众账号ID',
  '商户号',
  '特约商户号',
  '设备号',
  '微信订单号',
  '商户订单号',
  '用户标识',
  '交易类型',
  '交易状态',
  '付款银行',
  '货币种类',
  '应结订单金额',
  '代金券金额',
  '微信退款单号',
  '商户退款单号',
  '退款金额',
  '充值券退款金额',
  '退款类型',
  '退款状态',
  '商品名称',
  '商户数据包',
  '手续费',
  '费率',
  '订单金额',
  '申请退款金额',
  '费率备注',
] as const;

export const TRADE_BILL_SUMMARY_COLUMNS = [
  '总交易单数',
  '应结订单总金额',
  '退款总金额',
  '充值券退款总金额',
  '手续费总金额',
  '订单总金额',
  '申请退款总金额',
] as const;

type Column = (typeof TRADE_BILL_COLUMNS)[number];
export type TradeBillRecord = Record<Column, string>;

/** One line of the bill in our terms: money in fen, a payment (SUCCESS) or a refund (REFUND) line. */
export interface TradeBillLine {
  tradeTime: string;
  appid: string;
  mchid: string;
  transactionId: string;
  outTradeNo: string;
  openid: string;
  tradeState: string;
  settlementFen: number;
  refundId: string;
  outRefundNo: string;
  refundFen: number;
  refundStatus: string;
  description: string;
  attach: string;
  feeFen: number;
  orderFen: number;
  requestedRefundFen: number;
}

export interface TradeBillSummary {
  count: number;
  settlementFen: number;
  refundFen: number;
  feeFen: number;
  orderFen: number;
  requestedRefundFen: number;
}

export interface TradeBill {
  lines: TradeBillLine[];
  summary: TradeBillSummary;
}

const BOM = '\uFEFF';

/**
 * Writes a bill the way WeChat Pay does: UTF-8 with a BOM, a header line, one line per payment or
 * refund with a backquote before every value (so spreadsheets keep long numbers), then the summary
 * header and line. Amounts are yuan with two decimals.
 */
export function formatTradeBill(records: TradeBillRecord[]): string {
  const sum = (column: Column) => records.reduce((total, record) => total + (yuanToFen(record[column]) ?? 0), 0);
  const summary = [
    String(records.length),
    fenToYuan(sum('应结订单金额')),
    fenToYuan(sum('退款金额')),
    fenToYuan(sum('充值券退款金额')),
    fenToYuan(sum('手续费')),
    fenToYuan(sum('订单金额')),
    fenToYuan(sum('申请退款金额')),
  ];
  const lines = [
    TRADE_BILL_COLUMNS.join(','),
    ...records.map((record) => TRADE_BILL_COLUMNS.map((column) => `\`${record[column]}`).join(',')),
    TRADE_BILL_SUMMARY_COLUMNS.join(','),
    summary.map((value) => `\`${value}`).join(','),
  ];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** SHA1 of the uncompressed bill, as `hash_value` gives it. */
export const tradeBillHash = (bill: Buffer | string): string => createHash('sha1').update(bill).digest('hex');

function invalidBill(message: string): VendorApiError {
  return new VendorApiError(WECHATPAY_VENDOR, message, { code: 'INVALID_BILL' });
}

const cell = (value: string | undefined) => (value ?? '').replace(/^`/, '').trim();
const fen = (value: string | undefined) => yuanToFen(cell(value)) ?? 0;

/** Reads a trade bill (ALL, SUCCESS or REFUND) into typed lines and its summary. */
export function parseTradeBill(text: string): TradeBill {
  const rows = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((row) => row.trim() !== '');
  const header = rows.shift()?.split(',');
  const summaryAt = rows.findIndex((row) => row.startsWith(TRADE_BILL_SUMMARY_COLUMNS[0]));
  if (!header?.includes('商户订单号') || summaryAt < 0 || summaryAt + 1 >= rows.length) {
    throw invalidBill('wechatpay: the trade bill has no header or no summary');
  }
  const at = (name: string) => header.indexOf(name);
  const lines = rows.slice(0, summaryAt).map((row) => {
    const cells = row.split(',');
    const get = (name: string) => cell(cells[at(name)]);
    return {
      tradeTime: get('交易时间'),
      appid: get('公众账号ID'),
      mchid: get('商户号'),
      transactionId: get('微信订单号'),
      outTradeNo: get('商户订单号'),
      openid: get('用户标识'),
      tradeState: get('交易状态'),
      settlementFen: fen(cells[at('应结订单金额')]),
      refundId: get('微信退款单号'),
      outRefundNo: get('商户退款单号'),
      refundFen: fen(cells[at('退款金额')]),
      refundStatus: get('退款状态'),
      description: get('商品名称'),
      attach: get('商户数据包'),
      feeFen: fen(cells[at('手续费')]),
      orderFen: fen(cells[at('订单金额')]),
      requestedRefundFen: fen(cells[at('申请退款金额')]),
    };
  });
  const captions = rows[summaryAt].split(',');
  const values = rows[summaryAt + 1].split(',');
  const total = (name: string) => fen(values[captions.indexOf(name)]);
  return {
    lines,
    summary: {
      count: Number(cell(values[captions.indexOf('总交易单数')])),
      settlementFen: total('应结订单总金额'),
      refundFen: total('退款总金额'),
      feeFen: total('手续费总金额'),
      orderFen: total('订单总金额'),
      requestedRefundFen: total('申请退款总金额'),
    },
  };
}

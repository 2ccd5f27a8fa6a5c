/**
 * APIv3 error codes this project meets, with the HTTP status WeChat Pay answers them with and its
 * message (from the 公共错误码 / 业务错误码 tables of JSAPI下单, 查询订单, 关闭订单, 申请退款, 申请交易账单).
 * An error answer's body is `{"code": "…", "message": "…", "detail": {…}}`.
 */
export const WECHATPAY_ERRORS = {
  PARAM_ERROR: { status: 400, message: '参数错误' },
  INVALID_REQUEST: { status: 400, message: 'HTTP 请求不符合微信支付 APIv3 接口规则' },
  APPID_MCHID_NOT_MATCH: { status: 400, message: 'AppID和mch_id不匹配' },
  MCH_NOT_EXISTS: { status: 400, message: '商户号不存在' },
  ORDER_CLOSED: { status: 400, message: '订单已关闭' },
  NO_STATEMENT_EXIST: { status: 400, message: '账单文件不存在' },
  STATEMENT_CREATING: { status: 400, message: '账单生成中' },
  SIGN_ERROR: { status: 401, message: '签名错误' },
  ORDERPAID: { status: 403, message: '订单已支付' },
  OUT_TRADE_NO_USED: { status: 403, message: '商户订单号重复' },
  NOT_ENOUGH: { status: 403, message: '余额不足' },
  NO_AUTH: { status: 403, message: '商户无权限' },
  ORDER_NOT_EXIST: { status: 404, message: '订单不存在' },
  RESOURCE_NOT_EXISTS: { status: 404, message: '资源不存在' },
  FREQUENCY_LIMITED: { status: 429, message: '频率超限' },
  SYSTEM_ERROR: { status: 500, message: '系统错误' },
} as const;

export type WechatPayErrorCode = keyof typeof WECHATPAY_ERRORS;

/** What a failed call answers: the HTTP status and the JSON body. */
export function wechatpayErrorBody(code: WechatPayErrorCode, message?: string, detail?: unknown) {
  return {
    status: WECHATPAY_ERRORS[code].status,
    json: { code, message: message ?? WECHATPAY_ERRORS[code].message, ...(detail ? { detail } : {}) },
  };
}

/** 支付通知 / 退款结果通知 answers. Success is 200 or 204 with no body needed. */
export const WECHATPAY_NOTIFY_SUCCESS = { status: 204, body: '' } as const;

/** Failure is a 4xx or 5xx with `{"code": "FAIL", "message": "失败"}`; WeChat Pay then sends again. */
export function wechatpayNotifyFailure(message = '失败', status = 500) {
  return { status, body: JSON.stringify({ code: 'FAIL', message }) };
}

/** Only 200 and 204 count as received (the HTTP status decides; the body is not read). */
export const isWechatpayNotifyAcknowledged = (status: number): boolean => status === 200 || status === 204;

/**
 * 通知频率: 15s/15s/30s/3m/10m/20m/30m/30m/30m/60m/3h/3h/3h/6h/6h, in all 24h4m after the first
 * attempt. The simulator multiplies it by its time scale.
 */
export const WECHATPAY_NOTIFY_RETRY_SCHEDULE_MS: readonly number[] = [
  15, 15, 30, 180, 600, 1_200, 1_800, 1_800, 1_800, 3_600, 10_800, 10_800, 10_800, 21_600, 21_600,
].map((seconds) => seconds * 1_000);

import { VendorApiError, VendorError, type VendorApiErrorDetails } from '../core/index.js';

export const DOCLOUD_VENDOR = 'docloud';

/** 《错误码字典》, as the document lists it (1015's maintenance window is the document's own text). */
export const DOCLOUD_ERRORS: Readonly<Record<string, string>> = {
  '1000': '系统异常',
  '1001': '请求参数错误，具体请查看返回内容',
  '1002': '上传文件大小超过限制',
  '1003': '违章查询请求参数错误，具体请查看返回内容',
  '1004': 'APPID 不存在',
  '1005': '签名无效',
  '1006': '查询城市不能为空',
  '1007': '网络异常，请返回违章页面重试',
  '1008': '违章已处理完成，不能重复下单',
  '1009': 'app_key为空',
  '1010': '无权访问此接口',
  '1011': 'API接口调用超出授权次数',
  '1012': 'API接口调用太过频繁',
  '1013': '查询失败',
  '1014': '查询中,请稍后再试',
  '1015': '官方接口维护中，维护时间：2050-01-01 08:00 至 2050-01-01 12:00',
  '1016': '该接口不支持异地车牌查询',
  '1020': '车辆信息错误',
  '1021': '发动机号错误',
  '1022': '车架号错误',
  '1030': '车牌格式错误',
  '1031': '该城市暂未开通',
  '1032': '车架号或发动机号位数错误',
  '1035': '请输入正确的11位手机号码',
  '1036': '同一车牌号不能重复添加',
  '1037': '用户车辆不能大于3辆',
  '1086': '系统维护，暂不支持查询',
  '1101': '无效的 TOKEN',
  '1102': '用户与订单不匹配',
  '1103': '抱歉，处理城市暂不支持违章代缴',
  '1104': '违章已在处理中，不能重复下单',
  '1105': '订单金额有误',
  '1106': '无待处理违章',
  '1107': '违章信息校验失败，可能违章CODE错误',
  '1108': '违章已处理完成，不能重复下单',
  '1109': '挂账支付失败',
  '1110': 'TOKEN为空',
  '1117': '提交的订单号已存在',
  '1120': '订单已支付',
  '1121': '订单已失效',
  '1141': '添加失败',
  '1142': '操作失败',
};

/** Codes that describe a passing state of the vendor (busy, maintenance, network), worth trying later. */
const TRANSIENT_CODES = new Set(['1000', '1007', '1012', '1013', '1014', '1015', '1086']);

/** A `{success: false, errCode, message}` answer. `code` is the vendor's errCode as a string. */
export class DocloudApiError extends VendorApiError {
  /** The document's meaning of the code, when it lists one. */
  readonly meaning?: string;

  constructor(message: string, details: VendorApiErrorDetails) {
    super(DOCLOUD_VENDOR, message, details);
    this.meaning = DOCLOUD_ERRORS[details.code];
  }

  override get retryable(): boolean {
    return super.retryable || TRANSIENT_CODES.has(this.code);
  }
}

/**
 * 1117: the `outOrderNo` was already used. Create-order calls are retried after a timeout, so this
 * can be our own earlier attempt that the vendor did receive: the order exists, look it up by the
 * order id stored when it first answered, or treat the outOrderNo as spent.
 */
export class DocloudDuplicateOrderError extends DocloudApiError {}

/** A callback whose signature is right but whose body is not what the document describes. */
export class DocloudCallbackFormatError extends VendorError {}

export function docloudApiError(
  errCode: unknown,
  message: unknown,
  extra: { httpStatus?: number; rawBody?: string } = {},
): DocloudApiError {
  const code = errCode === undefined || errCode === null || errCode === '' ? 'UNKNOWN' : String(errCode).trim();
  const text = typeof message === 'string' && message !== '' ? message : (DOCLOUD_ERRORS[code] ?? 'docloud error');
  const details = { code, ...extra };
  return code === '1117' ? new DocloudDuplicateOrderError(text, details) : new DocloudApiError(text, details);
}

/** Whether `error` is the vendor's answer with one of `codes`. */
export function isDocloudError(error: unknown, ...codes: string[]): error is DocloudApiError {
  return error instanceof DocloudApiError && (codes.length === 0 || codes.includes(error.code));
}

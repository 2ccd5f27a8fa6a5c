/** What an error code means and what to do about it, for people operating the service. */
export interface ZhimaErrorInfo {
  /** 错误描述 */
  meaning: string;
  /** 解决方案 */
  whatToDo: string;
  /**
   * Whether trying again later may succeed. The certify call is not idempotent: a retry is a new
   * attempt with a new transaction_id, decided by the caller.
   */
  retryLater: boolean;
}

/**
 * 《业务错误码 / 公共错误码》 of the vendor document: the `sub_code` values that come with code 40004.
 * Wording follows the document; 「请确定的产品码正确」 is read as 「请确认产品码正确」.
 */
export const ZHIMA_BUSINESS_ERRORS = {
  SYSTEM_ERROR: { meaning: '系统繁忙', whatToDo: '系统繁忙，请稍后再试', retryLater: true },
  INVALID_PARAMETER: { meaning: '参数有误', whatToDo: '根据错误码描述修改入参后再重试', retryLater: false },
  BIZ_ERROR: { meaning: '业务异常，认证失败', whatToDo: '请根据错误码描述检查错误原因', retryLater: false },
  ARRANGEMENT_ERROR: {
    meaning: '合约异常',
    whatToDo: '请确认产品码正确，合约已经生效，并且包含此业务的权限',
    retryLater: false,
  },
  TRANSACTION_ERROR: { meaning: '交易订单异常', whatToDo: '交易订单更新失败，请稍后重新发起', retryLater: true },
  UNSUPPORTED_BIZ_CODE: { meaning: '不支持的认证场景', whatToDo: '请使用已签约的认证场景', retryLater: false },
} as const satisfies Record<string, ZhimaErrorInfo>;

export type ZhimaBusinessErrorCode = keyof typeof ZHIMA_BUSINESS_ERRORS;

export const ZHIMA_BUSINESS_ERROR_CODES = Object.keys(ZHIMA_BUSINESS_ERRORS) as ZhimaBusinessErrorCode[];

export function isZhimaBusinessErrorCode(value: unknown): value is ZhimaBusinessErrorCode {
  return typeof value === 'string' && Object.hasOwn(ZHIMA_BUSINESS_ERRORS, value);
}

/**
 * The Alipay OpenAPI gateway's own `code` values (公共错误码 of the open platform), which come
 * before any business code: 10000 is success, everything else a failure with a `sub_code`.
 */
export const ALIPAY_GATEWAY_CODES = {
  '10000': { meaning: '接口调用成功', whatToDo: '无需处理', retryLater: false },
  '20000': { meaning: '服务不可用', whatToDo: '支付宝系统繁忙，请稍后再试', retryLater: true },
  '20001': { meaning: '授权权限不足', whatToDo: '检查应用授权令牌 app_auth_token 是否有效', retryLater: false },
  '40001': { meaning: '缺少必选参数', whatToDo: '按 sub_code 补齐缺少的参数', retryLater: false },
  '40002': {
    meaning: '非法的参数',
    whatToDo: '按 sub_code 检查参数；isv.invalid-signature 表示应用私钥与开放平台上的应用公钥不匹配',
    retryLater: false,
  },
  '40004': { meaning: '业务处理失败', whatToDo: '按 sub_code 查业务错误码', retryLater: false },
  '40006': { meaning: '权限不足', whatToDo: '确认应用已签约芝麻认证产品并开通了此接口的权限', retryLater: false },
} as const satisfies Record<string, ZhimaErrorInfo>;

export type AlipayGatewayCode = keyof typeof ALIPAY_GATEWAY_CODES;

/**
 * Looks up what a failure means: the business `sub_code` when it is one of the document's codes,
 * otherwise the gateway `code`. Undefined for codes nobody documented.
 */
export function describeZhimaError(error: { code?: string; subCode?: string }): ZhimaErrorInfo | undefined {
  if (isZhimaBusinessErrorCode(error.subCode)) return ZHIMA_BUSINESS_ERRORS[error.subCode];
  if (error.code !== undefined && Object.hasOwn(ALIPAY_GATEWAY_CODES, error.code)) {
    return ALIPAY_GATEWAY_CODES[error.code as AlipayGatewayCode];
  }
  return undefined;
}

import type { ZhimaBusinessErrorCode } from '@banshi/vendor-clients/zhima';

/** The answer object the gateway puts under `<method>_response` (or `error_response`). */
export interface GatewayAnswer {
  code: string;
  msg: string;
  sub_code?: string;
  sub_msg?: string;
  biz_no?: string;
  passed?: 'true' | 'false';
  failed_reason?: string;
}

/** A refusal, and whether the gateway can sign it (it cannot when it does not know the app). */
export interface GatewayRefusal {
  answer: GatewayAnswer;
  signed: boolean;
  /** Answer under `error_response` instead of the method's key (an unknown method has no key). */
  asErrorResponse?: boolean;
}

export const missingArgument = (subCode: string, subMsg: string): GatewayRefusal => ({
  answer: { code: '40001', msg: 'Missing Required Arguments', sub_code: subCode, sub_msg: subMsg },
  signed: true,
});

export const invalidArgument = (subCode: string, subMsg: string): GatewayRefusal => ({
  answer: { code: '40002', msg: 'Invalid Arguments', sub_code: subCode, sub_msg: subMsg },
  signed: true,
});

export const businessFailed = (subCode: ZhimaBusinessErrorCode, subMsg: string): GatewayRefusal => ({
  answer: { code: '40004', msg: 'Business Failed', sub_code: subCode, sub_msg: subMsg },
  signed: true,
});

/** The document's 异常示例. */
export const serviceUnavailable = (): GatewayRefusal => ({
  answer: { code: '20000', msg: 'Service Currently Unavailable', sub_code: 'isp.unknow-error', sub_msg: '系统繁忙' },
  signed: true,
});

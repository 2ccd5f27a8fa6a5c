import type { KeyObject } from 'node:crypto';
import {
  parseAlipayTimestamp,
  ZHIMA_CERTIFY_METHOD,
  requestSigningString,
  verifyRequestSignature,
} from '@banshi/vendor-clients/zhima';
import { invalidArgument, missingArgument, type GatewayRefusal } from './gateway-answers.js';

export interface CommonParamContext {
  appId: string;
  appPublicKey: KeyObject;
  now: number;
  timestampToleranceMs: number;
}

const REQUIRED_AFTER_METHOD: [param: string, subCode: string, subMsg: string][] = [
  ['sign_type', 'isv.missing-signature-type', '缺少签名类型参数'],
  ['sign', 'isv.missing-signature', '缺少签名参数'],
  ['timestamp', 'isv.missing-timestamp', '缺少时间戳参数'],
  ['version', 'isv.missing-version', '缺少版本参数'],
];

/**
 * 《公共请求参数》 as the gateway checks them, in the gateway's order: which app (it cannot sign an
 * answer for an app it does not know), which method, then the signature, then the rest.
 */
export function checkCommonParams(params: Record<string, string>, ctx: CommonParamContext): GatewayRefusal | undefined {
  if (!params.app_id) return { ...missingArgument('isv.missing-app-id', '缺少AppID参数'), signed: false };
  if (params.app_id !== ctx.appId) {
    // The real gateway answers an unknown app_id without a `sign`: there is no key to sign with.
    return { ...invalidArgument('isv.invalid-app-id', '无效的AppID参数'), signed: false };
  }
  if (!params.method) return missingArgument('isv.missing-method', '缺少方法名参数');
  if (params.method !== ZHIMA_CERTIFY_METHOD) {
    return { ...invalidArgument('isv.invalid-method', '不存在的方法名'), asErrorResponse: true };
  }
  for (const [param, subCode, subMsg] of REQUIRED_AFTER_METHOD) {
    if (!params[param]) return missingArgument(subCode, subMsg);
  }
  if (params.sign_type !== 'RSA2') return invalidArgument('isv.invalid-signature-type', '无效的签名类型参数');
  if (!verifyRequestSignature(params, ctx.appPublicKey)) {
    return invalidArgument(
      'isv.invalid-signature',
      `验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为：${redactedSigningString(params)}`,
    );
  }
  const sentAt = parseAlipayTimestamp(params.timestamp);
  if (sentAt === undefined || Math.abs(ctx.now - sentAt) > ctx.timestampToleranceMs) {
    return invalidArgument('isv.invalid-timestamp', '非法的时间戳参数');
  }
  if (params.version !== '1.0') return invalidArgument('isv.invalid-parameter', '参数无效：version 固定为 1.0');
  if (params.format !== undefined && params.format.toUpperCase() !== 'JSON') {
    return invalidArgument('isv.invalid-format', '无效的数据格式参数');
  }
  if (params.charset !== undefined && !['utf-8', 'utf8'].includes(params.charset.toLowerCase())) {
    // The real gateway also takes GBK; this simulator decodes UTF-8 only.
    return invalidArgument('isv.invalid-charset', '字符集错误');
  }
  return undefined;
}

/**
 * The real gateway quotes its whole signing string back; this one leaves `biz_content` out, because
 * it carries a name, an ID number and a face photo that would end up in error logs.
 */
function redactedSigningString(params: Record<string, string>): string {
  const shown = { ...params };
  if (shown.biz_content) shown.biz_content = `<${shown.biz_content.length} 个字符>`;
  return requestSigningString(shown);
}

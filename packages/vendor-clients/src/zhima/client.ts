import { AlipaySdk } from 'alipay-sdk';
import { checkIdNumber, normaliseIdNumber, systemClock, VendorApiError, type Clock } from '../core/index.js';
import { preparePrivateKey, publicKeyBody } from './keys.js';
import { mapSdkError, ZHIMA_VENDOR } from './sdk-errors.js';
import { formatAlipayTimestamp } from './timestamp.js';
import { isValidTransactionId } from './transaction-id.js';
import {
  ZHIMA_BIZ_CODE_FACE_API,
  ZHIMA_CERTIFY_METHOD,
  type CertifyMaterialParams,
  type CertifyMaterialResult,
  type ZhimaCertifyBizContent,
  type ZhimaCertifyResponseBody,
  type ZhimaClientOptions,
  type ZhimaIdentityParam,
} from './types.js';

/** Document limits (最大长度) checked before a paid call is spent on a request the gateway would refuse. */
const MAX_MATERIALS_LENGTH = 204_800;
const MAX_IDENTITY_PARAM_LENGTH = 204_800;
const MAX_MERCHANT_CONFIG_LENGTH = 1024;
const MAX_EXT_BIZ_PARAM_LENGTH = 2048;
const MAX_LINKED_MERCHANT_ID_LENGTH = 16;
const DEFAULT_TIMEOUT_MS = 15_000;

/** A request the client refuses to send; `message` is Chinese and can be shown to the person. */
export class ZhimaInvalidInputError extends Error {
  override name = 'ZhimaInvalidInputError';

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Alipay Zhima certification (芝麻认证) over the Alipay OpenAPI gateway, signed and verified by the
 * official alipay-sdk. One method, not retried: a lost answer may still have produced a result, so
 * trying again is the caller's decision, with a new transaction_id.
 */
export class ZhimaClient {
  private readonly sdk: AlipaySdk;
  private readonly clock: Clock;
  private readonly timeoutMs: number;

  constructor(private readonly options: ZhimaClientOptions) {
    if (!options.appId) throw new TypeError('zhima: appId is required');
    if (!options.productCode) throw new TypeError('zhima: productCode is required');
    const privateKey = preparePrivateKey(options.privateKey);
    this.clock = options.clock ?? systemClock;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.sdk = new AlipaySdk({
      appId: options.appId,
      // Bare base64 bodies: the sdk rebuilds the PEM armour from keyType, so the two must agree.
      privateKey: privateKey.body,
      keyType: privateKey.keyType,
      alipayPublicKey: publicKeyBody(options.alipayPublicKey),
      gateway: gatewayUrl(options.gateway),
      signType: 'RSA2',
      charset: 'utf-8',
      version: '1.0',
      timeout: this.timeoutMs,
      // Keep the document's snake_case field names rather than the sdk's camelCase copies.
      camelcase: false,
    });
  }

  /**
   * 《zhima.customer.certification.material.certify (芝麻认证材料认证)》: checks a name, an identity
   * card number and a face photo (`FACE_API`). A still photo, with no liveness check.
   *
   * Resolves with the vendor's verdict, pass or fail. Throws `ZhimaInvalidInputError` before sending
   * anything the document forbids; `VendorApiError` (code = gateway `code`, subCode = `sub_code`)
   * when the gateway answers other than 10000, or with `httpStatus` for an HTTP error;
   * `SignatureVerificationError` when the answer's signature does not verify;
   * `VendorTimeoutError` / `VendorConnectionError` when no answer came.
   */
  async certifyMaterial(params: CertifyMaterialParams): Promise<CertifyMaterialResult> {
    const bizContent = this.buildBizContent(params);
    let body: unknown;
    try {
      body = await this.sdk.exec(
        ZHIMA_CERTIFY_METHOD,
        // The sdk would stamp the process's local time; the gateway reads Beijing time.
        { bizContent, timestamp: formatAlipayTimestamp(this.clock.now()) },
        { validateSign: true },
      );
    } catch (error) {
      throw mapSdkError(error, this.timeoutMs);
    }
    return readCertifyResponse(body as ZhimaCertifyResponseBody);
  }

  private buildBizContent(params: CertifyMaterialParams): ZhimaCertifyBizContent {
    if (!isValidTransactionId(params.transactionId)) {
      throw new ZhimaInvalidInputError('transactionId', 'transaction_id 应为不超过32位的字母、数字或下划线');
    }
    const certName = params.certName.trim();
    if (!certName) throw new ZhimaInvalidInputError('certName', '请填写身份证上的姓名');
    const certNo = normaliseIdNumber(params.certNo);
    const idCheck = checkIdNumber(certNo, new Date(this.clock.now()));
    if (!idCheck.valid) throw new ZhimaInvalidInputError('certNo', idCheck.message);

    const face = faceBase64(params.facePicture);
    if (!face) throw new ZhimaInvalidInputError('facePicture', '请上传人脸照片');
    const identity: ZhimaIdentityParam = {
      identity_type: 'CERT_INFO',
      cert_type: 'IDENTITY_CARD',
      cert_name: certName,
      cert_no: certNo,
    };
    const identityParam = JSON.stringify(identity);
    if (identityParam.length > MAX_IDENTITY_PARAM_LENGTH) {
      throw new ZhimaInvalidInputError('certName', '姓名过长，请核对');
    }
    const materials = JSON.stringify({ FACIAL_PICTURE_FRONT: face });
    if (materials.length > MAX_MATERIALS_LENGTH) {
      throw new ZhimaInvalidInputError('facePicture', '人脸照片太大，请压缩到 150 KB 以内后重试');
    }

    const bizContent: ZhimaCertifyBizContent = {
      transaction_id: params.transactionId,
      product_code: this.options.productCode,
      biz_code: ZHIMA_BIZ_CODE_FACE_API,
      identity_param: identityParam,
      materials,
    };
    const merchantConfig = optionalJson('merchantConfig', params.merchantConfig, MAX_MERCHANT_CONFIG_LENGTH);
    if (merchantConfig !== undefined) bizContent.merchant_config = merchantConfig;
    const extBizParam = optionalJson('extBizParam', params.extBizParam, MAX_EXT_BIZ_PARAM_LENGTH);
    if (extBizParam !== undefined) bizContent.ext_biz_param = extBizParam;
    const linkedMerchantId = params.linkedMerchantId ?? this.options.linkedMerchantId;
    if (linkedMerchantId) {
      if (linkedMerchantId.length > MAX_LINKED_MERCHANT_ID_LENGTH) {
        throw new ZhimaInvalidInputError('linkedMerchantId', 'linked_merchant_id 不能超过16位');
      }
      bizContent.linked_merchant_id = linkedMerchantId;
    }
    return bizContent;
  }
}

/** Accepts the gateway URL with or without its `/gateway.do` path. */
function gatewayUrl(gateway: string): string {
  const url = new URL(gateway);
  if (!url.pathname.endsWith('/gateway.do')) url.pathname = `${url.pathname.replace(/\/+$/, '')}/gateway.do`;
  return url.toString();
}

function faceBase64(picture: Buffer | string): string {
  if (Buffer.isBuffer(picture)) return picture.toString('base64');
  return picture.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
}

function optionalJson(field: string, value: Record<string, unknown> | undefined, max: number): string | undefined {
  if (value === undefined) return undefined;
  const text = JSON.stringify(value);
  if (text.length > max) throw new ZhimaInvalidInputError(field, `${field} 超过 ${max} 个字符`);
  return text;
}

function readCertifyResponse(body: ZhimaCertifyResponseBody): CertifyMaterialResult {
  const rawBody = JSON.stringify(body);
  if (body.code !== '10000') {
    throw new VendorApiError(ZHIMA_VENDOR, body.sub_msg ?? body.msg ?? `芝麻认证失败（${body.code}）`, {
      code: String(body.code),
      subCode: body.sub_code,
      httpStatus: 200,
      rawBody,
    });
  }
  // The document types `passed` as a string; accept a JSON boolean too rather than misread it.
  const passed = body.passed as unknown;
  const verdict = passed === 'true' || passed === true ? true : passed === 'false' || passed === false ? false : null;
  if (verdict === null || !body.biz_no) {
    throw new VendorApiError(ZHIMA_VENDOR, '芝麻认证应答缺少 biz_no 或 passed', {
      code: 'INVALID_RESPONSE',
      httpStatus: 200,
      rawBody,
    });
  }
  if (verdict) return { bizNo: body.biz_no, passed: true };
  return { bizNo: body.biz_no, passed: false, failedReason: body.failed_reason || '认证未通过' };
}

import type { Clock } from '../core/index.js';

/** The one Alipay OpenAPI method this package speaks. */
export const ZHIMA_CERTIFY_METHOD = 'zhima.customer.certification.material.certify';
/** Key of the answer object in the gateway's JSON: the method with dots as underscores, plus `_response`. */
export const ZHIMA_CERTIFY_RESPONSE_KEY = 'zhima_customer_certification_material_certify_response';
/** The only scene (认证场景码) this package uses: a face photo compared with the ID card's photo. */
export const ZHIMA_BIZ_CODE_FACE_API = 'FACE_API';

export const ALIPAY_PRODUCTION_GATEWAY = 'https://openapi.alipay.com/gateway.do';
export const ALIPAY_SANDBOX_GATEWAY = 'https://openapi-sandbox.dl.alipaydev.com/gateway.do';

export interface ZhimaClientOptions {
  /** 支付宝分配给开发者的应用ID (`app_id`). */
  appId: string;
  /** The app's RSA private key: PKCS1 or PKCS8 PEM, or the bare base64 body as Alipay's key tool gives it. */
  privateKey: string;
  /** Alipay's public key for this app (支付宝公钥): PEM or bare base64, used to verify every answer. */
  alipayPublicKey: string;
  /** The gateway: its full `…/gateway.do` URL, or a base URL to which `/gateway.do` is appended. */
  gateway: string;
  /** 芝麻认证产品码 from the merchant's contract, e.g. `w1010100000000002978`. */
  productCode: string;
  /** 二级商户标识, only in the Zhima service-provider mode. */
  linkedMerchantId?: string;
  /** Time allowed for the gateway's answer; the sdk's own default (5 s) is short for a face comparison. */
  timeoutMs?: number;
  /** Source of the request `timestamp`; injectable for tests. */
  clock?: Clock;
}

/** What `certifyMaterial` needs to know about one attempt. */
export interface CertifyMaterialParams {
  /** 商户请求的唯一标志: ≤ 32 letters, digits or `_`; a new one for every attempt (see `makeTransactionId`). */
  transactionId: string;
  /** Name as printed on the identity card. */
  certName: string;
  /** 18-character resident identity card number. */
  certNo: string;
  /** The face photo (JPEG or PNG): raw bytes, or its base64 text (a `data:` URL prefix is accepted). */
  facePicture: Buffer | string;
  /** 商户可选的一些设置 (`merchant_config`): sent as a JSON string. */
  merchantConfig?: Record<string, unknown>;
  /** 扩展业务参数 (`ext_biz_param`), reserved by the vendor: sent as a JSON string. */
  extBizParam?: Record<string, unknown>;
  /** Overrides the client's `linkedMerchantId` for this call. */
  linkedMerchantId?: string;
}

export interface CertifyMaterialResult {
  /** 本次认证的唯一标识 (`biz_no`): keep it, the vendor's later operations need it. */
  bizNo: string;
  /** Whether the person passed: `passed` "true" / "false" turned into a boolean. */
  passed: boolean;
  /** 认证不通过的原因, in the vendor's Chinese; present only when `passed` is false. */
  failedReason?: string;
}

/** The answer object under `zhima_customer_certification_material_certify_response`, as the gateway sends it. */
export interface ZhimaCertifyResponseBody {
  code: string;
  msg: string;
  sub_code?: string;
  sub_msg?: string;
  biz_no?: string;
  passed?: string;
  failed_reason?: string;
}

/** `identity_param` for `FACE_API`: the person's identity card details. */
export interface ZhimaIdentityParam {
  identity_type: 'CERT_INFO';
  cert_type: 'IDENTITY_CARD';
  cert_name: string;
  cert_no: string;
}

/** Business parameters of the method, the object serialised into `biz_content`. */
export interface ZhimaCertifyBizContent {
  transaction_id: string;
  product_code: string;
  biz_code: string;
  /** JSON text of a `ZhimaIdentityParam`: a JSON string nested inside the `biz_content` JSON. */
  identity_param: string;
  /** JSON text of `{"FACIAL_PICTURE_FRONT": <base64>}`. */
  materials: string;
  merchant_config?: string;
  ext_biz_param?: string;
  linked_merchant_id?: string;
}

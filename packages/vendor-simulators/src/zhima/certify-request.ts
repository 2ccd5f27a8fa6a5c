import sharp from 'sharp';
import { checkIdNumber, normaliseIdNumber } from '@banshi/vendor-clients';
import { isValidTransactionId, ZHIMA_BIZ_CODE_FACE_API } from '@banshi/vendor-clients/zhima';
import { businessFailed, missingArgument, type GatewayRefusal } from './gateway-answers.js';

/** The face photo as the simulator saw it; the photo itself is never kept. */
export interface FaceSummary {
  bytes: number;
  format: string;
  width: number;
  height: number;
}

/** A request whose 《请求参数》 all passed the document's rules. */
export interface CertifyRequest {
  transactionId: string;
  productCode: string;
  bizCode: string;
  certName: string;
  certNo: string;
  face: FaceSummary;
  merchantConfig?: string;
  extBizParam?: string;
  linkedMerchantId?: string;
}

export type ParsedCertifyRequest =
  { ok: true; request: CertifyRequest } | { ok: false; refusal: GatewayRefusal; seen: Partial<CertifyRequest> };

export interface CertifyRequestContext {
  /** The product code of the merchant's contract; any other is an ARRANGEMENT_ERROR. */
  productCode: string;
  today: Date;
}

/** 最大长度 column of 《请求参数》. */
const MAX_LENGTH: Record<string, number> = {
  transaction_id: 32,
  product_code: 32,
  biz_code: 32,
  identity_param: 204_800,
  materials: 204_800,
  merchant_config: 1024,
  ext_biz_param: 2048,
  linked_merchant_id: 16,
};
const REQUIRED = ['transaction_id', 'product_code', 'biz_code', 'identity_param', 'materials'] as const;
const OPTIONAL = ['merchant_config', 'ext_biz_param', 'linked_merchant_id'] as const;
const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const ACCEPTED_FORMATS = new Set(['jpeg', 'png']);

class Refused extends Error {
  constructor(readonly refusal: GatewayRefusal) {
    super(refusal.answer.sub_msg);
  }
}

const invalid = (subMsg: string) => new Refused(businessFailed('INVALID_PARAMETER', subMsg));

/** Checks `biz_content` and everything nested in it, decoding the face photo with sharp. */
export async function parseCertifyRequest(
  bizContentText: string | undefined,
  ctx: CertifyRequestContext,
): Promise<ParsedCertifyRequest> {
  const seen: Partial<CertifyRequest> = {};
  try {
    return { ok: true, request: await parse(bizContentText, ctx, seen) };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, refusal: error.refusal, seen };
    throw error;
  }
}

async function parse(
  bizContentText: string | undefined,
  ctx: CertifyRequestContext,
  seen: Partial<CertifyRequest>,
): Promise<CertifyRequest> {
  if (!bizContentText) throw new Refused(missingArgument('isv.missing-parameter', '缺少必选参数：biz_content'));
  const biz = parseJsonObject(bizContentText, 'biz_content');
  const fields: Record<string, string> = {};
  for (const name of [...REQUIRED, ...OPTIONAL]) {
    const value = biz[name];
    if (value === undefined || value === null || value === '') {
      if ((REQUIRED as readonly string[]).includes(name)) {
        throw new Refused(missingArgument('isv.missing-parameter', `缺少必选参数：${name}`));
      }
      continue;
    }
    if (typeof value !== 'string') throw invalid(`${name} 应为字符串`);
    if (value.length > MAX_LENGTH[name]) throw invalid(`${name} 超过最大长度 ${MAX_LENGTH[name]}`);
    fields[name] = value;
  }

  seen.transactionId = fields.transaction_id;
  seen.productCode = fields.product_code;
  seen.bizCode = fields.biz_code;
  if (!isValidTransactionId(fields.transaction_id)) {
    throw invalid('transaction_id 格式错误，应为不超过32位的字母、数字或下划线组合');
  }
  if (fields.product_code !== ctx.productCode) {
    throw new Refused(businessFailed('ARRANGEMENT_ERROR', '产品码不存在或合约未生效'));
  }
  if (fields.biz_code !== ZHIMA_BIZ_CODE_FACE_API) {
    throw new Refused(businessFailed('UNSUPPORTED_BIZ_CODE', `不支持的认证场景：${fields.biz_code}`));
  }

  const identity = parseJsonObject(fields.identity_param, 'identity_param');
  if (typeof identity.cert_name === 'string') seen.certName = identity.cert_name;
  if (typeof identity.cert_no === 'string') seen.certNo = identity.cert_no;
  if (identity.identity_type !== 'CERT_INFO') throw invalid('identity_type 不支持，FACE_API 场景应为 CERT_INFO');
  if (identity.cert_type !== 'IDENTITY_CARD') throw invalid('cert_type 不支持，应为 IDENTITY_CARD');
  if (typeof identity.cert_name !== 'string' || !identity.cert_name.trim()) throw invalid('cert_name 不能为空');
  if (typeof identity.cert_no !== 'string') throw invalid('cert_no 不能为空');
  const idCheck = checkIdNumber(identity.cert_no, ctx.today);
  if (!idCheck.valid) throw invalid(`身份证号码不合法：${idCheck.message}`);

  const face = await decodeFace(parseJsonObject(fields.materials, 'materials').FACIAL_PICTURE_FRONT);
  seen.face = face;
  for (const name of ['merchant_config', 'ext_biz_param'] as const) {
    if (fields[name] !== undefined) parseJsonObject(fields[name], name);
  }
  return {
    transactionId: fields.transaction_id,
    productCode: fields.product_code,
    bizCode: fields.biz_code,
    certName: identity.cert_name.trim(),
    certNo: normaliseIdNumber(identity.cert_no),
    face,
    merchantConfig: fields.merchant_config,
    extBizParam: fields.ext_biz_param,
    linkedMerchantId: fields.linked_merchant_id,
  };
}

function parseJsonObject(text: string, name: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid(`${name} 不是合法的 JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(`${name} 应为 JSON 对象`);
  return value as Record<string, unknown>;
}

async function decodeFace(value: unknown): Promise<FaceSummary> {
  if (typeof value !== 'string' || !value) throw invalid('缺少认证材料 FACIAL_PICTURE_FRONT');
  if (!STRICT_BASE64.test(value)) throw invalid('人脸照片 FACIAL_PICTURE_FRONT 不是合法的 Base64 编码');
  const bytes = Buffer.from(value, 'base64');
  try {
    const image = sharp(bytes);
    const meta = await image.metadata();
    // metadata() reads only the header; stats() decodes every pixel, so a truncated file fails here.
    await image.stats();
    if (!meta.format || !ACCEPTED_FORMATS.has(meta.format) || !meta.width || !meta.height) {
      throw invalid('人脸照片格式不支持，请上传 JPG 或 PNG 图片');
    }
    return { bytes: bytes.length, format: meta.format, width: meta.width, height: meta.height };
  } catch (error) {
    if (error instanceof Refused) throw error;
    throw invalid('人脸照片无法解码，请上传清晰的 JPG 或 PNG 图片');
  }
}

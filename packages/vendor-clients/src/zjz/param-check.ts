import { checkIdNumber } from '../core/index.js';
import { ZJZ_MAX_IMAGE_BYTES } from './limits.js';
import type { ZjzParamField, ZjzParamKind, ZjzReceiptSpec } from './catalogue.js';

/** One thing wrong with a `param` or `print_param` field, worded for the person who typed it. */
export interface ZjzParamProblem {
  field: string;
  label: string;
  message: string;
}

/** Mainland mobile numbers: 11 digits starting 13-19. */
export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/** The recipient fields of `print_param`, all required when `is_print=1`. */
export const ZJZ_PRINT_PARAM_FIELDS: readonly ZjzParamField[] = [
  { name: 'name', label: '收件人姓名', kind: 'text', required: true },
  { name: 'phone', label: '收件人手机号', kind: 'phone', required: true },
  { name: 'province', label: '省份', kind: 'city', required: true },
  { name: 'city', label: '城市', kind: 'city', required: true },
  { name: 'district', label: '区县', kind: 'city', required: true },
  { name: 'address', label: '详细地址', kind: 'text', required: true },
];

/** Base64 text (optionally a data URL) → bytes; undefined when it is not base64 at all. */
export function decodeBase64Image(value: string): Buffer | undefined {
  const body = value.replace(/^data:image\/[a-z+.-]+;base64,/i, '').replace(/[\r\n]/g, '');
  if (body === '' || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(body)) return undefined;
  return Buffer.from(body, body.includes('-') || body.includes('_') ? 'base64url' : 'base64');
}

/** Whether the bytes start like a JPEG or a PNG. A cheap check: the simulator decodes the image in full. */
export function looksLikeJpegOrPng(bytes: Buffer): boolean {
  const jpeg = bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  const png = bytes.length > 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]));
  return jpeg || png;
}

function valueProblem(kind: ZjzParamKind, value: string, today: Date): string | undefined {
  switch (kind) {
    case 'text':
      return value.length > 50 || /\p{Cc}/u.test(value) ? '内容过长或含有非法字符' : undefined;
    case 'city':
      return /^[\u4e00-\u9fa5A-Za-z·\s]{1,20}$/.test(value) ? undefined : '应为地名，不超过20个字';
    case 'phone':
      return MAINLAND_MOBILE.test(value) ? undefined : '应为11位手机号';
    case 'idcard': {
      const check = checkIdNumber(value, today);
      return check.valid ? undefined : check.message;
    }
    case 'image': {
      const bytes = decodeBase64Image(value);
      if (!bytes) return '应为base64编码的图片';
      if (bytes.length > ZJZ_MAX_IMAGE_BYTES) return '图片大小不能超过5M';
      return looksLikeJpegOrPng(bytes) ? undefined : '仅支持JPG、JPEG、PNG格式';
    }
  }
}

function readValue(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw.trim() === '' ? undefined : raw.trim();
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  return undefined;
}

function checkFields(
  fields: readonly ZjzParamField[],
  values: Record<string, unknown>,
  today: Date,
  prefix: string,
): ZjzParamProblem[] {
  const problems: ZjzParamProblem[] = [];
  for (const field of fields) {
    const raw = values[field.name];
    const value = readValue(raw);
    const name = `${prefix}${field.name}`;
    if (value === undefined) {
      if (raw !== undefined && raw !== null && raw !== '') {
        problems.push({ field: name, label: field.label, message: `${field.label}（${name}）格式错误` });
      } else if (field.required) {
        problems.push({ field: name, label: field.label, message: `缺少${field.label}（${name}）` });
      }
      continue;
    }
    const problem = valueProblem(field.kind, value, today);
    if (problem)
      problems.push({ field: name, label: field.label, message: `${field.label}（${name}）有误：${problem}` });
  }
  return problems;
}

/**
 * Checks a receipt `param` against its spec: required fields present, each value of its kind
 * (ID numbers by GB 11643, mobiles as 11 digits), and one complete set of each `oneOf`.
 * Used by the server before submitting and by the simulator as the vendor's own check.
 */
export function checkReceiptParam(
  spec: ZjzReceiptSpec,
  param: Record<string, unknown>,
  today: Date = new Date(),
): ZjzParamProblem[] {
  const problems = checkFields(spec.params, param, today, '');
  if (spec.oneOf && spec.oneOf.length > 0) {
    const complete = spec.oneOf.some((set) => set.every((name) => readValue(param[name]) !== undefined));
    if (!complete) {
      const labelOf = (name: string) => spec.params.find((field) => field.name === name)?.label ?? name;
      const wording = spec.oneOf.map((set) => set.map((name) => `${labelOf(name)}（${name}）`).join('和')).join('，或');
      problems.push({ field: spec.oneOf[0][0], label: labelOf(spec.oneOf[0][0]), message: `请填写${wording}` });
    }
  }
  return problems;
}

/** Checks `print_param`: every recipient field is required. */
export function checkPrintParam(printParam: Record<string, unknown>, today: Date = new Date()): ZjzParamProblem[] {
  return checkFields(ZJZ_PRINT_PARAM_FIELDS, printParam, today, 'print_param.');
}

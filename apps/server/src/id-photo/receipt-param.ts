import {
  checkPrintParam,
  checkReceiptParam,
  decodeBase64Image,
  ZJZ_PRINT_PARAM_FIELDS,
  type ZjzParamField,
  type ZjzParamProblem,
  type ZjzReceiptSpec,
} from '@banshi/vendor-clients/zjz';
import { checkIdNumber } from '@banshi/vendor-clients';
import { maskIdNumber, maskName, maskPhone } from '../common/crypto/masking.js';
import type { PrintAddress } from './entities/id-photo-order.entity.js';

export type FieldProblems = Record<string, string>;

/** One field as the user sees it on their order: label and masked value. */
export interface MaskedField {
  name: string;
  label: string;
  value: string;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  return value.trim() === '' ? undefined : value.trim();
}

function normalise(field: ZjzParamField, value: string): string {
  if (field.kind === 'idcard') return value.replace(/\s+/g, '').toUpperCase();
  if (field.kind === 'phone') return value.replace(/[\s-]+/g, '');
  return value;
}

/** Keeps the spec's fields only, trimmed and normalised (ID numbers upper-case, phones without spaces). */
export function normaliseParam(
  fields: readonly ZjzParamField[],
  input: Record<string, unknown>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of fields) {
    const value = text(input[field.name]);
    if (value !== undefined) out[field.name] = normalise(field, value);
  }
  return out;
}

/** Our wording of a problem the vendor's rules found, saying what to do next. */
function messageFor(field: ZjzParamField | undefined, label: string, value: string | undefined): string {
  if (!value) return `请填写${label}`;
  switch (field?.kind) {
    case 'idcard': {
      const check = checkIdNumber(value);
      return check.valid ? `${label}有误，请核对` : check.message;
    }
    case 'phone':
      return `${label}应为11位手机号码，请检查`;
    case 'city':
      return `${label}请填写地名（不超过20个字），如“深圳”`;
    case 'image':
      return `${label}应为JPG或PNG图片，且不超过5MB`;
    default:
      return `${label}过长或含有特殊字符，请修改`;
  }
}

function toProblems(
  problems: ZjzParamProblem[],
  fields: readonly ZjzParamField[],
  values: Record<string, string>,
  prefix: string,
): FieldProblems {
  const out: FieldProblems = {};
  for (const problem of problems) {
    const name = problem.field.startsWith(prefix) ? problem.field.slice(prefix.length) : problem.field;
    const field = fields.find((candidate) => candidate.name === name);
    const key = prefix === 'print_param.' ? `print.${name}` : `param.${name}`;
    if (!out[key]) out[key] = messageFor(field, problem.label, values[name]);
  }
  return out;
}

/**
 * Checks a receipt `param` the way the vendor will (required fields, GB 11643 ID numbers, mobiles,
 * one complete set of each `oneOf`), answering our own Chinese messages keyed `param.<field>`.
 */
export function checkParam(spec: ZjzReceiptSpec, param: Record<string, string>, today = new Date()): FieldProblems {
  const sets = spec.oneOf ?? [];
  const oneOfMissing = sets.length > 0 && !sets.some((set) => set.every((name) => param[name] !== undefined));
  // The vendor's check reports an incomplete oneOf as one more problem ("请填写…"); it is worded here.
  const problems = checkReceiptParam(spec, param, today).filter(
    (problem) => !(oneOfMissing && problem.message.startsWith('请填写')),
  );
  const out = toProblems(problems, spec.params, param, '');
  if (oneOfMissing) {
    const label = (name: string) => spec.params.find((field) => field.name === name)?.label ?? name;
    out[`param.${sets[0][0]}`] ??= `请填写${sets.map((set) => set.map(label).join('和')).join('，或上传')}`;
  }
  return out;
}

/** Checks the mailing address of a print order; messages keyed `print.<field>`. */
export function checkAddress(address: Record<string, string>, today = new Date()): FieldProblems {
  return toProblems(checkPrintParam(address, today), ZJZ_PRINT_PARAM_FIELDS, address, 'print_param.');
}

export function normaliseAddress(input: Record<string, unknown>): PrintAddress {
  const values = normaliseParam(ZJZ_PRINT_PARAM_FIELDS, input);
  return {
    name: values.name ?? '',
    phone: values.phone ?? '',
    province: values.province ?? '',
    city: values.city ?? '',
    district: values.district ?? '',
    address: values.address ?? '',
  };
}

function maskValue(field: ZjzParamField, value: string): string {
  switch (field.kind) {
    case 'idcard':
      return maskIdNumber(value) ?? '';
    case 'phone':
      return maskPhone(value) ?? '';
    case 'image':
      return decodeBase64Image(value) ? '已上传' : '';
    case 'text':
      return maskName(value) ?? '';
    case 'city':
      return value;
  }
}

/** The spec's fields with the values given, masked: what the owner and the merchant see. */
export function maskParam(spec: ZjzReceiptSpec, param: Record<string, string>): MaskedField[] {
  return spec.params
    .filter((field) => param[field.name] !== undefined)
    .map((field) => ({ name: field.name, label: field.label, value: maskValue(field, param[field.name]) }));
}

export interface MaskedAddress {
  name: string;
  phone: string;
  region: string;
  address: string;
}

/** The street address is personal data: only the region stays readable. */
export function maskAddress(address: PrintAddress): MaskedAddress {
  return {
    name: maskName(address.name) ?? '',
    phone: maskPhone(address.phone) ?? '',
    region: `${address.province} ${address.city} ${address.district}`.trim(),
    address: address.address ? `${[...address.address].slice(0, 2).join('')}****` : '',
  };
}

import type { PrintAddress, SpecDto, SpecParam } from './api/types';

/**
 * The same checks as the server (and the vendor), run as the person types, so that most mistakes are
 * shown before anything is sent. The server stays the judge: its field messages replace these.
 */
const MOBILE = /^1[3-9]\d{9}$/;
const PLACE = /^[\u4e00-\u9fa5A-Za-z·\s]{1,20}$/;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export function idNumberProblem(raw: string): string | null {
  const id = raw.replace(/\s+/g, '').toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号应为18位，最后一位可以是数字或X';
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  const real = birth.getUTCFullYear() === year && birth.getUTCMonth() === month - 1 && birth.getUTCDate() === day;
  if (!real || year < 1900 || birth.getTime() > Date.now()) return '身份证号中的出生日期无效，请核对';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11] === id[17] ? null : '身份证号校验位不正确，请检查是否输错';
}

function valueProblem(field: Pick<SpecParam, 'kind' | 'label'>, value: string): string | null {
  switch (field.kind) {
    case 'idcard':
      return idNumberProblem(value);
    case 'phone':
      return MOBILE.test(value.replace(/[\s-]+/g, '')) ? null : `${field.label}应为11位手机号码，请检查`;
    case 'city':
      return PLACE.test(value) ? null : `${field.label}请填写地名（不超过20个字），如“深圳”`;
    case 'text':
      return value.length > 50 ? `${field.label}过长，请修改` : null;
    default:
      return null;
  }
}

/** Fields the form asks for: image params (an ID card scan) are not offered; their alternative is. */
export function formFields(spec: Pick<SpecDto, 'params'>): SpecParam[] {
  return spec.params.filter((field) => field.kind !== 'image');
}

/** Whether a field must be filled: required by the spec, or part of the text alternative of a `oneOf`. */
export function isRequired(spec: Pick<SpecDto, 'params' | 'oneOf'>, field: SpecParam): boolean {
  if (field.required) return true;
  const offered = new Set(formFields(spec).map((candidate) => candidate.name));
  const sets = spec.oneOf.filter((set) => set.every((name) => offered.has(name)));
  return sets.length > 0 && sets[0].includes(field.name);
}

/**
 * Problems keyed like the server's answer (`param.<name>`). With `keepBlank` (a resubmission) an empty
 * field keeps its previous value and is not a problem.
 */
export function checkParamValues(
  spec: Pick<SpecDto, 'params' | 'oneOf'>,
  values: Record<string, string>,
  keepBlank = false,
): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const field of formFields(spec)) {
    const value = (values[field.name] ?? '').trim();
    if (value === '') {
      if (!keepBlank && isRequired(spec, field)) problems[`param.${field.name}`] = `请填写${field.label}`;
      continue;
    }
    const problem = valueProblem(field, value);
    if (problem) problems[`param.${field.name}`] = problem;
  }
  return problems;
}

export const ADDRESS_FIELDS: readonly { name: keyof PrintAddress; label: string; placeholder: string }[] = [
  { name: 'name', label: '收件人', placeholder: '收件人姓名' },
  { name: 'phone', label: '手机号', placeholder: '收件人手机号' },
  { name: 'province', label: '省份', placeholder: '如：广东' },
  { name: 'city', label: '城市', placeholder: '如：深圳' },
  { name: 'district', label: '区县', placeholder: '如：南山区' },
  { name: 'address', label: '详细地址', placeholder: '街道、小区、门牌号' },
];

export function checkAddress(address: Partial<PrintAddress>): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const field of ADDRESS_FIELDS) {
    const value = (address[field.name] ?? '').trim();
    if (value === '') problems[`print.${field.name}`] = `请填写${field.label}`;
    else if (field.name === 'phone' && !MOBILE.test(value)) problems['print.phone'] = '手机号应为11位手机号码，请检查';
    else if (field.name === 'address' && value.length > 50) problems['print.address'] = '详细地址过长，请精简';
  }
  return problems;
}

/** Only the filled fields, trimmed: what is sent. */
export function filledValues(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values)
      .map(([name, value]) => [name, value.trim()])
      .filter(([, value]) => value !== ''),
  );
}

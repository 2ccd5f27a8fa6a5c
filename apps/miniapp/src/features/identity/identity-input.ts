/**
 * The same checks the server makes before it calls the vendor (see the server's identity-input.ts and
 * vendor-clients' id-number.ts), for live messages while the person types: the mini-program cannot import
 * node code, so the small GB 11643 check is written out again here, with the same messages.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
/** Province-level codes (the first two digits) in use on resident identity cards. */
const PROVINCE_CODES = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83 91'.split(
    ' ',
  ),
);

export type Check = { valid: true; value: string } | { valid: false; message: string };

export function normaliseIdNumber(raw: string): string {
  return raw.trim().replace(/\s+/g, '').toUpperCase();
}

export function checkDigitFor(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export function checkIdNumber(raw: string, today: Date = new Date()): Check {
  const id = normaliseIdNumber(raw);
  if (!id) return { valid: false, message: '请填写18位身份证号' };
  if (!/^\d{17}[\dX]$/.test(id)) return { valid: false, message: '身份证号应为18位，最后一位可以是数字或X' };
  if (!PROVINCE_CODES.has(id.slice(0, 2))) {
    return { valid: false, message: '身份证号前两位不是有效的地区代码，请核对' };
  }
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  const realDate = birth.getUTCFullYear() === year && birth.getUTCMonth() === month - 1 && birth.getUTCDate() === day;
  if (!realDate || year < 1900 || birth.getTime() > today.getTime()) {
    return { valid: false, message: '身份证号中的出生日期无效，请核对' };
  }
  if (checkDigitFor(id.slice(0, 17)) !== id[17]) {
    return { valid: false, message: '身份证号校验位不正确，请检查是否输错' };
  }
  return { valid: true, value: id };
}

/**
 * While typing: nothing to say until the number could be complete, except characters that can never be
 * right. So a half-typed number is not called wrong, and a wrong full one is, at once.
 */
export function liveIdNumberMessage(raw: string, today: Date = new Date()): string | null {
  const id = normaliseIdNumber(raw);
  if (!id) return null;
  if (/[^\dX]/.test(id) || /X./.test(id)) return '身份证号只能是数字，最后一位可以是X';
  if (id.length > 18) return '身份证号应为18位，请检查是否多输了';
  if (id.length < 18) return null;
  const check = checkIdNumber(id, today);
  return check.valid ? null : check.message;
}

const DOT_VARIANTS = /[\u00B7\u2022\u2027\u2219\u22C5\u30FB\uFF0E\u0387.]/g;
const HAN_OR_DOT = /^[\u3400-\u9FFF\uF900-\uFAFF\u{20000}-\u{3134F}·]+$/u;

export function normaliseName(raw: string): string {
  return raw.replace(/\s+/g, '').replace(DOT_VARIANTS, '·');
}

export function checkName(raw: string): Check {
  const name = normaliseName(raw);
  if (!name) return { valid: false, message: '请填写身份证上的姓名' };
  if (!HAN_OR_DOT.test(name)) return { valid: false, message: '姓名只能包含汉字，少数民族姓名中的间隔号请用“·”' };
  const length = Array.from(name).length;
  if (length < 2 || length > 30) return { valid: false, message: '姓名应为2至30个字，请与身份证保持一致' };
  if (name.startsWith('·') || name.endsWith('·') || name.includes('··')) {
    return { valid: false, message: '姓名中的“·”不能在开头、结尾或连续出现' };
  }
  return { valid: true, value: name };
}

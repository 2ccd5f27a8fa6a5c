import { checkIdNumber, normaliseIdNumber } from '@banshi/vendor-clients';

/**
 * What a person types is checked here before anything is sent to the vendor (each call is paid):
 * the name as printed on the identity card, and the ID number by GB 11643 (region, birth date,
 * check digit), each with a message that says what is wrong.
 */

export const NAME_MIN_LENGTH = 2;
export const NAME_MAX_LENGTH = 30;

/** The separator of minority names (间隔号) is typed in many look-alike forms; the card prints `·`. */
const DOT_VARIANTS = /[\u00B7\u2022\u2027\u2219\u22C5\u30FB\uFF0E\u0387.]/g;
const HAN_OR_DOT = /^[\p{Script=Han}·]+$/u;

export function normaliseName(raw: string): string {
  return raw.replace(/\s+/g, '').replace(DOT_VARIANTS, '·');
}

export type NameCheck = { valid: true; name: string } | { valid: false; message: string };

export function checkName(raw: string): NameCheck {
  const name = normaliseName(raw);
  if (!name) return { valid: false, message: '请填写身份证上的姓名' };
  if (!HAN_OR_DOT.test(name)) {
    return { valid: false, message: '姓名只能包含汉字，少数民族姓名中的间隔号请用“·”' };
  }
  const length = [...name].length;
  if (length < NAME_MIN_LENGTH || length > NAME_MAX_LENGTH) {
    return { valid: false, message: `姓名应为${NAME_MIN_LENGTH}至${NAME_MAX_LENGTH}个字，请与身份证保持一致` };
  }
  if (name.startsWith('·') || name.endsWith('·') || name.includes('··')) {
    return { valid: false, message: '姓名中的“·”不能在开头、结尾或连续出现' };
  }
  return { valid: true, name };
}

export type IdCheck = { valid: true; idNumber: string } | { valid: false; message: string };

export function checkIdentityNumber(raw: string, today: Date = new Date()): IdCheck {
  const idNumber = normaliseIdNumber(raw);
  if (!idNumber) return { valid: false, message: '请填写18位身份证号' };
  const check = checkIdNumber(idNumber, today);
  return check.valid ? { valid: true, idNumber } : { valid: false, message: check.message };
}

/** The consent field of a multipart form arrives as text. */
export function isConsentGiven(value: unknown): boolean {
  return value === true || value === 'true' || value === '1';
}

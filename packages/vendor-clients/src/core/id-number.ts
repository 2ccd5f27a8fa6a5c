/**
 * Resident identity card numbers (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit
 * sequence (odd = male), and an ISO 7064 MOD 11-2 check character.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** Province-level codes (the first two digits) in use on resident identity cards. */
const PROVINCE_CODES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
  '91',
]);

export type IdNumberProblem = 'format' | 'region' | 'birth_date' | 'checksum';

export type IdNumberCheck =
  | { valid: true; birthDate: string; regionCode: string; gender: 'male' | 'female' }
  | { valid: false; problem: IdNumberProblem; message: string };

export function checkDigitFor(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export function normaliseIdNumber(raw: string): string {
  return raw.trim().replace(/\s+/g, '').toUpperCase();
}

export function checkIdNumber(raw: string, today: Date = new Date()): IdNumberCheck {
  const id = normaliseIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(id)) {
    return { valid: false, problem: 'format', message: '身份证号应为18位，最后一位可以是数字或X' };
  }
  const regionCode = id.slice(0, 6);
  if (!PROVINCE_CODES.has(id.slice(0, 2))) {
    return { valid: false, problem: 'region', message: '身份证号前两位不是有效的地区代码，请核对' };
  }
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  const realDate = birth.getUTCFullYear() === year && birth.getUTCMonth() === month - 1 && birth.getUTCDate() === day;
  if (!realDate || year < 1900 || birth.getTime() > today.getTime()) {
    return { valid: false, problem: 'birth_date', message: '身份证号中的出生日期无效，请核对' };
  }
  if (checkDigitFor(id.slice(0, 17)) !== id[17]) {
    return { valid: false, problem: 'checksum', message: '身份证号校验位不正确，请检查是否输错' };
  }
  return {
    valid: true,
    regionCode,
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  };
}

export function isValidIdNumber(raw: string): boolean {
  return checkIdNumber(raw).valid;
}

/** Builds a valid number from a region, a birth date (YYYYMMDD) and a sequence: for tests and simulators. */
export function makeIdNumber(regionCode: string, birthDate: string, sequence: number): string {
  const first17 = `${regionCode}${birthDate}${String(sequence).padStart(3, '0')}`;
  return first17 + checkDigitFor(first17);
}

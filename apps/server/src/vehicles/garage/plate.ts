/**
 * Chinese licence plates (GA 36-2018). A plate is the province's character, the issuing
 * authority's letter (no I or O), then the serial: five characters on an ordinary plate, six on a
 * new-energy one (small cars: D/F first; large cars: D/F last), or four followed by a special
 * suffix (警 police, 学 learner, 挂 trailer, 港/澳 cross-border, 领 consulate). Embassy plates start
 * with 使. Letters I and O never appear, to avoid confusion with 1 and 0.
 */
export const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';

const LETTER = 'A-HJ-NP-Z';
const ALNUM = `${LETTER}0-9`;

const ORDINARY = new RegExp(`^[${PROVINCES}][${LETTER}][${ALNUM}]{5}$`);
const NEW_ENERGY_SMALL = new RegExp(`^[${PROVINCES}][${LETTER}][DF][${ALNUM}][0-9]{4}$`);
const NEW_ENERGY_LARGE = new RegExp(`^[${PROVINCES}][${LETTER}][0-9]{5}[DF]$`);
const SPECIAL = new RegExp(`^[${PROVINCES}][${LETTER}][${ALNUM}]{4}([警学挂港澳领])$`);
const EMBASSY = /^使[0-9]{6}$/;

export type PlateKind =
  'ordinary' | 'new_energy' | 'trailer' | 'police' | 'learner' | 'hk_macau' | 'consulate' | 'embassy';

export type PlateCheck =
  { valid: true; plate: string; kind: PlateKind; newEnergy: boolean } | { valid: false; message: string };

const SUFFIX_KIND: Record<string, PlateKind> = {
  警: 'police',
  学: 'learner',
  挂: 'trailer',
  港: 'hk_macau',
  澳: 'hk_macau',
  领: 'consulate',
};

/** Upper case, no spaces, dots or dashes ("浙A·666 88" → "浙A66688"). */
export function normalisePlate(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\s·•.\-_]/g, '')
    .toUpperCase();
}

export function checkPlate(input: unknown): PlateCheck {
  if (typeof input !== 'string' || input.trim() === '') return { valid: false, message: '请填写车牌号' };
  const plate = normalisePlate(input);
  if (EMBASSY.test(plate)) return { valid: true, plate, kind: 'embassy', newEnergy: false };
  if (!PROVINCES.includes(plate[0] ?? '')) {
    return { valid: false, message: '车牌号应以省份简称开头，例如“浙A12345”' };
  }
  if (plate.length >= 2 && !new RegExp(`^[${LETTER}]$`).test(plate[1])) {
    return { valid: false, message: '车牌号第二位应为发证机关字母（不含 I、O）' };
  }
  if (ORDINARY.test(plate)) return { valid: true, plate, kind: 'ordinary', newEnergy: false };
  if (NEW_ENERGY_SMALL.test(plate) || NEW_ENERGY_LARGE.test(plate)) {
    return { valid: true, plate, kind: 'new_energy', newEnergy: true };
  }
  const special = SPECIAL.exec(plate);
  if (special) return { valid: true, plate, kind: SUFFIX_KIND[special[1]], newEnergy: false };
  if (plate.length === 8) {
    return {
      valid: false,
      message: '新能源车牌格式有误：小型车为字母 D/F 开头加 5 位（如“粤BD12345”），大型车为 5 位数字加 D/F',
    };
  }
  if (/[IO]/.test(plate.slice(2))) return { valid: false, message: '车牌号中不含字母 I 和 O，请核对是否为数字 1 或 0' };
  return { valid: false, message: '车牌号格式有误：普通车牌共 7 位，新能源车牌共 8 位，请核对' };
}

/**
 * What is shown of a plate: the region and the last three characters (浙A**688), enough for a
 * person to tell their cars apart, not enough to identify one.
 */
export function maskPlate(plate: string | null | undefined): string {
  if (!plate) return '';
  const chars = [...plate];
  if (chars.length <= 4) return `${chars[0] ?? ''}***`;
  const head = chars[0] === '使' ? 1 : 2;
  const tail = 3;
  return `${chars.slice(0, head).join('')}${'*'.repeat(chars.length - head - tail)}${chars.slice(-tail).join('')}`;
}

/** Plates as the keyboard builds them; the server checks them again (and decides). */
export const PROVINCES = [...'京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼'];
/** Letters on plates: no I and no O. */
export const LETTERS = [...'ABCDEFGHJKLMNPQRSTUVWXYZ'];
export const DIGITS = [...'1234567890'];
export const SUFFIXES = [...'挂学警港澳领'];

/** 7 characters for an ordinary plate, 8 for a new-energy one. */
export function plateLength(newEnergy: boolean): number {
  return newEnergy ? 8 : 7;
}

/** Which keys make sense at a position: a province first, then the authority's letter, then the serial. */
export function keysFor(position: number, newEnergy: boolean): 'province' | 'letter' | 'serial' | 'last' {
  if (position === 0) return 'province';
  if (position === 1) return 'letter';
  return position === plateLength(newEnergy) - 1 ? 'last' : 'serial';
}

const ORDINARY =
  /^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳领]$/;
const NEW_ENERGY =
  /^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z](?:[DF][A-HJ-NP-Z0-9]\d{4}|\d{5}[DF])$/;

/** A message when the plate is complete but wrong, null when it looks right (or is not complete yet). */
export function plateProblem(plate: string, newEnergy: boolean): string | null {
  if ([...plate].length < plateLength(newEnergy)) return null;
  if (newEnergy) {
    return NEW_ENERGY.test(plate) ? null : '新能源车牌：小型车第 3 位为 D 或 F（如粤BD12345），大型车末位为 D 或 F';
  }
  return ORDINARY.test(plate) ? null : '车牌格式有误，请核对';
}

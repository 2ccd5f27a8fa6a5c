import { describeLengthRule, DOCLOUD_CAR_TYPES, type DocloudCarType } from '@banshi/vendor-clients/docloud';
import { AppError } from '../../common/errors/app-error.js';
import type { PlateKind } from './plate.js';

export const CAR_TYPES = Object.keys(DOCLOUD_CAR_TYPES) as DocloudCarType[];

/** 《支持城市及条件》: -1 the whole number, 0 not needed, N the last N characters. */
export interface NumberRules {
  city: string;
  vinLength: number;
  engineNoLength: number;
  carTypes: DocloudCarType[];
}

const VIN = /^[A-HJ-NPR-Z0-9]{17}$/;
const ALNUM = /^[A-Z0-9]+$/;
/** Engine numbers differ by maker; whole ones are at least six characters (what counts queries take). */
const MIN_FULL_ENGINE = 6;

function clean(value: string | undefined | null): string {
  return (value ?? '')
    .normalize('NFKC')
    .replace(/[\s\-_]/g, '')
    .toUpperCase();
}

/**
 * The part of a VIN the city asks for: the whole 17 characters, or the last N (what a person typed
 * may be the whole VIN: only the last N are kept). Undefined when the city needs none, so nothing
 * more than needed is stored. Returns a Chinese message instead when the input does not fit.
 */
export function fitVin(input: string | undefined | null, rule: number): { value?: string; error?: string } {
  if (rule === 0) return {};
  const vin = clean(input);
  const hint = describeLengthRule('车架号', rule);
  if (!vin) return { error: `请填写${hint}` };
  if (!ALNUM.test(vin)) return { error: '车架号只包含字母和数字，请核对' };
  if (/[IOQ]/.test(vin)) return { error: '车架号中不含字母 I、O、Q，请核对是否为数字 1 或 0' };
  if (rule < 0)
    return VIN.test(vin) ? { value: vin } : { error: `该城市需要完整车架号（17 位），您填写了 ${vin.length} 位` };
  if (vin.length < rule) return { error: `该城市需要${hint}，您填写了 ${vin.length} 位` };
  if (vin.length > rule && vin.length !== 17) {
    return { error: `请填写${hint}，或完整的 17 位车架号` };
  }
  return { value: vin.slice(-rule) };
}

export function fitEngineNo(input: string | undefined | null, rule: number): { value?: string; error?: string } {
  if (rule === 0) return {};
  const engineNo = clean(input);
  const hint = describeLengthRule('发动机号', rule);
  if (!engineNo) return { error: `请填写${hint}` };
  if (!ALNUM.test(engineNo)) return { error: '发动机号只包含字母和数字，请核对' };
  if (engineNo.length > 20) return { error: '发动机号过长，请核对' };
  if (rule < 0) {
    return engineNo.length >= MIN_FULL_ENGINE
      ? { value: engineNo }
      : { error: `该城市需要完整发动机号，您填写了 ${engineNo.length} 位` };
  }
  if (engineNo.length < rule) return { error: `该城市需要${hint}，您填写了 ${engineNo.length} 位` };
  return { value: engineNo.slice(-rule) };
}

/** The car types a plate can carry: a trailer plate is a trailer, an 8-character plate new energy. */
export function carTypesForPlate(kind: PlateKind): DocloudCarType[] {
  if (kind === 'trailer') return ['15'];
  if (kind === 'new_energy') return ['52', '51'];
  return ['02', '01'];
}

export function defaultCarType(kind: PlateKind): DocloudCarType {
  return carTypesForPlate(kind)[0];
}

export function checkCarType(carType: DocloudCarType, kind: PlateKind, rules: NumberRules): void {
  const label = DOCLOUD_CAR_TYPES[carType];
  if (!carTypesForPlate(kind).includes(carType)) {
    const expected = carTypesForPlate(kind)
      .map((type) => DOCLOUD_CAR_TYPES[type])
      .join('或');
    throw AppError.badRequest('CAR_TYPE_MISMATCH', `该车牌对应的车辆类型应为${expected}，请重新选择`, {
      carType: `车牌与“${label}”不符`,
    });
  }
  if (!rules.carTypes.includes(carType)) {
    throw AppError.badRequest('CAR_TYPE_UNSUPPORTED', `${rules.city}暂不支持查询${label}的违章`, {
      carType: `${rules.city}暂不支持${label}`,
    });
  }
}

/** Both numbers at once, so a form shows every problem in one answer. */
export function fitCarNumbers(
  input: { vin?: string | null; engineNo?: string | null },
  rules: NumberRules,
): { vin: string | null; engineNo: string | null } {
  const vin = fitVin(input.vin, rules.vinLength);
  const engineNo = fitEngineNo(input.engineNo, rules.engineNoLength);
  const fields: Record<string, string> = {};
  if (vin.error) fields.vin = vin.error;
  if (engineNo.error) fields.engineNo = engineNo.error;
  const first = vin.error ?? engineNo.error;
  if (first) throw AppError.badRequest('CAR_NUMBERS_INVALID', first, fields);
  return { vin: vin.value ?? null, engineNo: engineNo.value ?? null };
}

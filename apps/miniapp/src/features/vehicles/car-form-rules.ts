import type { CarDto, CarType, CitiesDto, CityRule } from './api/types';
import { VEHICLE_AGREEMENT } from './agreement';
import { plateLength, plateProblem } from './plate';
import { regionTyped } from './city';

export interface CarFormValues {
  plateNumber: string;
  /** Empty until one is chosen. */
  carType: CarType | '';
  vin: string;
  engineNo: string;
  phone: string;
}

export type FieldErrors = Partial<Record<keyof CarFormValues | 'form', string>>;

const PHONE = /^1[3-9]\d{9}$/;

/** The car types a plate can be, in the order offered. */
export function typesFor(plate: string, newEnergy: boolean, rule: CityRule | undefined, all: CitiesDto['carTypes']) {
  const wanted = newEnergy ? ['52', '51'] : plate.endsWith('挂') ? ['15'] : ['02', '01'];
  // In the order wanted: the usual type (小型汽车) comes first and is the default.
  return wanted
    .map((value) => all.find((type) => type.value === value))
    .filter((type): type is CitiesDto['carTypes'][number] => type !== undefined)
    .filter((type) => !rule || rule.carTypes.includes(type.value));
}

export interface CarFormCheck {
  values: CarFormValues;
  newEnergy: boolean;
  agreed: boolean;
  rule: CityRule | undefined;
  needsPhone: boolean;
  /** Editing: the plate is fixed and numbers left blank keep the stored ones. */
  car?: CarDto;
}

function plateError(plate: string, newEnergy: boolean, rule: CityRule | undefined): string | undefined {
  if (regionTyped(plate) && !rule) return `暂不支持${plate.slice(0, 2)}车辆的违章查询`;
  if ([...plate].length < plateLength(newEnergy)) return '请输入完整的车牌号';
  return plateProblem(plate, newEnergy) ?? undefined;
}

/** What is wrong with the form, field by field (empty when it can be sent). */
export function checkCarForm({ values, newEnergy, agreed, rule, needsPhone, car }: CarFormCheck): FieldErrors {
  const { plateNumber, vin, engineNo, phone } = values;
  const problems: FieldErrors = {};
  if (!car) problems.plateNumber = plateError(plateNumber, newEnergy, rule);
  if (rule && rule.vinLength !== 0 && !vin && !car?.vin) problems.vin = `请输入${rule.vinHint}`;
  if (rule && rule.engineNoLength !== 0 && !engineNo && !car?.engineNo) {
    problems.engineNo = `请输入${rule.engineNoHint}`;
  }
  if (phone && !PHONE.test(phone)) problems.phone = '请填写正确的 11 位手机号';
  if (needsPhone && !phone) problems.phone = `${rule?.province ?? ''}车辆查询违章需要车主手机号`;
  if (!agreed) problems.form = `请先阅读并同意${VEHICLE_AGREEMENT}`;
  return Object.fromEntries(Object.entries(problems).filter(([, v]) => v)) as FieldErrors;
}

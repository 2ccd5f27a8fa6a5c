import { docloudFields } from '@banshi/vendor-clients/docloud';
import { carTypesOf, cityForPlate, PLATE_PATTERN, type SimCity } from './data/cities.js';
import { fail, type Json } from './route-kit.js';

const { optText } = docloudFields;

export const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/;

export function text(body: Json, name: string): string | undefined {
  const value = optText(body[name]);
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export function required(body: Json, name: string, label = name): string {
  const value = text(body, name);
  if (value === undefined) throw fail('1001', `请求参数错误：${label}不能为空`);
  return value;
}

export function checkPhone(phone: string | undefined): string {
  if (!phone || !/^1\d{10}$/.test(phone)) throw fail('1035');
  return phone;
}

/** 1030 for a plate that is not a plate, 1031 for one from a city the vendor has not opened. */
export function plateCity(plate: string | undefined): SimCity {
  if (!plate) throw fail('1001', '请求参数错误：plateNumber不能为空');
  if (!PLATE_PATTERN.test(plate)) throw fail('1030');
  const city = cityForPlate(plate);
  if (!city) throw fail('1031');
  return city;
}

export function checkCarType(city: SimCity, carType: string | undefined): void {
  if (carType !== undefined && !(carTypesOf(city) as string[]).includes(carType)) {
    throw fail('1003', `违章查询请求参数错误：${city.city}不支持车辆类型${carType}`);
  }
}

/** 1032 when the VIN or engine number does not have what the city's rule asks for. */
export function checkIdentity(city: SimCity, vin: string | undefined, engineNo: string | undefined): void {
  if (!fits(vin, Number(city.vinLength), true)) throw fail('1032', lengthMessage('车架号', city.vinLength));
  if (!fits(engineNo, Number(city.engineNoLength), false))
    throw fail('1032', lengthMessage('发动机号', city.engineNoLength));
}

function fits(value: string | undefined, rule: number, isVin: boolean): boolean {
  if (rule === 0) return true;
  if (value === undefined) return false;
  if (!/^[A-Za-z0-9]+$/.test(value)) return false;
  if (rule < 0) return isVin ? VIN_PATTERN.test(value.toUpperCase()) : value.length >= 6;
  return value.length >= rule;
}

function lengthMessage(label: string, rule: string): string {
  return rule === '-1'
    ? `车架号或发动机号位数错误：需要完整${label}`
    : `车架号或发动机号位数错误：需要${label}后${rule}位`;
}

import type { CityRule } from './api/types';

/** The city whose rules a plate follows: the longest open prefix it starts with ("京" covers 京A…京Z). */
export function cityForPlate(cities: CityRule[], plate: string): CityRule | undefined {
  return cities
    .filter((rule) => plate.length >= rule.cityPrefix.length && plate.startsWith(rule.cityPrefix))
    .sort((a, b) => b.cityPrefix.length - a.cityPrefix.length)[0];
}

/** Whether the plate's region is known enough to look the city up (two characters, or a municipality). */
export function regionTyped(plate: string): boolean {
  return [...plate].length >= 2;
}

/** The placeholder of a number field: what to type and how many characters. */
export function fieldPlaceholder(label: '车架号' | '发动机号', length: number): string {
  if (length < 0) return label === '车架号' ? '请输入完整的 17 位车架号' : `请输入完整${label}`;
  return `请输入${label}后${length}位（或完整${label}）`;
}

import type { LengthRule } from './types/violations.js';

/**
 * What part of a VIN or engine number a city's rule asks for (《支持城市及条件》: -1 all of it,
 * 0 nothing, N the last N characters). Returns undefined when the city needs nothing, so the
 * caller can leave the field out; a value shorter than N is returned whole for the vendor to refuse.
 */
export function applyLengthRule(value: string | undefined, rule: LengthRule): string | undefined {
  if (rule === 0 || value === undefined) return undefined;
  const clean = value.trim().toUpperCase();
  if (rule < 0 || clean.length <= rule) return clean;
  return clean.slice(-rule);
}

/** A short Chinese hint for the input form, e.g. "车架号后6位". */
export function describeLengthRule(label: '车架号' | '发动机号', rule: LengthRule): string {
  if (rule === 0) return `无需${label}`;
  if (rule < 0) return `完整${label}`;
  return `${label}后${rule}位`;
}

import { yuanToFen } from '../core/index.js';

/**
 * Tolerant readers for the vendor's JSON. The document types the same field as a string in one
 * place and a number in another ("200.00" / 200, "1" / 1, "17053" / 17053), so every reader accepts
 * both and the mappers stay free of `typeof` checks. A missing required field throws `ShapeError`,
 * which the client turns into an invalid-response error and the callbacks into a format error.
 */
export class ShapeError extends Error {}

export type Json = Record<string, unknown>;

export function asObject(value: unknown, what: string): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new ShapeError(`${what} is not an object`);
  return value as Json;
}

export function asArray(value: unknown, what: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ShapeError(`${what} is not an array`);
  return value;
}

export function optText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function text(value: unknown, what: string): string {
  const result = optText(value);
  if (result === undefined) throw new ShapeError(`${what} is missing`);
  return result;
}

/** Text with surrounding spaces removed; the document's own example sends " 浙A88888". */
export function trimmed(value: unknown, what: string): string {
  return text(value, what).trim();
}

/** An integer, as a number or as text; 2.5 is not one (it is not 2 either). */
export function optInt(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*-?\d+(\.0+)?\s*$/.test(value)) return Math.trunc(Number(value));
  return undefined;
}

export function int(value: unknown, what: string): number {
  const result = optInt(value);
  if (result === undefined) throw new ShapeError(`${what} is not an integer`);
  return result;
}

export function optNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

/** An identifier the vendor sends as a number or a string, kept as a string reference. */
export function id(value: unknown, what: string): string {
  return text(value, what).trim();
}

export function optFen(value: unknown): number | undefined {
  return typeof value === 'string' || typeof value === 'number' ? yuanToFen(value) : undefined;
}

export function fen(value: unknown, what: string): number {
  const result = optFen(value);
  if (result === undefined) throw new ShapeError(`${what} is not an amount`);
  return result;
}

/** `1`, `"1"` and `true` are yes; anything else (including absent) is no. */
export function flag(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 'true';
}

export function oneOf<T extends number>(value: unknown, allowed: readonly T[], what: string): T {
  const number = optInt(value);
  if (number === undefined || !allowed.includes(number as T)) throw new ShapeError(`${what} has an unknown value`);
  return number as T;
}

export function optOneOf<T extends number>(value: unknown, allowed: readonly T[]): T | undefined {
  const number = optInt(value);
  return number !== undefined && allowed.includes(number as T) ? (number as T) : undefined;
}

/** Drops keys whose value is undefined, so typed results compare cleanly and serialise small. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

import type { ZjzColorName, ZjzItem, ZjzItemDetail } from './types.js';

/**
 * Turns bare JSON numbers of the given keys into strings before parsing: a 20-digit `order_no`
 * parsed as a JS number silently loses its last digits.
 */
export function quoteLongNumbers(json: string, keys: readonly string[]): string {
  let text = json;
  for (const key of keys) {
    const pattern = new RegExp(`(?<!\\\\)"${key}"(\\s*:\\s*)(-?\\d+)(?=\\s*[,}\\]])`, 'g');
    text = text.replace(pattern, `"${key}"$1"$2"`);
  }
  return text;
}

/** Keys whose numeric values must stay exact. */
export const ZJZ_ID_KEYS = ['order_no', 'pic_id', 'express_no'] as const;

/**
 * Reads the spec list's `color`, which the vendor writes as a Python-style list (`"['blue','white']"`).
 * Also takes a JSON array, a real array or a comma-separated string, since the format is undocumented.
 */
export function parseColorList(value: unknown): ZjzColorName[] {
  if (Array.isArray(value)) return value.map((entry) => String(entry).trim()).filter(Boolean);
  if (typeof value !== 'string') return [];
  return value
    .trim()
    .replace(/^\[|\]$/g, '')
    .split(',')
    .map((entry) =>
      entry
        .trim()
        .replace(/^['"]|['"]$/g, '')
        .trim(),
    )
    .filter(Boolean);
}

/** Writes a colour list the way the vendor does. */
export function formatColorList(colors: readonly string[]): string {
  return `[${colors.map((color) => `'${color}'`).join(',')}]`;
}

/** A vendor number that arrives as a string ("22", "33.0") or a number; undefined when it is not one. */
export function parseWireNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const parsed = Number(value.trim());
  return Number.isFinite(parsed) ? parsed : undefined;
}

export class WireFormatError extends Error {}

function requireNumber(record: Record<string, unknown>, key: string): number {
  const value = parseWireNumber(record[key]);
  if (value === undefined) throw new WireFormatError(`item field ${key} is not a number: ${String(record[key])}`);
  return value;
}

function text(record: Record<string, unknown>, key: string): string {
  const value = record[key];
  return value === undefined || value === null ? '' : String(value);
}

/** One entry of `/item/list`. Throws `WireFormatError` when a dimension is missing or not a number. */
export function parseWireItem(raw: unknown): ZjzItem {
  if (!raw || typeof raw !== 'object') throw new WireFormatError('item is not an object');
  const record = raw as Record<string, unknown>;
  return {
    itemId: requireNumber(record, 'item_id'),
    name: text(record, 'name'),
    widthPx: requireNumber(record, 'width_px'),
    heightPx: requireNumber(record, 'height_px'),
    widthMm: requireNumber(record, 'width_mm'),
    heightMm: requireNumber(record, 'height_mm'),
    dpi: requireNumber(record, 'dpi'),
    fileSizeMsg: text(record, 'file_size_msg'),
    colors: parseColorList(record.color),
  };
}

/** The answer of `/item/get`: a list entry plus the size range (KB, "0" meaning none) and the category. */
export function parseWireItemDetail(raw: unknown): ZjzItemDetail {
  const item = parseWireItem(raw);
  const record = raw as Record<string, unknown>;
  const positive = (key: string) => {
    const value = parseWireNumber(record[key]);
    return value !== undefined && value > 0 ? value : undefined;
  };
  return {
    ...item,
    fileSizeMinKb: positive('file_size_min'),
    fileSizeMaxKb: positive('file_size_max'),
    category: text(record, 'category'),
    categoryId: parseWireNumber(record.category_id) ?? 0,
  };
}

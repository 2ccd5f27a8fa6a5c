import { yuanToFen } from '../core/index.js';

const DATE_WITH_SEPARATORS = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT].*)?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * A date as bills print it (`2020-01-02`, `20200102`, `2020年1月2日`, `2020/1/2`, with or without a
 * time after it) as `YYYY-MM-DD`; `undefined` when it is not a real calendar date.
 */
export function normaliseDate(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  const match = COMPACT_DATE.exec(text) ?? DATE_WITH_SEPARATORS.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `13%`, `13`, `0.13` → 13; `免税`, `不征税`, `***` → undefined. */
export function taxRatePercent(value: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(%?)$/.exec(value.trim());
  if (!match) return undefined;
  const number = Number(match[1]);
  const percent = match[2] === '%' || number >= 1 ? number : number * 100;
  return Math.round(percent * 100) / 100;
}

/**
 * Reads the fields of one `data` object whatever the case of their names (`Invoice_code` and
 * `invoice_code`, `Amount` and `amount`), and notes each value it had to drop in `warnings`, so the
 * event shows what recognition returned that we could not use.
 */
export class FieldReader {
  readonly warnings: string[] = [];
  private readonly fields = new Map<string, unknown>();

  constructor(
    data: Record<string, unknown>,
    private readonly prefix = '',
  ) {
    for (const [key, value] of Object.entries(data)) this.fields.set(key.toLowerCase(), value);
  }

  raw(...names: string[]): unknown {
    for (const name of names) {
      const value = this.fields.get(name.toLowerCase());
      if (value !== undefined && value !== null && value !== '') return value;
    }
    return undefined;
  }

  text(...names: string[]): string | undefined {
    const value = this.raw(...names);
    if (value === undefined) return undefined;
    if (typeof value === 'string') return value.trim() || undefined;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    this.warn(names[0], value, 'not text');
    return undefined;
  }

  fen(...names: string[]): number | undefined {
    const value = this.raw(...names);
    if (value === undefined) return undefined;
    const fen = typeof value === 'string' || typeof value === 'number' ? yuanToFen(value) : undefined;
    if (fen === undefined) this.warn(names[0], value, 'not an amount');
    return fen;
  }

  date(...names: string[]): string | undefined {
    const value = this.raw(...names);
    if (value === undefined) return undefined;
    const date = normaliseDate(value);
    if (date === undefined) this.warn(names[0], value, 'not a date');
    return date;
  }

  coded<T>(table: Record<number, T>, ...names: string[]): T | undefined {
    const value = this.raw(...names);
    if (value === undefined) return undefined;
    const coded =
      (typeof value === 'number' || typeof value === 'string') && /^\d+$/.test(String(value).trim())
        ? table[Number(value)]
        : undefined;
    if (coded === undefined) this.warn(names[0], value, 'not a known code');
    return coded;
  }

  private warn(name: string, value: unknown, problem: string): void {
    this.warnings.push(`${this.prefix}${name}: ${JSON.stringify(value)} is ${problem}`);
  }
}

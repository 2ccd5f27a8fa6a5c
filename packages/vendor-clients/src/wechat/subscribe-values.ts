/**
 * 《订阅消息参数值内容限制说明》: each data key's type is its name without the trailing number
 * (`thing1`, `character_string2`, `time3`). A value outside its type's rule makes WeChat answer 47003,
 * so the server fits values before sending and the simulator checks them as WeChat does.
 */
export const SUBSCRIBE_VALUE_RULES: Record<string, { max: number; pattern?: RegExp }> = {
  thing: { max: 20 },
  number: { max: 32, pattern: /^\d+(\.\d+)?$/ },
  letter: { max: 32, pattern: /^[A-Za-z]+$/ },
  symbol: { max: 5, pattern: /^[^\p{L}\p{N}\s]+$/u },
  character_string: { max: 32, pattern: /^[\x21-\x7e]+$/ },
  time: { max: 40, pattern: /\d{1,2}:\d{2}/ },
  date: { max: 40, pattern: /\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2}/ },
  amount: { max: 14, pattern: /^[¥￥$]?\d{1,10}(\.\d{1,2})?元?$/ },
  phone_number: { max: 17, pattern: /^[\d+\-() ]+$/ },
  car_number: { max: 8, pattern: /^[\p{Script=Han}A-Z0-9][A-Z0-9]*[\p{Script=Han}A-Z0-9]?$/u },
  name: { max: 20 },
  phrase: { max: 5, pattern: /^\p{Script=Han}+$/u },
};

/** The type of a data key (`thing12` → `thing`), or undefined for a key WeChat does not know. */
export function subscribeValueType(key: string): string | undefined {
  const type = key.replace(/\d+$/, '');
  return type in SUBSCRIBE_VALUE_RULES ? type : undefined;
}

/** Why a value breaks its key's rule, or undefined when it fits. Lengths count characters, not bytes. */
export function subscribeValueProblem(key: string, value: string): string | undefined {
  const type = subscribeValueType(key);
  if (!type) return `unknown data key ${key}`;
  const rule = SUBSCRIBE_VALUE_RULES[type];
  const length = [...value].length;
  if (length === 0) return `data.${key}.value empty`;
  if (length > rule.max) return `data.${key}.value longer than ${rule.max}`;
  if (hasControlCharacters(value)) return `data.${key}.value has control characters`;
  if (rule.pattern && !rule.pattern.test(value)) return `data.${key}.value invalid`;
  return undefined;
}

/** Cuts a `thing` (or any length-limited) value to its limit, ending with `…` when cut. */
export function fitSubscribeValue(key: string, value: string): string {
  const type = subscribeValueType(key);
  const max = type ? SUBSCRIBE_VALUE_RULES[type].max : 20;
  const clean = [...value]
    .map((char) => (hasControlCharacters(char) ? ' ' : char))
    .join('')
    .trim();
  const chars = [...clean];
  return chars.length <= max ? clean : `${chars.slice(0, max - 1).join('')}…`;
}

function hasControlCharacters(value: string): boolean {
  return [...value].some((char) => char.charCodeAt(0) < 0x20);
}

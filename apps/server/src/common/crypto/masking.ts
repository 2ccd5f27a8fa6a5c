/**
 * Masking for APIs and logs. What is left visible is what a person needs to recognise their own
 * data (last digits of a phone, first and last of an ID number), never enough to use it.
 */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 7 ? `${digits.slice(0, 3)}****${digits.slice(-4)}` : '****';
}

export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  return id.length > 8 ? `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}` : '****';
}

export function maskName(name: string | null | undefined): string | null {
  if (!name) return null;
  const chars = [...name];
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** VINs and engine numbers: the last four are what owners compare. */
export function maskTail(value: string | null | undefined, visible = 4): string | null {
  if (!value) return null;
  return value.length > visible ? `${'*'.repeat(value.length - visible)}${value.slice(-visible)}` : '****';
}

/**
 * A long reference (a WeChat Pay transaction id): its first and last characters, enough to find it
 * in the merchant platform beside the amount and time, not enough to quote it to WeChat Pay.
 */
export function maskMiddle(value: string | null | undefined, head = 4, tail = 6): string | null {
  if (!value) return null;
  return value.length > head + tail + 2 ? `${value.slice(0, head)}****${value.slice(-tail)}` : maskTail(value);
}

/** A licence plate: its region and last three characters (浙A**688). */
function maskPlateText(plate: string): string {
  const chars = [...plate.trim()];
  if (chars.length <= 5) return '***';
  return `${chars.slice(0, 2).join('')}${'*'.repeat(chars.length - 5)}${chars.slice(-3).join('')}`;
}

const ID_PATTERN = /\b\d{17}[\dXx]\b/g;
const PHONE_PATTERN = /\b1[3-9]\d{9}\b/g;
const PERSON_NAME_KEY =
  /^(name|full_?name|cert_?name|text_?name|contact_?name|pay_?name|rec(ie|ei)ve_?name|passenger)$/i;

function maskByKey(key: string, text: string): string | null | undefined {
  if (/phone|mobile|(^|_)tel$/i.test(key)) return maskPhone(text);
  if (/id_?card|id_?number|cert_?no|drive_?num|file_?num/i.test(key)) return maskIdNumber(text);
  if (/vin|engine/i.test(key)) return maskTail(text);
  if (/^(plate_?(number|no)?|car_?num)$/i.test(key)) return maskPlateText(text);
  if (/token|secret|password|^sign$|api_?key|^key$/i.test(key)) return '***';
  if (/address|account/i.test(key)) return maskTail(text, 4);
  if (PERSON_NAME_KEY.test(key)) return maskName(text);
  return undefined;
}

/**
 * Masks a vendor payload for display: values under personal-data keys are masked by kind, ID
 * numbers and phones that appear anywhere in free text are masked too, and long blobs (base64
 * images) are replaced by their length.
 */
export function maskPayload(value: unknown, key = ''): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map((item) => maskPayload(item, key));
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskPayload(v, k)]));
  }
  if (typeof value !== 'string') return value;
  if (value.length > 512) return `[${value.length} characters omitted]`;
  const byKey = key ? maskByKey(key, value) : undefined;
  if (byKey !== undefined) return byKey;
  return value
    .replace(ID_PATTERN, (match) => maskIdNumber(match) ?? '')
    .replace(PHONE_PATTERN, (match) => maskPhone(match) ?? '');
}

/** Masks ID numbers and phones in free text (log messages, error texts). */
export function maskText(text: string): string {
  return text
    .replace(ID_PATTERN, (match) => maskIdNumber(match) ?? '')
    .replace(PHONE_PATTERN, (match) => maskPhone(match) ?? '');
}

import { ORDER_KINDS, type OrderKind } from './order-kinds.js';

/** What each data key of the order-progress template carries. */
export const SUBSCRIBE_FIELDS = ['service', 'orderNo', 'status', 'note', 'time'] as const;
export type SubscribeField = (typeof SUBSCRIBE_FIELDS)[number];

export interface SubscribeSettings {
  /** Template id per order kind; a kind without one gets in-app messages only. */
  templates: Partial<Record<OrderKind, string>>;
  /** Data key per field, e.g. `status` → `phrase3`, as the chosen library template names them. */
  fields: Record<SubscribeField, string>;
  miniprogramState: 'developer' | 'trial' | 'formal';
}

/**
 * The default keys follow WeChat's common 「办理进度通知」 library template (服务名称 thing1, 订单编号
 * character_string2, 办理状态 phrase3, 温馨提示 thing4, 更新时间 time5); a merchant whose template
 * numbers its keys otherwise sets WECHAT_SUBSCRIBE_FIELDS.
 */
export const DEFAULT_SUBSCRIBE_FIELDS: Record<SubscribeField, string> = {
  service: 'thing1',
  orderNo: 'character_string2',
  status: 'phrase3',
  note: 'thing4',
  time: 'time5',
};

/** In sandbox mode every kind has a template of its own, so the whole path runs without setup. */
const SANDBOX_TEMPLATES = Object.fromEntries(ORDER_KINDS.map((kind) => [kind, `sandbox-tmpl-${kind}`])) as Record<
  OrderKind,
  string
>;

function pairs(value: string, name: string, problems: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [key, val] = part.split('=').map((p) => p?.trim());
    if (!key || !val) problems.push(`${name}: "${part}" is not key=value`);
    else out.set(key, val);
  }
  return out;
}

/**
 * `WECHAT_SUBSCRIBE_TEMPLATES=id_photo=<templateId>,inspection=<templateId>,…` (a `*` key applies to every
 * kind not named) and `WECHAT_SUBSCRIBE_FIELDS=service=thing1,orderNo=character_string2,…`.
 */
export function parseSubscribeSettings(
  env: { WECHAT_SUBSCRIBE_TEMPLATES?: string; WECHAT_SUBSCRIBE_FIELDS?: string; WECHAT_MINIPROGRAM_STATE: string },
  vendorMode: 'sandbox' | 'live',
  problems: string[],
): SubscribeSettings {
  let templates: Partial<Record<OrderKind, string>> = vendorMode === 'sandbox' ? { ...SANDBOX_TEMPLATES } : {};
  if (env.WECHAT_SUBSCRIBE_TEMPLATES) {
    templates = {};
    const given = pairs(env.WECHAT_SUBSCRIBE_TEMPLATES, 'WECHAT_SUBSCRIBE_TEMPLATES', problems);
    for (const kind of given.keys()) {
      if (kind !== '*' && !(ORDER_KINDS as readonly string[]).includes(kind)) {
        problems.push(`WECHAT_SUBSCRIBE_TEMPLATES: unknown kind "${kind}" (${ORDER_KINDS.join(', ')} or *)`);
      }
    }
    for (const kind of ORDER_KINDS) {
      const id = given.get(kind) ?? given.get('*');
      if (id) templates[kind] = id;
    }
  }
  const fields = { ...DEFAULT_SUBSCRIBE_FIELDS };
  if (env.WECHAT_SUBSCRIBE_FIELDS) {
    for (const [field, key] of pairs(env.WECHAT_SUBSCRIBE_FIELDS, 'WECHAT_SUBSCRIBE_FIELDS', problems)) {
      if (!(SUBSCRIBE_FIELDS as readonly string[]).includes(field)) {
        problems.push(`WECHAT_SUBSCRIBE_FIELDS: unknown field "${field}" (${SUBSCRIBE_FIELDS.join(', ')})`);
      } else if (!/^[a-z_]+\d+$/.test(key)) {
        problems.push(`WECHAT_SUBSCRIBE_FIELDS: "${key}" is not a template data key such as thing1`);
      } else fields[field as SubscribeField] = key;
    }
  }
  return { templates, fields, miniprogramState: env.WECHAT_MINIPROGRAM_STATE as SubscribeSettings['miniprogramState'] };
}

import type { NamedOption } from './api/types';

/**
 * What the user typed on the address page, carried to the confirm page. Kept in memory only: a name and
 * phone numbers have no business in the phone's storage, and a lost draft is typed again in seconds.
 */
export interface OrderDraft {
  garageCarId: number;
  priceFen: number;
  contactName: string;
  contactPhone: string;
  ownerPhone: string;
  area: NamedOption[];
  address: string;
}

let current: OrderDraft | null = null;

export const orderDraft = {
  get(garageCarId: number): OrderDraft | null {
    return current && current.garageCarId === garageCarId ? current : null;
  },
  set(draft: OrderDraft): void {
    current = draft;
  },
  clear(): void {
    current = null;
  },
};

const MOBILE = /^1[3-9]\d{9}$/;

export type DraftErrors = Partial<Record<'contactName' | 'contactPhone' | 'ownerPhone' | 'area' | 'address', string>>;

/** The server's rules for the form, so mistakes show beside the field before anything is sent. */
export function checkDraft(draft: Omit<OrderDraft, 'garageCarId' | 'priceFen'>): DraftErrors {
  const errors: DraftErrors = {};
  if (!draft.contactName.trim()) errors.contactName = '请填写联系人姓名';
  else if (draft.contactName.trim().length > 20) errors.contactName = '联系人姓名最多 20 个字';
  if (!MOBILE.test(draft.contactPhone.trim())) errors.contactPhone = '请填写正确的 11 位手机号';
  if (draft.ownerPhone.trim() && !MOBILE.test(draft.ownerPhone.trim())) errors.ownerPhone = '车主手机号格式不正确';
  if (draft.area.length < 2) errors.area = '请选择所在地区';
  if (draft.address.trim().length < 4) errors.address = '请填写详细地址（街道、门牌号）';
  else if (draft.address.trim().length > 100) errors.address = '详细地址最多 100 个字';
  return errors;
}

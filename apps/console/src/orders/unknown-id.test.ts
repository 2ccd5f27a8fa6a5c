import { canSettleUnknownId, CLOSE_REASON_RULES, VENDOR_ORDER_ID_RULES } from './unknown-id';

const order = {
  id: 9,
  orderNo: 'BS2612050009',
  kind: 'inspection' as const,
  status: 'processing' as const,
  vendorStatus: '待核实',
  title: '年检代办 浙B**K1',
  amountFen: 14_800,
  createdAt: '2026-12-04T16:05:00.000Z',
  updatedAt: '2026-12-04T16:06:00.000Z',
  userId: 3,
  vendorRef: null,
};

/** Runs antd-style rules (pattern, min, max, required) on a value; answers the first message. */
function check(
  rules: { pattern?: RegExp; min?: number; max?: number; required?: boolean; message: string }[],
  value: string,
) {
  for (const rule of rules) {
    if (rule.required && value.trim() === '') return rule.message;
    if (rule.pattern && !rule.pattern.test(value)) return rule.message;
    if (rule.min !== undefined && value.length < rule.min) return rule.message;
    if (rule.max !== undefined && value.length > rule.max) return rule.message;
  }
  return null;
}

describe('待核实 inspection orders in the drawer', () => {
  it('offers 填写供应商单号 / 关闭订单 to the owner, for an open 待核实 inspection order only', () => {
    expect(canSettleUnknownId(order, 'owner')).toBe(true);
    expect(canSettleUnknownId(order, 'staff')).toBe(false);
    expect(canSettleUnknownId(order, undefined)).toBe(false);
    expect(canSettleUnknownId({ ...order, vendorStatus: '15' }, 'owner')).toBe(false);
    expect(canSettleUnknownId({ ...order, kind: 'violation_payment' }, 'owner')).toBe(false);
    expect(canSettleUnknownId({ ...order, status: 'cancelled' }, 'owner')).toBe(false);
  });

  it('checks the vendor order id and the close reason as the server does', () => {
    expect(check(VENDOR_ORDER_ID_RULES, '')).toBe('请填写供应商单号');
    expect(check(VENDOR_ORDER_ID_RULES, 'ABC-1')).toBe('供应商单号应为数字（最多 32 位），请核对');
    expect(check(VENDOR_ORDER_ID_RULES, '1'.repeat(33))).toBe('供应商单号应为数字（最多 32 位），请核对');
    expect(check(VENDOR_ORDER_ID_RULES, ' 1234567 ')).toBeNull();
    expect(check(CLOSE_REASON_RULES, ' ')).toBe('请填写关闭原因');
    expect(check(CLOSE_REASON_RULES, '取')).toBe('请填写关闭原因');
    expect(check(CLOSE_REASON_RULES, '字'.repeat(61))).toBe('关闭原因最多 60 个字');
    expect(check(CLOSE_REASON_RULES, '服务商确认未办理')).toBeNull();
  });
});

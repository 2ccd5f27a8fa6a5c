import { auditDetailText } from './audit-details';

describe('auditDetailText', () => {
  it('words every key and code: kinds, statuses, roles, formats, vendors, booleans', () => {
    expect(
      auditDetailText({
        orderNo: 'BS2612050001',
        kind: 'violation_payment',
        ok: true,
        changed: false,
        status: 'completed',
        role: 'staff',
        format: 'xlsx',
        vendor: 'docloud',
      }),
    ).toBe(
      '订单号：BS2612050001；类型：违章代缴；成功：是；有变化：否；状态：已完成；角色：员工；格式：Excel；服务商：Docloud 车务',
    );
  });

  it('writes money in yuan: a refund and a price change', () => {
    expect(auditDetailText({ amountFen: 4800, reason: '延误', outRefundNo: 'BS1RMabc' })).toBe(
      '金额：¥48.00；原因：延误；退款单号：BS1RMabc',
    );
    expect(auditDetailText({ changes: [{ service: 'inspection', from: 14800, to: 12850 }] })).toBe(
      '价格：年检代办 ¥148.00 → ¥128.50',
    );
  });

  it('never shows a raw key, even one this app does not know yet', () => {
    expect(auditDetailText({ someNewField: '3', empty: '', gone: null })).toBe('其他：3');
    expect(auditDetailText(null)).toBe('');
  });
});

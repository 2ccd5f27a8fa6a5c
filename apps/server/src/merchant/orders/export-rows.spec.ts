import type { Order } from '../../orders/order.entity.js';
import { chinaTime, csvField, csvLine, csvOrderLine } from './export-rows.js';

describe('export rows', () => {
  it('quotes what must be quoted and keeps spreadsheets from reading cells as formulas', () => {
    expect(csvField('普通文本')).toBe('普通文本');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('-1+2')).toBe("'-1+2");
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(42)).toBe('42');
    expect(csvLine(['a', 1])).toBe('a,1\r\n');
  });

  it('writes money with two decimals and the phone masked', () => {
    const at = new Date('2025-03-01T02:00:00.000Z');
    const order = {
      orderNo: 'BS1',
      kind: 'identity',
      status: 'completed',
      vendorStatus: null,
      vendorRef: null,
      title: '实名认证',
      amountFen: 700,
      userId: 9,
      createdAt: at,
      statusChangedAt: at,
      updatedAt: at,
    } as unknown as Order;
    expect(csvOrderLine(order, '13812345678')).toBe(
      'BS1,实名认证,已完成,,,实名认证,7.00,9,138****5678,2025-03-01 10:00:00,2025-03-01 10:00:00,2025-03-01 10:00:00\r\n',
    );
  });

  it('writes times in Beijing time', () => {
    expect(chinaTime(new Date('2025-03-01T16:05:09.999Z'))).toBe('2025-03-02 00:05:09');
  });
});

import { DOCLOUD_ORDER_STATUS_ORDER } from '../docloud/status-order.js';
import { YUNDOU_STATUS_ORDER } from '../yundou/status-order.js';
import { ZHIMA_STATUS_ORDER } from '../zhima/status-order.js';
import { ZJZ_STATUS_ORDER } from '../zjz/status-order.js';
import { defineStatusOrder } from './status-order.js';

describe('status orders, as each vendor document gives them', () => {
  it.each([
    ['zjz', ZJZ_STATUS_ORDER, [4, -1, -2]],
    ['docloud', DOCLOUD_ORDER_STATUS_ORDER, [3, 4]],
    ['yundou', YUNDOU_STATUS_ORDER, ['recognised', 'qr_read', 'recognition_failed']],
    ['zhima', ZHIMA_STATUS_ORDER, ['认证通过', '认证未通过']],
  ] as const)('%s: its terminal statuses, and its initial one comes first', (_, order, terminal) => {
    expect([...order.terminal].sort()).toEqual([...terminal].sort());
    expect(order.statuses[0]).toBe(order.initial);
    for (const status of order.statuses) {
      if (status !== order.initial) expect(order.mayFollow(order.initial as never, status as never)).toBe(true);
    }
  });

  it('zjz: -2 only confirms a cancellation of a pending order; a late 2 after 3 is late, not refused', () => {
    expect(ZJZ_STATUS_ORDER.verdict(1, -2)).toBe('forward');
    expect(ZJZ_STATUS_ORDER.verdict(3, -2)).toBe('refused');
    expect(ZJZ_STATUS_ORDER.verdict(4, -2)).toBe('final');
    expect(ZJZ_STATUS_ORDER.verdict(3, 2)).toBe('late');
    expect(ZJZ_STATUS_ORDER.verdict(3, 3)).toBe('same');
  });

  it('docloud: a paid order may be closed; a done one never', () => {
    expect(DOCLOUD_ORDER_STATUS_ORDER.verdict(2, 4)).toBe('forward');
    expect(DOCLOUD_ORDER_STATUS_ORDER.verdict(3, 4)).toBe('final');
    expect(DOCLOUD_ORDER_STATUS_ORDER.verdict(4, 2)).toBe('late');
  });

  it('parses what the wire gives, and nothing else', () => {
    expect(DOCLOUD_ORDER_STATUS_ORDER.parse('2')).toBe(2);
    expect(DOCLOUD_ORDER_STATUS_ORDER.parse(2)).toBe(2);
    for (const value of [2.5, '2.5', true, null, undefined, '', 5]) {
      expect(DOCLOUD_ORDER_STATUS_ORDER.parse(value)).toBeUndefined();
    }
  });

  it('refuses a lifecycle with a cycle', () => {
    expect(() =>
      defineStatusOrder<'a' | 'b'>({
        vendor: 'x',
        lifecycle: 'x',
        initial: 'a',
        next: [
          ['a', ['b']],
          ['b', ['a']],
        ],
      }),
    ).toThrow(/cycle/);
  });
});

import { DEFAULT_VISIBLE, ORDER_COLUMNS, orderColumns, userCell } from './order-columns';

const row = {
  id: 7,
  orderNo: 'BS2612050001',
  kind: 'violation_payment' as const,
  status: 'action_required' as const,
  vendorStatus: '1',
  title: '违章代缴 浙B**7K1',
  amountFen: 12_345,
  createdAt: '2026-12-04T16:05:00.000Z',
  updatedAt: '2026-12-04T16:06:00.000Z',
  userId: 3,
  vendorRef: 'D-1',
  userNickname: '小王',
  userPhoneLast4: '5678',
  vendorStatusLabel: '待支付',
};

const text = (node: unknown): string => {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(text).join('');
  return text((node as { props?: { children?: unknown } }).props?.children);
};

describe('order table columns', () => {
  const open = () => undefined;
  const columns = orderColumns({ visible: DEFAULT_VISIBLE, sort: 'desc', onOpen: open });
  const cell = (key: string) => {
    const column = columns.find((c) => c.key === key) as { render: (v: unknown, r: typeof row, i: number) => unknown };
    return text(column.render(undefined, row, 0));
  };

  it('shows every column but the vendor reference by default, in the chooser order', () => {
    expect(columns.map((c) => c.key)).toEqual(ORDER_COLUMNS.map((c) => c.key).filter((k) => k !== 'vendorRef'));
    expect(columns.map((c) => c.title)).toEqual([
      '业务',
      '订单号',
      '用户',
      '标题',
      '金额',
      '状态',
      '服务商状态',
      '下单时间',
      '更新时间',
    ]);
  });

  it('renders values for a person: kind and status in Chinese, money in ¥, China time, the user masked', () => {
    expect(cell('kind')).toBe('违章代缴');
    expect(cell('status')).toBe('待补充');
    expect(cell('amountFen')).toBe('¥123.45');
    expect(cell('createdAt')).toBe('2026-12-05 00:05');
    expect(cell('user')).toBe('小王 · 尾号 5678');
    // The vendor's words first, its code quietly after them.
    expect(cell('vendorStatus')).toBe('待支付 1');
    expect(userCell({ userId: 9, userNickname: null, userPhoneLast4: null })).toBe('用户 9');
  });

  it('sorts only by creation time, the one order the server pages by', () => {
    expect(columns.filter((c) => 'sorter' in c && c.sorter).map((c) => c.key)).toEqual(['createdAt']);
    const asc = orderColumns({ visible: DEFAULT_VISIBLE, sort: 'asc', onOpen: open });
    expect(asc.find((c) => c.key === 'createdAt')).toMatchObject({ sortOrder: 'ascend' });
    expect(columns.find((c) => c.key === 'createdAt')).toMatchObject({ sortOrder: 'descend' });
  });

  it('keeps only the chosen columns', () => {
    const chosen = orderColumns({ visible: ['orderNo', 'vendorRef'], sort: 'desc', onOpen: open });
    expect(chosen.map((c) => c.key)).toEqual(['orderNo', 'vendorRef']);
  });
});

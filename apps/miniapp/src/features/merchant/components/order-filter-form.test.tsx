import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { listMerchantOrders } from '../api/list-merchant-orders';
import { EMPTY_FILTERS, type MerchantFilters, toMerchantOrderQuery } from '../filters';
import { OrderFilterForm } from './order-filter-form';

const mockRequest = Taro.request as unknown as jest.Mock;

function chip(container: HTMLElement, row: string, label: string): HTMLElement {
  return within(container.querySelector(`.${row}`) as HTMLElement).getByText(label);
}

async function typeOrderNo(container: HTMLElement, value: string, field = 'merchant-filter-order-no') {
  // Taro's <Input> is a web component: its native <input> appears a tick after the first render.
  const input = await waitFor(() => {
    const element = container.querySelector<HTMLInputElement>(`.${field} input`);
    if (!element) throw new Error('order number input not rendered yet');
    return element;
  });
  await act(async () => {
    input.value = value;
    fireEvent.input(input, { target: { value } });
  });
}

describe('OrderFilterForm', () => {
  it('sends the chosen kind, status and trimmed order number, and nothing else', async () => {
    const onSubmit = jest.fn();
    const { container } = render(<OrderFilterForm value={EMPTY_FILTERS} onSubmit={onSubmit} />);

    fireEvent.click(screen.getByText('筛选'));
    fireEvent.click(chip(container, 'merchant-filter-kind', '票据识别'));
    fireEvent.click(chip(container, 'merchant-filter-status', '失败'));
    await typeOrderNo(container, '  BS2025  ');
    fireEvent.click(screen.getByText('查询'));

    expect(onSubmit).toHaveBeenCalledTimes(1);
    const filters: MerchantFilters = onSubmit.mock.calls[0][0];
    expect(toMerchantOrderQuery(filters)).toEqual({ kind: 'invoice_scan', status: 'failed', orderNo: 'BS2025' });
  });

  it('turns the filters into the list request with the keyset cursor', async () => {
    Taro.setStorageSync('banshi.merchantToken', 'm-token');
    mockRequest.mockResolvedValue({ statusCode: 200, data: { items: [], nextCursor: null } });
    const query = toMerchantOrderQuery({
      ...EMPTY_FILTERS,
      kind: 'violation_payment',
      status: 'action_required',
      from: '2025-03-01',
      to: '2025-03-31',
      orderNo: '',
    });

    await listMerchantOrders(query, 'eyJpZCI6NDJ9');

    expect(mockRequest.mock.calls[0][0].url).toBe(
      '/api/merchant/orders?kind=violation_payment&status=action_required&from=2025-03-01&to=2025-03-31' +
        '&cursor=eyJpZCI6NDJ9&limit=20',
    );
  });

  it('"全部" takes a filter off again', () => {
    const onSubmit = jest.fn();
    const { container } = render(
      <OrderFilterForm value={{ ...EMPTY_FILTERS, kind: 'identity' }} onSubmit={onSubmit} />,
    );

    fireEvent.click(screen.getByText('筛选(1)'));
    fireEvent.click(chip(container, 'merchant-filter-kind', '全部'));
    fireEvent.click(screen.getByText('查询'));

    expect(toMerchantOrderQuery(onSubmit.mock.calls[0][0])).toEqual({});
  });

  it('refuses a date range that ends before it starts', () => {
    const onSubmit = jest.fn();
    render(<OrderFilterForm value={{ ...EMPTY_FILTERS, from: '2025-03-10', to: '2025-03-01' }} onSubmit={onSubmit} />);

    fireEvent.click(screen.getByText('查询'));

    expect(onSubmit).not.toHaveBeenCalled();
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '开始日期不能晚于结束日期' }));
  });

  it('重置 clears every filter and sends at once', () => {
    const onSubmit = jest.fn();
    render(
      <OrderFilterForm
        value={{
          kind: 'inspection',
          status: 'pending',
          from: '2025-01-01',
          to: null,
          orderNo: 'BS1',
          vendorRef: 'VR1',
          phoneLast4: '5678',
          sort: 'asc',
        }}
        onSubmit={onSubmit}
      />,
    );

    fireEvent.click(screen.getByText('重置'));

    expect(onSubmit).toHaveBeenCalledWith(EMPTY_FILTERS);
  });

  it("sends the phone's last four, the vendor reference and oldest-first, and refuses a bad phone tail", async () => {
    const onSubmit = jest.fn();
    const { container } = render(<OrderFilterForm value={EMPTY_FILTERS} onSubmit={onSubmit} />);

    fireEvent.click(screen.getByText('筛选'));
    await typeOrderNo(container, '12a', 'merchant-filter-phone');
    fireEvent.click(screen.getByText('查询'));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '手机尾号应为 4 位数字' }));

    await typeOrderNo(container, '5678', 'merchant-filter-phone');
    await typeOrderNo(container, ' ZJ-001 ', 'merchant-filter-vendor-ref');
    fireEvent.click(screen.getByText('最早在前'));
    fireEvent.click(screen.getByText('查询'));

    expect(toMerchantOrderQuery(onSubmit.mock.calls[0][0])).toEqual({
      phoneLast4: '5678',
      vendorRef: 'ZJ-001',
      sort: 'asc',
    });
  });
});

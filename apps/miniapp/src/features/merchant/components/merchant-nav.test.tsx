import { fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { MerchantNav, tabsFor } from './merchant-nav';

const mockRequest = Taro.request as unknown as jest.Mock;

describe('MerchantNav', () => {
  it('gives the owner every page and staff only what staff may use', () => {
    expect(tabsFor('owner').map((tab) => tab.text)).toEqual(['订单', '看板', '待处理', '账号', '日志']);
    expect(tabsFor('staff').map((tab) => tab.text)).toEqual(['订单', '看板', '待处理']);
  });

  it('shows how many things wait, and switches pages like tabs', async () => {
    Taro.setStorageSync('banshi.merchantToken', 'm-token');
    Taro.setStorageSync('banshi.merchant', { id: 1, username: 'boss', role: 'owner' });
    mockRequest.mockResolvedValue({
      statusCode: 200,
      data: { failedCallbacks: 2, rejectedCallbacks: 5, stuckOrders: 3, thresholds: {} },
    });
    const { container } = render(<MerchantNav current="orders" />);
    await waitFor(() => expect(container.querySelector('.merchant-nav__badge')?.textContent).toBe('5'));
    expect(mockRequest.mock.calls[0][0].url).toBe('/api/merchant/attention/summary');

    fireEvent.click(container.querySelector('.merchant-nav__item--dashboard') as Element);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/merchant-dashboard/pages/index/index' });
    fireEvent.click(container.querySelector('.merchant-nav__item--orders') as Element);
    expect(Taro.redirectTo).toHaveBeenCalledTimes(1);
  });
});

import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { firePageEvent } from '../../../test/taro-mock';
import MePage from './index';

const mockRequest = Taro.request as unknown as jest.Mock;

interface Call {
  url: string;
  method?: string;
  data?: unknown;
}

/** A small server: the profile, the unread count, and the sandbox's phone-number code and binding. */
function serve(state: { phone: string | null; unread: number }) {
  mockRequest.mockImplementation(({ url, method = 'GET', data }: Call) => {
    const answer = (body: unknown, statusCode = 200) => Promise.resolve({ statusCode, data: body, header: {} });
    if (url === '/api/me' && method === 'GET')
      return answer({ id: 7, nickname: '微信用户', phone: state.phone, verifiedIdentity: false });
    if (url === '/api/notices/unread') return answer({ unread: state.unread });
    if (url === '/api/sandbox/wechat/phone-code') return answer({ code: 'phone-code-1' });
    if (url === '/api/me/phone' && method === 'POST') {
      expect(data).toEqual({ code: 'phone-code-1' });
      state.phone = '138****8000';
      return answer({ id: 7, nickname: '微信用户', phone: state.phone, verifiedIdentity: false });
    }
    return answer({ code: 'NOT_FOUND', message: '不存在' }, 404);
  });
}

describe('我的', () => {
  beforeEach(() => Taro.setStorageSync('banshi.token', 'user-token'));

  it('shows the unread count on 消息中心 and opens the message centre', async () => {
    serve({ phone: '138****8000', unread: 3 });
    const { container } = render(<MePage />);
    await act(async () => {
      await firePageEvent('didShow');
    });
    await waitFor(() => expect(container.querySelector('.me-unread-badge')?.textContent).toContain('3'));
    fireEvent.click(container.querySelector('.me-link-messages') as Element);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/messages/index' });
  });

  it('has no badge when everything is read', async () => {
    serve({ phone: '138****8000', unread: 0 });
    const { container, findByText } = render(<MePage />);
    await act(async () => {
      await firePageEvent('didShow');
    });
    await findByText('手机号 138****8000');
    expect(container.querySelector('.me-unread-badge')).toBeNull();
    expect(container.querySelector('.phone-bind__button')).toBeNull();
  });

  it('binds the phone with the code of the phone-number button and shows it masked', async () => {
    serve({ phone: null, unread: 0 });
    const { container, findByText } = render(<MePage />);
    await findByText('手机号 未绑定');
    fireEvent.click(container.querySelector('.phone-bind__button') as Element);
    await findByText('手机号 138****8000');
    expect(container.querySelector('.phone-bind__button')).toBeNull();
    const bind = mockRequest.mock.calls.find(([call]: [Call]) => call.url === '/api/me/phone');
    expect(bind?.[0].method).toBe('POST');
  });
});

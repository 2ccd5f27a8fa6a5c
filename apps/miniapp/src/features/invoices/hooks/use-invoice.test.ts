import Taro from '@tarojs/taro';
import { act, renderHook, waitFor } from '@testing-library/react';
import { tokenStore } from '../../../shared/auth/token-store';
import { scanFixture } from '../test-fixtures';
import { POLL_INTERVAL_MS, useInvoice } from './use-invoice';

const request = Taro.request as unknown as jest.Mock;
const answer = (data: unknown) => Promise.resolve({ statusCode: 200, data });

describe('useInvoice', () => {
  beforeEach(() => tokenStore.setUser('token'));
  afterEach(() => jest.useRealTimers());

  it('polls while the scan is being recognised and stops once the result is in', async () => {
    jest.useFakeTimers();
    request
      .mockImplementationOnce(() => answer(scanFixture({ status: 'recognising', typeLabel: null })))
      .mockImplementationOnce(() => answer(scanFixture({ status: 'recognising', typeLabel: null })))
      .mockImplementationOnce(() => answer(scanFixture({ status: 'recognised' })));
    const { result } = renderHook(() => useInvoice(7));
    await waitFor(() => expect(result.current.data?.status).toBe('recognising'));

    await act(async () => void jest.advanceTimersByTime(POLL_INTERVAL_MS));
    await act(async () => void jest.advanceTimersByTime(POLL_INTERVAL_MS));
    await waitFor(() => expect(result.current.data?.status).toBe('recognised'));
    await act(async () => void jest.advanceTimersByTime(POLL_INTERVAL_MS * 4));

    expect(request).toHaveBeenCalledTimes(3);
    expect(request.mock.calls[0][0].url).toBe('/api/invoices/7');
  });
});

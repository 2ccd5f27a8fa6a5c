import Taro from '@tarojs/taro';
import { askForUpdates, prepareUpdates } from './ask-for-updates';

const mockRequest = Taro.request as unknown as jest.Mock;
type Call = { url: string; method?: string; data?: unknown };

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const calls = () => mockRequest.mock.calls.map(([call]: [Call]) => `${call.method ?? 'GET'} ${call.url}`);

describe('askForUpdates', () => {
  beforeEach(() => {
    Taro.setStorageSync('banshi.token', 'user-token');
    mockRequest.mockImplementation(async ({ url }: Call) => {
      const templates = url.startsWith('/api/notifications/subscriptions/templates?');
      return {
        statusCode: templates ? 200 : 204,
        data: templates ? { templateIds: ['tmpl-inspection'] } : '',
        header: {},
      };
    });
  });

  it('asks at once with the template ids fetched when the page opened, then records the answer', async () => {
    prepareUpdates('inspection');
    await settle();
    mockRequest.mockClear();

    askForUpdates('inspection');
    await settle();
    await settle();
    // The dialog is asked first, with the cached ids (WeChat opens it only within the tap), and the
    // ids are fetched again afterwards for the next time.
    expect(calls()[0]).toBe('POST /api/sandbox/wechat/subscribe');
    expect(mockRequest.mock.calls[0][0].data).toEqual({ templateIds: ['tmpl-inspection'] });
    const recorded = mockRequest.mock.calls.find(([call]: [Call]) => call.url === '/api/notifications/subscriptions');
    expect(recorded?.[0].data).toEqual({ results: [{ templateId: 'tmpl-inspection', answer: 'accept' }] });
  });

  it('never fails the submit: an error on the way is swallowed and nothing is recorded', async () => {
    mockRequest.mockRejectedValue(new Error('offline'));
    expect(() => askForUpdates('id_photo')).not.toThrow();
    await settle();
    await settle();
    expect(calls()).not.toContain('POST /api/notifications/subscriptions');
    expect(Taro.showToast).not.toHaveBeenCalled();
  });
});

import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { ApiError, NETWORK_ERROR_MESSAGE, sendJson } from '../../../shared/api/http';
import type { SandboxCodeDto } from '../../../shared/api/types';
import type { PhoneBindProps } from './phone-bind-types';

/**
 * The browser stand-in for WeChat's phone-number button: in sandbox mode the server's WeChat simulator
 * gives the code a real button would (for the sandbox account's phone). A live server has no such route,
 * and the user is told that binding needs WeChat.
 */
export function PhoneBindButton({ onCode, busy }: PhoneBindProps) {
  const tap = async () => {
    try {
      const { code } = await sendJson<SandboxCodeDto>({
        method: 'POST',
        path: '/api/sandbox/wechat/phone-code',
        data: {},
      });
      onCode(code);
    } catch (error) {
      const title = !(error instanceof ApiError)
        ? NETWORK_ERROR_MESSAGE
        : error.status === 404
          ? '请在微信小程序中绑定手机号'
          : error.message;
      void Taro.showToast({ title, icon: 'none', duration: 2500 });
    }
  };
  return (
    <Button
      className="phone-bind__button"
      type="primary"
      fill="outline"
      size="small"
      loading={busy}
      disabled={busy}
      onClick={() => void tap()}
    >
      绑定手机号
    </Button>
  );
}

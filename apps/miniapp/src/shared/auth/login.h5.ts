import Taro from '@tarojs/taro';
import { sendJson } from '../api/http';
import type { SandboxCodeDto } from '../api/types';
import { exchangeWechatCode } from './exchange';
import type { WechatLogin } from './types';

const DEVICE_KEY = 'banshi.sandboxDevice';

/** One stable sandbox identity per browser, as one WeChat account keeps one openid: a re-login is the same user. */
function sandboxDeviceId(): string {
  const kept: unknown = Taro.getStorageSync(DEVICE_KEY);
  if (typeof kept === 'string' && kept) return kept;
  const id = `h5-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  Taro.setStorageSync(DEVICE_KEY, id);
  return id;
}

/**
 * A browser has no wx.login: in sandbox mode the server's WeChat simulator mints the code instead, and the
 * rest of the login is the same as in the mini-program.
 */
export const loginWithWechat: WechatLogin = async () => {
  const { code } = await sendJson<SandboxCodeDto>({
    method: 'POST',
    path: '/api/sandbox/wechat/code',
    data: { deviceId: sandboxDeviceId() },
  });
  return exchangeWechatCode(code);
};

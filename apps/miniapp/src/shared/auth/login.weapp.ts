import Taro from '@tarojs/taro';
import { ApiError } from '../api/http';
import { exchangeWechatCode } from './exchange';
import type { WechatLogin } from './types';

/** In WeChat: wx.login gives a code without asking the user anything, the server trades it for a session. */
export const loginWithWechat: WechatLogin = async () => {
  let code: string;
  try {
    ({ code } = await Taro.login());
  } catch {
    throw new ApiError(0, 'WECHAT_LOGIN_FAILED', '微信登录失败，请稍后重试');
  }
  return exchangeWechatCode(code);
};

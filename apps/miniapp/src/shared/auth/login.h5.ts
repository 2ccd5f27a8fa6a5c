import { sendJson } from '../api/http';
import type { SandboxCodeDto } from '../api/types';
import { exchangeWechatCode } from './exchange';
import type { WechatLogin } from './types';

/**
 * A browser has no wx.login: in sandbox mode the server's WeChat simulator mints the code instead, and the
 * rest of the login is the same as in the mini-program.
 */
export const loginWithWechat: WechatLogin = async () => {
  const { code } = await sendJson<SandboxCodeDto>({ method: 'POST', path: '/api/sandbox/wechat/code' });
  return exchangeWechatCode(code);
};

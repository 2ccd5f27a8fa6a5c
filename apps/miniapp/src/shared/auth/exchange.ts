import { sendJson } from '../api/http';
import type { WechatLoginDto } from '../api/types';

/** A WeChat code works once and for about 5 minutes: exchange it right away. */
export function exchangeWechatCode(code: string): Promise<WechatLoginDto> {
  return sendJson<WechatLoginDto>({ method: 'POST', path: '/api/auth/wechat', data: { code } });
}

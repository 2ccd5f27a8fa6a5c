export interface WechatClientOptions {
  baseUrl: string;
  appId: string;
  appSecret: string;
  timeoutMs?: number;
  maxRetries?: number;
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
}

/** A successful `code2Session` answer. `session_key` never leaves the server. */
export interface WechatSession {
  openid: string;
  sessionKey: string;
  unionid?: string;
}

export interface WechatAccessToken {
  accessToken: string;
  expiresInSeconds: number;
}

/** WeChat's error codes that callers branch on. */
export const WECHAT_ERRORS = {
  BUSY: '-1',
  INVALID_APPID: '40013',
  INVALID_SECRET: '40125',
  INVALID_CODE: '40029',
  CODE_USED: '40163',
  RATE_LIMITED: '45011',
} as const;

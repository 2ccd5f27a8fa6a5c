import type { VendorClientOptions } from '../core/index.js';

export interface WechatClientOptions extends VendorClientOptions {
  appId: string;
  appSecret: string;
  /** Time source for the access-token cache (tests move it). */
  now?: () => number;
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

/** 《发送订阅消息》 request. `data` values must fit their key's type (see `subscribe-values.ts`). */
export interface SubscribeMessage {
  touser: string;
  templateId: string;
  /** A page of this mini-program, with query: `pages/orders/detail?id=3`. */
  page?: string;
  data: Record<string, string>;
  miniprogramState?: 'developer' | 'trial' | 'formal';
  lang?: 'zh_CN' | 'en_US' | 'zh_HK' | 'zh_TW';
}

/** 《获取手机号》 answer (`phone_info`). */
export interface WechatPhoneInfo {
  /** With the country code for numbers outside China. */
  phoneNumber: string;
  purePhoneNumber: string;
  countryCode: string;
  watermark: { appid: string; timestamp: number };
}

/** 《异步校验图片/音频是否含有违法违规内容》 v2 request. */
export interface MediaCheckRequest {
  mediaUrl: string;
  /** 1 audio, 2 image. */
  mediaType: 1 | 2;
  /** The user who uploaded it; WeChat wants one who used the mini-program in the last two hours. */
  openid: string;
  /** 1 资料 profile, 2 评论 comment, 3 论坛 forum, 4 社交日志 social log. */
  scene: 1 | 2 | 3 | 4;
}

export type MediaCheckSuggest = 'pass' | 'review' | 'risky';

/** The `wxa_media_check` event (v2), pushed to the message-push URL within 30 minutes. */
export interface MediaCheckEvent {
  traceId: string;
  appid: string;
  /** `risky` and `review` both mean "do not show it to others" in Banshi's reading. */
  suggest: MediaCheckSuggest;
  /** 100 normal; 10001 ad, 20001 politics, 20002 porn, 20003 abuse, 20006 crime, 20008 fraud, 20012 vulgar, 20013 copyright, 21000 other. */
  label: number;
  /** 0, or −1008 (4294966288 unsigned) when WeChat could not download the URL. */
  statusCode: number;
  createTime: number;
}

/** The message-push server settings (小程序后台 → 开发管理 → 消息推送配置). */
export interface WechatPushSettings {
  token: string;
  /** 43 characters; set when the push is in safe mode (安全模式). */
  encodingAesKey?: string;
  appId: string;
}

/** WeChat's error codes that callers branch on. */
export const WECHAT_ERRORS = {
  BUSY: '-1',
  INVALID_CREDENTIAL: '40001',
  INVALID_OPENID: '40003',
  INVALID_APPID: '40013',
  INVALID_CODE: '40029',
  INVALID_TEMPLATE: '40037',
  INVALID_SECRET: '40125',
  CODE_USED: '40163',
  INVALID_PAGE: '41030',
  TOKEN_EXPIRED: '42001',
  USER_REFUSED: '43101',
  INVALID_ARGUMENT: '47003',
  DAILY_QUOTA: '45009',
  RATE_LIMITED: '45011',
} as const;

/** Codes after which a new access token makes the same call work. */
export const TOKEN_ERRORS: ReadonlySet<string> = new Set([
  WECHAT_ERRORS.INVALID_CREDENTIAL,
  WECHAT_ERRORS.TOKEN_EXPIRED,
]);

/** Codes that mean "try again later" (WeChat busy, quota or rate limit). */
export const TRANSIENT_ERRORS: ReadonlySet<string> = new Set([
  WECHAT_ERRORS.BUSY,
  WECHAT_ERRORS.DAILY_QUOTA,
  WECHAT_ERRORS.RATE_LIMITED,
]);

import type { WechatLoginDto } from '../api/types';

/**
 * The one interface of the per-platform login files (`login.weapp.ts`, `login.h5.ts`): obtain a WeChat
 * login code however the platform allows, and exchange it for our token.
 */
export type WechatLogin = () => Promise<WechatLoginDto>;

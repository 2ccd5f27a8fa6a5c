/**
 * A mini-program has no origin of its own: it calls an absolute URL, which WeChat requires to be in the
 * app's request domain list. Set TARO_APP_API_BASE_URL in `.env.production.local` for a real build.
 */
export const API_BASE_URL = (process.env.TARO_APP_API_BASE_URL || 'http://127.0.0.1:3000').replace(/\/+$/, '');

import { z } from 'zod';
import type { OrderKind } from '../orders/order-status.js';
import { DEFAULT_STUCK_ORDER_MINUTES, parseStuckOrderMinutes } from './stuck-orders.js';

/**
 * Every setting the server reads, validated once at start-up. A missing or malformed setting stops
 * the server with its name and the reason, instead of failing later on the first request.
 */
const port = z.coerce.number().int().min(0).max(65535);
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_BASE_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .default('sqlite:./data/banshi.sqlite')
    .refine((v) => /^(sqlite:|mysql:\/\/)/.test(v), 'must start with sqlite: or mysql://'),
  DATA_DIR: z.string().default('./data'),
  H5_DIST_DIR: optionalText,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  VENDOR_MODE: z.enum(['sandbox', 'live']).optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  PII_ENCRYPTION_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 bytes in base64 (openssl rand -base64 32)')
    .optional(),
  FILE_RETENTION_DAYS: z.coerce.number().int().min(1).default(7),
  WECHAT_APP_ID: optionalText,
  WECHAT_APP_SECRET: optionalText,
  WECHAT_API_BASE: z.url().default('https://api.weixin.qq.com'),
  ZJZ_API_KEY: optionalText,
  ZJZ_API_BASE: z.url().default('https://api.zjzapi.com'),
  YUNDOU_COMPANY_ID: optionalText,
  YUNDOU_API_KEY: optionalText,
  YUNDOU_API_BASE: z.url().default('https://cloud.yundoukuaiji.com'),
  ALIPAY_APP_ID: optionalText,
  ALIPAY_PRIVATE_KEY: optionalText,
  ALIPAY_PUBLIC_KEY: optionalText,
  ALIPAY_GATEWAY: z.url().default('https://openapi.alipay.com/gateway.do'),
  ZHIMA_PRODUCT_CODE: z.string().default('w1010100000000002978'),
  ZHIMA_LINKED_MERCHANT_ID: optionalText,
  ZHIMA_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(15_000),
  IDENTITY_DAILY_LIMIT: z.coerce.number().int().min(1).max(100).default(5),
  VENDOR_TIMEOUT_MS: z.coerce.number().int().min(200).max(120_000).optional(),
  DOCLOUD_APP_KEY: optionalText,
  DOCLOUD_APP_SECRET: optionalText,
  DOCLOUD_API_BASE: z.url().default('https://openapi.docloud.vip'),
  DOCLOUD_PAYMENT_MODE: z.enum(['credit', 'online']).default('credit'),
  VIOLATION_QUERY_FRESH_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  STUCK_ORDER_MINUTES: z
    .string()
    .optional()
    .transform((value, context) => {
      const parsed = parseStuckOrderMinutes(value);
      if (typeof parsed === 'string') context.addIssue({ code: 'custom', message: parsed });
      return typeof parsed === 'string' ? DEFAULT_STUCK_ORDER_MINUTES : parsed;
    }),
});

export type Env = z.infer<typeof envSchema>;

/** Credentials of every vendor, for live mode. In sandbox mode they come from the simulators. */
export interface VendorSettings {
  wechat: { baseUrl: string; appId: string; appSecret: string };
  zjz: { baseUrl: string; apiKey: string };
  yundou: { baseUrl: string; companyId: string; apiKey: string };
  zhima: {
    gateway: string;
    appId: string;
    privateKey: string;
    alipayPublicKey: string;
    productCode: string;
    linkedMerchantId?: string;
  };
  docloud: { baseUrl: string; appKey: string; appSecret: string; paymentMode: 'credit' | 'online' };
}

export interface AppConfig {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  /** Where vendors reach us; callbacks URLs are built on it. Unset: the listening address. */
  publicBaseUrl?: string;
  databaseUrl: string;
  dataDir: string;
  h5DistDir?: string;
  logLevel: Env['LOG_LEVEL'];
  vendorMode: 'sandbox' | 'live';
  /** Unset in sandbox mode: a development secret is generated once and kept under DATA_DIR. */
  jwtSecret?: string;
  piiEncryptionKey?: string;
  fileRetentionDays: number;
  /** Present in live mode (all required); in sandbox mode the sandbox supplies them. */
  liveVendors?: VendorSettings;
  docloudPaymentMode: 'credit' | 'online';
  /** A car's stored violations younger than this are served without asking Docloud again. */
  violationQueryFreshSeconds: number;
  zhimaProductCode: string;
  /** Minutes an order of each kind may stay non-final before the merchant console lists it as stuck. */
  stuckOrderMinutes: Record<OrderKind, number>;
  /** How long a Zhima certification may take before it is answered as "try again later". */
  zhimaTimeoutMs: number;
  /** Identity verifications a user may send to the vendor per day (China time): each one is paid. */
  identityDailyLimit: number;
  /**
   * One timeout for every zjz, Yundou and Docloud request, instead of each client's own default
   * (zjz 30 s, Yundou 20 s, Docloud 10 s). Unset in production; fault tests shorten it.
   */
  vendorTimeoutMs?: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LIVE_CREDENTIALS = [
  'WECHAT_APP_ID',
  'WECHAT_APP_SECRET',
  'ZJZ_API_KEY',
  'YUNDOU_COMPANY_ID',
  'YUNDOU_API_KEY',
  'ALIPAY_APP_ID',
  'ALIPAY_PRIVATE_KEY',
  'ALIPAY_PUBLIC_KEY',
  'DOCLOUD_APP_KEY',
  'DOCLOUD_APP_SECRET',
] as const;

export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const env = parsed.data;
  const anyCredential = LIVE_CREDENTIALS.some((name) => env[name]);
  const vendorMode = env.VENDOR_MODE ?? (anyCredential ? 'live' : 'sandbox');
  const problems: string[] = [];
  if (vendorMode === 'live') {
    for (const name of LIVE_CREDENTIALS) if (!env[name]) problems.push(`${name}: required when VENDOR_MODE=live`);
    if (!env.JWT_SECRET) problems.push('JWT_SECRET: required when VENDOR_MODE=live');
    if (!env.PII_ENCRYPTION_KEY) problems.push('PII_ENCRYPTION_KEY: required when VENDOR_MODE=live');
    if (!env.PUBLIC_BASE_URL) problems.push('PUBLIC_BASE_URL: required when VENDOR_MODE=live (vendors call it back)');
  }
  if (problems.length) throw new ConfigError(problems);

  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    publicBaseUrl: env.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    h5DistDir: env.H5_DIST_DIR,
    logLevel: env.LOG_LEVEL,
    vendorMode,
    jwtSecret: env.JWT_SECRET,
    piiEncryptionKey: env.PII_ENCRYPTION_KEY,
    fileRetentionDays: env.FILE_RETENTION_DAYS,
    docloudPaymentMode: env.DOCLOUD_PAYMENT_MODE,
    violationQueryFreshSeconds: env.VIOLATION_QUERY_FRESH_SECONDS,
    zhimaProductCode: env.ZHIMA_PRODUCT_CODE,
    stuckOrderMinutes: env.STUCK_ORDER_MINUTES,
    zhimaTimeoutMs: env.ZHIMA_TIMEOUT_MS,
    identityDailyLimit: env.IDENTITY_DAILY_LIMIT,
    vendorTimeoutMs: env.VENDOR_TIMEOUT_MS,
    liveVendors: vendorMode === 'live' ? liveVendorSettings(env) : undefined,
  };
}

function liveVendorSettings(env: Env): VendorSettings {
  const required = (value: string | undefined) => value as string;
  return {
    wechat: {
      baseUrl: env.WECHAT_API_BASE,
      appId: required(env.WECHAT_APP_ID),
      appSecret: required(env.WECHAT_APP_SECRET),
    },
    zjz: { baseUrl: env.ZJZ_API_BASE, apiKey: required(env.ZJZ_API_KEY) },
    yundou: {
      baseUrl: env.YUNDOU_API_BASE,
      companyId: required(env.YUNDOU_COMPANY_ID),
      apiKey: required(env.YUNDOU_API_KEY),
    },
    zhima: {
      gateway: env.ALIPAY_GATEWAY,
      appId: required(env.ALIPAY_APP_ID),
      privateKey: required(env.ALIPAY_PRIVATE_KEY),
      alipayPublicKey: required(env.ALIPAY_PUBLIC_KEY),
      productCode: env.ZHIMA_PRODUCT_CODE,
      linkedMerchantId: env.ZHIMA_LINKED_MERCHANT_ID,
    },
    docloud: {
      baseUrl: env.DOCLOUD_API_BASE,
      appKey: required(env.DOCLOUD_APP_KEY),
      appSecret: required(env.DOCLOUD_APP_SECRET),
      paymentMode: env.DOCLOUD_PAYMENT_MODE,
    },
  };
}

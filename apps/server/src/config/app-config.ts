import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '@banshi/vendor-clients';
import type { OrderKind } from './order-kinds.js';
import { storageConfig, storageEnvSchema, type StorageConfig } from './storage-config.js';
import { fromRoot, repositoryRoot, resolveDatabaseUrl } from './repo-root.js';
import { DEFAULT_STUCK_ORDER_MINUTES, parseStuckOrderMinutes } from './stuck-orders.js';
import { parseSubscribeSettings, type SubscribeSettings } from './subscribe-settings.js';

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
    .optional()
    .refine((v) => v === undefined || /^(sqlite:|mysql:\/\/)/.test(v), 'must start with sqlite: or mysql://'),
  DATA_DIR: z.string().default('./data'),
  H5_DIST_DIR: optionalText,
  CONSOLE_DIST_DIR: optionalText,
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
  WECHAT_PUSH_TOKEN: optionalText,
  WECHAT_PUSH_AES_KEY: z
    .string()
    .regex(/^[A-Za-z0-9]{43}$/, 'must be the 43-character EncodingAESKey of the message push settings')
    .optional(),
  WECHAT_SUBSCRIBE_TEMPLATES: optionalText,
  WECHAT_SUBSCRIBE_FIELDS: optionalText,
  WECHAT_MINIPROGRAM_STATE: z.enum(['developer', 'trial', 'formal']).default('formal'),
  ZJZ_API_KEY: optionalText,
  ZJZ_API_BASE: z.url().default('https://api.zjzapi.com'),
  ZJZ_FILE_HOSTS: z
    .string()
    .default('*.zjzapi.com')
    .transform((value) =>
      value
        .split(',')
        .map((host) => host.trim())
        .filter(Boolean),
    )
    .refine(
      (hosts) => hosts.every((host) => /^(\*\.)?[a-z0-9.-]+(:\d+)?$/i.test(host)),
      'must be host names separated by commas (a.example.com, *.example.com, host:port)',
    ),
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
  WECHATPAY_MCHID: optionalText,
  WECHATPAY_MERCHANT_PRIVATE_KEY: optionalText,
  WECHATPAY_MERCHANT_SERIAL_NO: optionalText,
  WECHATPAY_PUBLIC_KEY: optionalText,
  WECHATPAY_PUBLIC_KEY_ID: optionalText,
  WECHATPAY_API_V3_KEY: z
    .string()
    .refine((v) => Buffer.byteLength(v, 'utf8') === 32, 'must be the 32-character APIv3 key')
    .optional(),
  WECHATPAY_API_BASE: z.url().default('https://api.mch.weixin.qq.com'),
  DOCLOUD_APP_KEY: optionalText,
  DOCLOUD_APP_SECRET: optionalText,
  DOCLOUD_API_BASE: z.url().default('https://openapi.docloud.vip'),
  DOCLOUD_PAYMENT_MODE: z.enum(['credit', 'online']).default('credit'),
  /**
   * Credit mode only: the user pays (WeChat Pay) the fines, Docloud's fees and the merchant's fee
   * before the agency order is placed. `off` is the old behaviour, where the merchant's credit
   * account advances everything and the user pays nothing: only for a merchant who bills otherwise.
   */
  VIOLATION_PREPAY: z.enum(['on', 'off']).default('on'),
  VIOLATION_QUERY_FRESH_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  CAR_ADDS_PER_DAY: z.coerce.number().int().min(1).max(100).default(5),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  REDIS_URL: z
    .string()
    .optional()
    .refine((v) => !v || /^rediss?:\/\//.test(v), 'must start with redis:// or rediss://'),
  REDIS_KEY_PREFIX: z.string().default('banshi:'),
  /**
   * Which proxies' X-Forwarded-For to believe (Express's `trust proxy`: addresses, CIDRs or the names
   * loopback / linklocal / uniquelocal, comma-separated). Behind nginx on another machine: its address.
   */
  TRUST_PROXY: z
    .string()
    .default('loopback')
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    ),
  THROTTLE_IP_PER_MINUTE: z.coerce.number().int().min(0).default(1200),
  THROTTLE_USER_PER_MINUTE: z.coerce.number().int().min(0).default(300),
  STUCK_ORDER_MINUTES: z
    .string()
    .optional()
    .transform((value, context) => {
      const parsed = parseStuckOrderMinutes(value);
      if (typeof parsed === 'string') context.addIssue({ code: 'custom', message: parsed });
      return typeof parsed === 'string' ? DEFAULT_STUCK_ORDER_MINUTES : parsed;
    }),
  ...storageEnvSchema.shape,
  SHUTDOWN_DRAIN_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(30_000),
});

export type Env = z.infer<typeof envSchema>;

/** Credentials of every vendor, for live mode. In sandbox mode they come from the simulators. */
export interface VendorSettings {
  wechat: {
    baseUrl: string;
    appId: string;
    appSecret: string;
    /** 消息推送 Token and, in safe mode, EncodingAESKey: verify WeChat's pushes (media-check verdicts). */
    pushToken: string;
    pushAesKey?: string;
  };
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
  /** WeChat Pay APIv3, directly connected merchant, public-key mode; `appid` is the mini-program's. */
  wechatpay: {
    baseUrl: string;
    mchid: string;
    appid: string;
    merchantPrivateKey: string | KeyObject;
    merchantSerialNo: string;
    platformPublicKey: string;
    platformPublicKeyId: string;
    apiV3Key: string;
    /** WeChat Pay's time: the system's in live mode; in sandbox the simulator's (tests move it). */
    clock?: Clock;
  };
}

export interface AppConfig {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  /** Where vendors reach us; callbacks URLs are built on it. Unset: the listening address. */
  publicBaseUrl?: string;
  /** `sqlite:<absolute file>` (by default `<dataDir>/banshi.sqlite`) or a MySQL URL. */
  databaseUrl: string;
  /** Absolute: stored files, sandbox secrets and, by default, the SQLite database. */
  dataDir: string;
  h5DistDir?: string;
  /** The merchant desk console's build, served at /console. */
  consoleDistDir?: string;
  logLevel: Env['LOG_LEVEL'];
  vendorMode: 'sandbox' | 'live';
  /** Unset in sandbox mode: a development secret is generated once and kept under DATA_DIR. */
  jwtSecret?: string;
  piiEncryptionKey?: string;
  fileRetentionDays: number;
  /** Present in live mode (all required); in sandbox mode the sandbox supplies them. */
  liveVendors?: VendorSettings;
  docloudPaymentMode: 'credit' | 'online';
  /** Credit-mode violation orders are paid by the user before Docloud is called (see VIOLATION_PREPAY). */
  violationPrepay: boolean;
  /** A car's stored violations younger than this are served without asking Docloud again. */
  violationQueryFreshSeconds: number;
  /** Cars a user may add to the garage per day (China time), removed ones included: each can cost a paid query. */
  carAddsPerDay: number;
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
  /** Where file bytes live: DATA_DIR/files, or an S3-compatible bucket shared by every instance. */
  storage: StorageConfig;
  /** Subscribe-message templates per order kind and which data key carries what. */
  subscribe: SubscribeSettings;
  /** Bearer token for `/metrics`; unset: only internal addresses may read it. */
  metricsToken?: string;
  /** Throttling counters shared by every instance; unset: each process counts in memory. */
  redisUrl?: string;
  /** Express `trust proxy`: the load balancers whose X-Forwarded-For is believed. */
  trustProxy: string[];
  /** Prefix of every key this server writes to Redis (several deployments may share one). */
  redisKeyPrefix: string;
  /** Requests per minute one client address (resp. one signed-in user or merchant) may make; 0: no limit. */
  throttle: { ipPerMinute: number; userPerMinute: number };
  /**
   * Hosts each vendor's result files may be downloaded from, besides its API host. Loopback and
   * private addresses are refused outside sandbox mode.
   */
  vendorFileHosts: { zjz: string[] };
  /** SIGTERM: how long new requests get 503 before the listener closes; how long in-flight ones may take. */
  shutdown: { drainDelayMs: number; graceMs: number };
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
  'WECHATPAY_MCHID',
  'WECHATPAY_MERCHANT_PRIVATE_KEY',
  'WECHATPAY_MERCHANT_SERIAL_NO',
  'WECHATPAY_PUBLIC_KEY',
  'WECHATPAY_PUBLIC_KEY_ID',
  'WECHATPAY_API_V3_KEY',
] as const;

/**
 * Reads and checks the environment. Relative paths are read from `root` (the repository root), never
 * from the working directory, so every command of the repository sees the same data folder.
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env, root = repositoryRoot()): AppConfig {
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
    if (!env.WECHAT_PUSH_TOKEN)
      problems.push('WECHAT_PUSH_TOKEN: required when VENDOR_MODE=live (verifies WeChat pushes)');
    if (!env.PUBLIC_BASE_URL) problems.push('PUBLIC_BASE_URL: required when VENDOR_MODE=live (vendors call it back)');
  }
  const storage = storageConfig(env);
  if (Array.isArray(storage)) problems.push(...storage);
  const subscribe = parseSubscribeSettings(env, vendorMode, problems);
  if (problems.length || Array.isArray(storage)) throw new ConfigError(problems);

  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    publicBaseUrl: env.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
    databaseUrl: resolveDatabaseUrl(env.DATABASE_URL, root, fromRoot(root, env.DATA_DIR)),
    dataDir: fromRoot(root, env.DATA_DIR),
    h5DistDir: env.H5_DIST_DIR && fromRoot(root, env.H5_DIST_DIR),
    consoleDistDir: env.CONSOLE_DIST_DIR && fromRoot(root, env.CONSOLE_DIST_DIR),
    logLevel: env.LOG_LEVEL,
    vendorMode,
    jwtSecret: env.JWT_SECRET,
    piiEncryptionKey: env.PII_ENCRYPTION_KEY,
    fileRetentionDays: env.FILE_RETENTION_DAYS,
    docloudPaymentMode: env.DOCLOUD_PAYMENT_MODE,
    violationPrepay: env.VIOLATION_PREPAY === 'on',
    violationQueryFreshSeconds: env.VIOLATION_QUERY_FRESH_SECONDS,
    carAddsPerDay: env.CAR_ADDS_PER_DAY,
    zhimaProductCode: env.ZHIMA_PRODUCT_CODE,
    stuckOrderMinutes: env.STUCK_ORDER_MINUTES,
    zhimaTimeoutMs: env.ZHIMA_TIMEOUT_MS,
    identityDailyLimit: env.IDENTITY_DAILY_LIMIT,
    vendorTimeoutMs: env.VENDOR_TIMEOUT_MS,
    storage,
    subscribe,
    metricsToken: env.METRICS_TOKEN,
    redisUrl: env.REDIS_URL || undefined,
    trustProxy: env.TRUST_PROXY,
    redisKeyPrefix: env.REDIS_KEY_PREFIX,
    throttle: { ipPerMinute: env.THROTTLE_IP_PER_MINUTE, userPerMinute: env.THROTTLE_USER_PER_MINUTE },
    vendorFileHosts: { zjz: env.ZJZ_FILE_HOSTS },
    shutdown: { drainDelayMs: env.SHUTDOWN_DRAIN_DELAY_MS, graceMs: env.SHUTDOWN_GRACE_MS },
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
      pushToken: required(env.WECHAT_PUSH_TOKEN),
      pushAesKey: env.WECHAT_PUSH_AES_KEY,
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
    wechatpay: {
      baseUrl: env.WECHATPAY_API_BASE,
      mchid: required(env.WECHATPAY_MCHID),
      appid: required(env.WECHAT_APP_ID),
      // PEM in one environment line: `\n` escapes stand for line breaks.
      merchantPrivateKey: required(env.WECHATPAY_MERCHANT_PRIVATE_KEY).replace(/\\n/g, '\n'),
      merchantSerialNo: required(env.WECHATPAY_MERCHANT_SERIAL_NO),
      platformPublicKey: required(env.WECHATPAY_PUBLIC_KEY).replace(/\\n/g, '\n'),
      platformPublicKeyId: required(env.WECHATPAY_PUBLIC_KEY_ID),
      apiV3Key: required(env.WECHATPAY_API_V3_KEY),
    },
  };
}

import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import { maskText } from '../common/crypto/masking.js';
import type { AppConfig } from '../config/app-config.js';

/** Keys whose values never reach a log line, wherever they sit in the object. */
const REDACTED_KEYS = [
  'password',
  'token',
  'secret',
  'authorization',
  'cookie',
  'idNumber',
  'id_number',
  'certNo',
  'cert_no',
  'phone',
  'mobile',
  'vin',
  'engineNo',
  'name',
  'certName',
  'sessionKey',
  'privateKey',
  'image',
];

const WILDCARD_PATHS = REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

/** Callback URLs carry secrets in the path (unguessable tokens) and the query (signatures). */
function safeUrl(url: string | undefined): string {
  return (url ?? '').split('?')[0].replace(/[A-Za-z0-9_-]{24,}/g, '***');
}

const INFO = 30;

/**
 * Nest's start-up lines (one per module and one per route, about 150) bury the address a person is
 * looking for; they are kept for LOG_LEVEL=debug and trace.
 */
const BOOT_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);

function isBootChatter(first: unknown): boolean {
  const context = (first as { context?: unknown } | null)?.context;
  return typeof first === 'object' && typeof context === 'string' && BOOT_CONTEXTS.has(context);
}

/**
 * `destination`: where log lines go instead of stdout (tests that read the logs); with one, tests
 * log at LOG_LEVEL too instead of staying silent.
 */
export function loggerOptions(config: AppConfig, destination?: DestinationStream): Params {
  const pretty = config.env === 'development' && process.stdout.isTTY && !destination;
  const options: Options = {
    level: config.env === 'test' && !destination ? 'silent' : config.logLevel,
    redact: { paths: [...WILDCARD_PATHS, 'req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
    serializers: {
      req: (req: IncomingMessage & { id?: string }) => ({ id: req.id, method: req.method, url: safeUrl(req.url) }),
    },
    formatters: {
      // Last line of defence: ID numbers and phones that end up in free text are masked.
      log: (object: Record<string, unknown>) => {
        if (typeof object.msg === 'string') object.msg = maskText(object.msg);
        const err = object.err as { message?: string } | undefined;
        if (err && typeof err.message === 'string') err.message = maskText(err.message);
        return object;
      },
    },
    hooks: {
      logMethod(args, method, level) {
        if (level <= INFO && isBootChatter(args[0]) && !this.isLevelEnabled('debug')) return;
        method.apply(
          this,
          args.map((arg) => (typeof arg === 'string' ? maskText(arg) : arg)) as Parameters<typeof method>,
        );
      },
    },
    autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/api/health') },
    transport: pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
  };
  return { pinoHttp: destination ? [options, destination] : options };
}

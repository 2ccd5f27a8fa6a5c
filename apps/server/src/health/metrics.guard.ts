import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { Request } from 'express';
import { AppError } from '../common/errors/app-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';

/**
 * `/metrics` tells how busy the business is and which vendors fail: with `METRICS_TOKEN` set it
 * needs `Authorization: Bearer <token>` from anywhere; without it only internal addresses
 * (loopback, private networks) may read it. The address is the client's as Express resolves it
 * (`trust proxy`), so a request forwarded by nginx counts as coming from its real client.
 */
@Injectable()
export class MetricsGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const token = this.config.metricsToken;
    if (token) {
      const header = request.headers.authorization ?? '';
      const given = header.startsWith('Bearer ') ? header.slice(7) : '';
      if (!sameSecret(given, token)) throw AppError.unauthorized('metrics token required', 'METRICS_TOKEN');
      return true;
    }
    if (!isInternalAddress(request.ip ?? '')) {
      throw AppError.forbidden('metrics are served to internal addresses only (or set METRICS_TOKEN)');
    }
    return true;
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Loopback, RFC 1918, link-local and IPv6 unique-local addresses (IPv4-mapped ones included). */
export function isInternalAddress(address: string): boolean {
  const ip = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(ip) === 4) {
    const [a, b] = ip.split('.').map(Number);
    return (
      a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254)
    );
  }
  if (isIP(ip) === 6) {
    const lower = ip.toLowerCase();
    return lower === '::1' || /^f[cd]/.test(lower) || lower.startsWith('fe80:');
  }
  return false;
}

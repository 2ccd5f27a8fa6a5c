import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Merchant } from '../auth/merchant.entity.js';
import { hashPassword } from '../auth/password.js';
import type { AppConfig } from '../config/app-config.js';

export const SANDBOX_MERCHANT = 'sandbox';

/**
 * In sandbox mode, a database without any merchant gets one (`sandbox`, owner) with a random
 * password, returned once for the start-up output: a newcomer can open the merchant pages without
 * reading further. Never in live mode, and never once any merchant exists (so it is created once).
 */
export async function ensureSandboxMerchant(
  app: INestApplication,
  config: AppConfig,
): Promise<{ username: string; password: string } | undefined> {
  if (config.vendorMode !== 'sandbox') return undefined;
  const merchants = app.get(DataSource).getRepository(Merchant);
  if ((await merchants.count()) > 0) return undefined;
  const password = randomBytes(12).toString('base64url');
  const now = new Date();
  await merchants.insert({
    username: SANDBOX_MERCHANT,
    passwordHash: await hashPassword(password),
    role: 'owner',
    createdAt: now,
    updatedAt: now,
  });
  return { username: SANDBOX_MERCHANT, password };
}

import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from './app-config.js';

export interface Secrets {
  jwtSecret: string;
  /** 32-byte master key for personal data (base64). */
  piiKey: string;
}

/**
 * Live mode takes its secrets from the environment (checked at start-up). Sandbox mode generates
 * development secrets once and keeps them under DATA_DIR, so tokens and encrypted rows survive a
 * restart without anyone having to invent a key.
 */
export function resolveSecrets(config: AppConfig): Secrets {
  if (config.jwtSecret && config.piiEncryptionKey) {
    return { jwtSecret: config.jwtSecret, piiKey: config.piiEncryptionKey };
  }
  const file = join(config.dataDir, 'dev-secrets.json');
  let stored: Partial<Secrets> = {};
  try {
    stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<Secrets>;
  } catch {
    // First start: nothing kept yet.
  }
  const secrets: Secrets = {
    jwtSecret: config.jwtSecret ?? stored.jwtSecret ?? randomBytes(32).toString('base64url'),
    piiKey: config.piiEncryptionKey ?? stored.piiKey ?? randomBytes(32).toString('base64'),
  };
  if (secrets.jwtSecret !== stored.jwtSecret || secrets.piiKey !== stored.piiKey) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}

import 'reflect-metadata';
import { createApp, listen } from './app.factory.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { installGracefulShutdown } from './lifecycle/graceful-shutdown.js';
import { startupBanner } from './logging/startup-banner.js';
import { ensureSandboxMerchant } from './sandbox/sandbox-merchant.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const app = await createApp(config);
  installGracefulShutdown(app, config.shutdown);
  const base = await listen(app, config);
  console.warn(startupBanner(base, config, await ensureSandboxMerchant(app, config)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import 'reflect-metadata';
import { createApp, listen } from './app.factory.js';
import { ConfigError, loadConfig } from './config/app-config.js';

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
  const base = await listen(app, config);
  console.warn(`Banshi is running at ${base} (vendors: ${config.vendorMode}) — API docs at ${base}/api/docs`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import 'reflect-metadata';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp, openApiDocument } from '../app.factory.js';
import { loadConfig } from '../config/app-config.js';

/** Writes the OpenAPI document to apps/server/openapi.json, from which the mini-program's types are generated. */
async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'banshi-openapi-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    VENDOR_MODE: 'sandbox',
    DATA_DIR: dataDir,
    DATABASE_URL: 'sqlite::memory:',
  });
  const app = await createApp(config);
  await app.init();
  const target = resolve(process.argv[2] ?? 'openapi.json');
  writeFileSync(target, `${JSON.stringify(openApiDocument(app), null, 2)}\n`);
  await app.close();
  console.log(`wrote ${target}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

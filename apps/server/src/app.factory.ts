import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { json, raw, urlencoded } from 'express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { installPiiCipher, PiiCipher } from './common/crypto/pii-cipher.js';
import { HttpErrorFilter } from './common/errors/http-error.filter.js';
import { createValidationPipe } from './common/errors/validation.js';
import { PublicUrl } from './common/http/public-url.js';
import { loadConfig, type AppConfig } from './config/app-config.js';
import { resolveSecrets } from './config/secrets.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Builds the whole application; `main.ts`, the CLI tools and the end-to-end tests all go through
 * here, so what is tested is what runs.
 */
export async function createApp(config: AppConfig = loadConfig()): Promise<NestExpressApplication> {
  const secrets = resolveSecrets(config);
  installPiiCipher(new PiiCipher(secrets.piiKey));
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, secrets), {
    bufferLogs: true,
    bodyParser: false,
    abortOnError: false,
    logger: config.env === 'test' ? false : undefined,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  // Vendor callbacks are verified over the bytes as sent: keep their bodies raw.
  app.use('/api/callbacks', raw({ type: () => true, limit: '12mb' }));
  app.use(json({ limit: '2mb' }));
  app.use(urlencoded({ extended: false, limit: '2mb' }));
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  SwaggerModule.setup('api/docs', app, () => openApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  serveH5(app, config);
  app.enableShutdownHooks();
  return app;
}

/** Listens, then tells the app where vendors can reach it (needed for callback URLs). */
export async function listen(app: NestExpressApplication, config: AppConfig): Promise<string> {
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address() as { port: number };
  const base = config.publicBaseUrl ?? `http://127.0.0.1:${address.port}`;
  app.get(PublicUrl).resolve(base);
  return base;
}

export function openApiDocument(app: NestExpressApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Banshi 办事 API')
    .setDescription(
      'User routes under /api, merchant routes under /api/merchant, vendor callbacks under /api/callbacks',
    )
    .setVersion('1.0')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, builder);
}

function serveH5(app: NestExpressApplication, config: AppConfig): void {
  const dir = config.h5DistDir ? resolve(config.h5DistDir) : resolve(here, '../../miniapp/dist/h5');
  if (!existsSync(resolve(dir, 'index.html'))) {
    app.get(Logger).warn(`H5 build not found at ${dir}; run "pnpm build" to serve the mini-program at /`);
    return;
  }
  app.useStaticAssets(dir, { index: 'index.html', maxAge: '1h', setHeaders: noCacheForHtml });
}

function noCacheForHtml(res: { setHeader(name: string, value: string): void }, path: string): void {
  if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}

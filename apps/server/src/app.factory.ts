import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { json, raw, urlencoded, type NextFunction, type Request, type Response } from 'express';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module.js';
import { CallbackRouter } from './callbacks/callback-router.js';
import { installPiiCipher, PiiCipher } from './common/crypto/pii-cipher.js';
import { HttpErrorFilter } from './common/errors/http-error.filter.js';
import { createValidationPipe } from './common/errors/validation.js';
import { PublicUrl } from './common/http/public-url.js';
import { loadConfig, type AppConfig } from './config/app-config.js';
import { requestContextMiddleware } from './observability/request-context.js';
import { DrainState } from './lifecycle/drain-state.js';
import { drainMiddleware } from './lifecycle/drain.middleware.js';
import { resolveSecrets } from './config/secrets.js';
import { ErrorBodyDto } from './common/errors/error-body.dto.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Builds the whole application; `main.ts`, the CLI tools and the end-to-end tests all go through
 * here, so what is tested is what runs.
 */
export async function createApp(
  config: AppConfig = loadConfig(),
  options: { logDestination?: DestinationStream } = {},
): Promise<NestExpressApplication> {
  const secrets = resolveSecrets(config);
  installPiiCipher(new PiiCipher(secrets.piiKey));
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, secrets, options.logDestination),
    {
      bufferLogs: true,
      bodyParser: false,
      abortOnError: false,
      logger: config.env === 'test' ? false : undefined,
    },
  );
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  // The client's address (throttling, audit) comes from X-Forwarded-For only when the balancer is trusted.
  app.set('trust proxy', config.trustProxy);
  // First of all: while draining (SIGTERM), new requests are answered 503 and nothing else runs.
  app.use(drainMiddleware(app.get(DrainState)));
  // Vendor callbacks are verified over the bytes as sent: keep their bodies raw.
  app.use('/api/callbacks', raw({ type: () => true, limit: '12mb' }));
  app.use(json({ limit: '2mb' }));
  app.use(urlencoded({ extended: false, limit: '2mb' }));
  // After the body parsers: their stream callbacks would leave the request's async context.
  app.use(requestContextMiddleware);
  // Vendors' callbacks skip NestJS's per-request pipeline (see CallbackRouter).
  app.use('/api/callbacks', app.get(CallbackRouter).router);
  // Scrapers look for /metrics at the root.
  app.setGlobalPrefix('api', { exclude: ['metrics'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  SwaggerModule.setup('api/docs', app, () => openApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  serveConsole(app, config);
  serveH5(app, config);
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
  return SwaggerModule.createDocument(app, builder, { extraModels: [ErrorBodyDto] });
}

function serveH5(app: NestExpressApplication, config: AppConfig): void {
  const dir = config.h5DistDir ? resolve(config.h5DistDir) : resolve(here, '../../miniapp/dist/h5');
  if (!existsSync(resolve(dir, 'index.html'))) {
    app.get(Logger).warn(`H5 build not found at ${dir}; run "pnpm build" to serve the mini-program at /`);
    return;
  }
  app.useStaticAssets(dir, { index: 'index.html', maxAge: '1h', setHeaders: noCacheForHtml });
}

/**
 * The merchant desk console (apps/console) at /console: its files, and its index.html for every
 * other GET under /console, so that a refresh on /console/orders?kind=… opens that page.
 */
function serveConsole(app: NestExpressApplication, config: AppConfig): void {
  const dir = config.consoleDistDir ? resolve(config.consoleDistDir) : resolve(here, '../../console/dist');
  const index = resolve(dir, 'index.html');
  if (!existsSync(index)) {
    app
      .get(Logger)
      .warn(`console build not found at ${dir}; run "pnpm build" to serve the merchant console at /console`);
    return;
  }
  app.useStaticAssets(dir, { prefix: '/console', index: false, maxAge: '1h', setHeaders: noCacheForHtml });
  app.use('/console', (req: Request, res: Response, next: NextFunction) => {
    // A missing asset is a 404, not the page: a stale tab must not run index.html as a script.
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/assets/')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

function noCacheForHtml(res: { setHeader(name: string, value: string): void }, path: string): void {
  if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}

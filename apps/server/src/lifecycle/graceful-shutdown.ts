import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { DrainState } from './drain-state.js';

export interface ShutdownTimings {
  /** How long new requests are answered 503 before the listener closes (the balancer notices). */
  drainDelayMs: number;
  /** How long requests in flight may take before their connections are cut. */
  graceMs: number;
}

/**
 * SIGTERM (and SIGINT) drain this instance and then exit: readiness turns false and new requests
 * are answered 503; after `drainDelayMs` the listener closes; the requests in flight (callbacks
 * among them) finish, within `graceMs`; then the application closes, which stops the job timers,
 * waits for the jobs in flight, releases this instance's leases and closes the database. A second
 * signal exits at once.
 */
export function installGracefulShutdown(app: INestApplication, timings: ShutdownTimings): void {
  const logger = new Logger('Shutdown');
  let started = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (started) {
      logger.warn(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    started = true;
    logger.log(`${signal}: draining`);
    drainAndClose(app, timings, logger).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

export async function drainAndClose(app: INestApplication, timings: ShutdownTimings, logger: Logger): Promise<void> {
  const state = app.get(DrainState);
  const server = app.getHttpServer() as Server;
  state.begin();
  await new Promise((done) => setTimeout(done, timings.drainDelayMs));
  const closed = new Promise<void>((done) => server.close(() => done()));
  const emptied = await state.idle(timings.graceMs);
  if (!emptied) logger.warn(`${state.requestsInFlight} request(s) still in flight after ${timings.graceMs} ms: cut`);
  server.closeAllConnections();
  await closed;
  await app.close();
  logger.log('drained and closed');
}

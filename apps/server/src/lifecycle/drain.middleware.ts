import type { NextFunction, Request, Response } from 'express';
import type { DrainState } from './drain-state.js';

/** The probes answer while draining: liveness stays 200, readiness says 503 by itself. */
const PROBES = new Set(['/api/health/live', '/api/health/ready']);

/**
 * Counts the requests in flight, and while draining answers every new one 503 without handling it
 * (so a callback answered this way was not stored: the vendor sends it again, and the load balancer
 * takes this instance out). `Connection: close` so that a kept-alive client moves on.
 */
export function drainMiddleware(state: DrainState) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (state.isDraining && !PROBES.has(request.path)) {
      response.setHeader('Connection', 'close');
      response.setHeader('Retry-After', '1');
      response.status(503).json({ statusCode: 503, code: 'DRAINING', message: '服务正在重启，请稍后重试' });
      return;
    }
    state.enter();
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      state.leave();
    };
    response.once('finish', leave);
    response.once('close', leave);
    next();
  };
}

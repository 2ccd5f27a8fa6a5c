import type { Clock } from '@banshi/vendor-clients';
import type { SimulatorHost } from '../core/index.js';
import type { SamplePictures } from './data/materials.js';
import type { CallbackNotifier } from './notifier.js';
import type { DocloudState } from './state.js';

export interface DocloudTimings {
  /** How long a violation query takes; a second query of the same car meanwhile gets 1014. */
  queryLatencyMs: number;
  /** Credit (挂账) payment follows order creation after this delay, as the document warns. */
  creditPayDelayMs: number;
  /** Paid → done (or the outcome set by `setNextOrderOutcome`); `null` waits for `completeOrder`. */
  orderProcessMs: number | null;
  /** Time per inspection status step; `null` waits for `advanceInspectionOrder`. */
  inspectionStepMs: number | null;
  /** Wait before each callback's first attempt. */
  callbackDelayMs: number;
}

/**
 * What the desks and the route kit use: the simulator's context without the desks themselves, so
 * that a desk never imports the context that holds it.
 */
export interface DeskContext {
  readonly appKey: string;
  readonly appSecret: string;
  readonly clock: Clock;
  readonly host: SimulatorHost;
  readonly state: DocloudState;
  readonly timings: DocloudTimings;
  readonly paymentMode: 'credit' | 'online';
  readonly pictures: SamplePictures;
  readonly notifier: CallbackNotifier;
  /** Runs `task` after `ms`, unless the simulator closes first. */
  schedule(ms: number, task: () => void): void;
}

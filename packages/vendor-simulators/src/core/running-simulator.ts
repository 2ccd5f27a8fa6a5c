import type { Clock } from '@banshi/vendor-clients';
import type { CallbackSender } from './callback-sender.js';
import type { FaultKnobs, SimulatorHost } from './simulator-host.js';

/**
 * What every `startXSimulator()` returns, so the sandbox and the tests can treat simulators alike.
 * Vendor-specific knobs (force a rejection, make a person pass …) live on the concrete type.
 */
export interface RunningSimulator {
  readonly vendor: string;
  readonly url: string;
  readonly host: SimulatorHost;
  readonly faults: FaultKnobs;
  /** Present on vendors that call back. */
  readonly callbacks?: CallbackSender;
  close(): Promise<void>;
}

export interface SimulatorStartOptions {
  port?: number;
  host?: string;
  clock?: Clock;
  /** Waits between callback retries; tests shorten them. */
  callbackRetryDelaysMs?: number[];
}

import type { RunningSimulator } from '@banshi/vendor-simulators';
import type { VendorSettings } from '../config/app-config.js';

export type VendorName = keyof VendorSettings;

export interface SandboxContext {
  /** Where the server will be reachable once it listens (callbacks go there). */
  publicBaseUrl: () => string;
  /** Fixed port for `pnpm sandbox`; undefined inside the server (a free port is picked). */
  port?: number;
}

/** How one vendor's simulator is started inside the server in sandbox mode. */
export interface SandboxSimulatorDefinition<V extends VendorName = VendorName> {
  vendor: V;
  /** The fixed port `pnpm sandbox` uses for it. */
  standalonePort: number;
  start(context: SandboxContext): Promise<{ simulator: RunningSimulator; settings: VendorSettings[V] }>;
  /** Called once the server listens, for vendors whose callback URL is set in their console. */
  onServerListening?(simulator: RunningSimulator, publicBaseUrl: string): void;
}

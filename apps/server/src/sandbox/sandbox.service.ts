import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { RunningSimulator } from '@banshi/vendor-simulators';
import type { WechatPaySimulator } from '@banshi/vendor-simulators/wechatpay';
import type { VendorSettings } from '../config/app-config.js';
import { PublicUrl } from '../common/http/public-url.js';
import type { VendorName } from './sandbox-simulator.js';
import { SANDBOX_SIMULATORS } from './sandbox-simulators.js';

/**
 * In sandbox mode the vendors are the local simulators, started inside the server process on free
 * ports, with credentials of their own. Tests reach a simulator through `get()` to turn its knobs.
 */
@Injectable()
export class SandboxService implements OnApplicationShutdown {
  private readonly logger = new Logger(SandboxService.name);
  private readonly running = new Map<VendorName, RunningSimulator>();

  constructor(private readonly publicUrl: PublicUrl) {}

  async start(): Promise<Partial<VendorSettings>> {
    const settings: Partial<VendorSettings> = {};
    for (const definition of SANDBOX_SIMULATORS) {
      const started = await definition.start({ publicBaseUrl: () => this.publicUrl.base });
      this.running.set(definition.vendor, started.simulator);
      (settings as Record<string, unknown>)[definition.vendor] = started.settings;
      this.logger.log(`sandbox ${definition.vendor} simulator at ${started.simulator.url}`);
    }
    this.publicUrl.onResolved((base) => {
      for (const definition of SANDBOX_SIMULATORS) {
        const simulator = this.running.get(definition.vendor);
        if (simulator) definition.onServerListening?.(simulator, base);
      }
    });
    return settings;
  }

  get<T extends RunningSimulator = RunningSimulator>(vendor: VendorName): T {
    const simulator = this.running.get(vendor);
    if (!simulator) throw new Error(`no sandbox simulator for ${vendor}`);
    return simulator as T;
  }

  has(vendor: VendorName): boolean {
    return this.running.has(vendor);
  }

  /** The sandbox cashier page that stands in for `wx.requestPayment` (production code never sees a simulator). */
  wechatpayCashierUrl(prepayId: string, returnUrl: string): string {
    return this.get<WechatPaySimulator>('wechatpay').cashierUrl(prepayId, returnUrl);
  }

  async onApplicationShutdown(): Promise<void> {
    for (const simulator of this.running.values()) {
      simulator.callbacks?.stop();
      await simulator.close();
    }
    this.running.clear();
  }
}

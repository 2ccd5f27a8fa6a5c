import type { VendorSettings } from '../config/app-config.js';
import type { VendorName } from '../sandbox/sandbox-simulator.js';

/** Injection token: the credentials and base URL of each available vendor. */
export const VENDOR_SETTINGS = Symbol('VENDOR_SETTINGS');

export type AvailableVendors = Partial<VendorSettings>;

export function requireVendor<V extends VendorName>(settings: AvailableVendors, vendor: V): VendorSettings[V] {
  const value = settings[vendor];
  if (!value) throw new Error(`vendor ${vendor} is not configured`);
  return value;
}

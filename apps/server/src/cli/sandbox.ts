import 'reflect-metadata';
import { SANDBOX_SIMULATORS } from '../sandbox/sandbox-simulators.js';

/**
 * `pnpm sandbox`: every vendor simulator, standalone, on fixed ports, for running the server in
 * live mode against them or for poking at a vendor protocol by hand. Callbacks go to
 * PUBLIC_BASE_URL (default http://127.0.0.1:3000).
 */
async function main(): Promise<void> {
  const publicBaseUrl = (process.env.PUBLIC_BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
  const rows: string[] = [];
  const closers: (() => Promise<void>)[] = [];
  for (const definition of SANDBOX_SIMULATORS) {
    const { simulator, settings } = await definition.start({
      publicBaseUrl: () => publicBaseUrl,
      port: definition.standalonePort,
    });
    definition.onServerListening?.(simulator, publicBaseUrl);
    closers.push(() => simulator.close());
    rows.push(`${definition.vendor.padEnd(8)} ${simulator.url.padEnd(24)} ${JSON.stringify(publicSettings(settings))}`);
  }
  console.log(`Vendor simulators (callbacks to ${publicBaseUrl}):\n${rows.join('\n')}\nCtrl+C to stop.`);
  const stop = async () => {
    await Promise.all(closers.map((close) => close()));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

/** Credentials are sandbox values, but long keys are cut so the table stays readable. */
function publicSettings(settings: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(settings).map(([key, value]) => [
      key,
      typeof value === 'string' && value.length > 60 ? `${value.slice(0, 24)}…` : value,
    ]),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import type { DocloudSimulator } from '@banshi/vendor-simulators/docloud';
import { SandboxService } from '../src/sandbox/sandbox.service.js';
import { percentiles, startBenchServer, type Figure } from './support.js';

const CONCURRENT = Number(process.env.BENCH_VIOLATION_QUERIES ?? 100);
const VENDOR_PATH = '/violation/query/1.0';

/**
 * One car's violations asked for by 100 clients at once through the real API: they must share a
 * single vendor query (what the Docloud simulator saw), and each client's latency is measured.
 */
export async function benchViolations(): Promise<Figure[]> {
  const { app, baseUrl } = await startBenchServer();
  try {
    const sim = app.get(SandboxService).get<DocloudSimulator>('docloud');
    const token = await login(baseUrl);
    const carId = await addCar(baseUrl, token);
    const before = sim.host.callsTo(VENDOR_PATH);
    const started = process.hrtime.bigint();
    const samples = await Promise.all(
      Array.from({ length: CONCURRENT }, async () => {
        const at = process.hrtime.bigint();
        const response = await fetch(`${baseUrl}/api/vehicles/cars/${carId}/violations/query`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
        });
        const body = (await response.json()) as { stale?: boolean };
        if (response.status !== 200 || body.stale) {
          throw new Error(`violation query answered ${response.status} ${JSON.stringify(body)}`);
        }
        return Number(process.hrtime.bigint() - at) / 1e6;
      }),
    );
    const wall = Number(process.hrtime.bigint() - started) / 1e6;
    const vendorCalls = sim.host.callsTo(VENDOR_PATH) - before;
    const timing = percentiles(samples);
    const group = `violation query (${CONCURRENT} concurrent, one car)`;
    return [
      {
        group,
        name: 'vendor calls',
        value: vendorCalls,
        unit: '',
        ratio: { label: 'per query', value: vendorCalls / CONCURRENT },
      },
      { group, name: 'latency p50', value: timing.p50, unit: 'ms' },
      { group, name: 'latency p99', value: timing.p99, unit: 'ms' },
      { group, name: 'all answered after', value: wall, unit: 'ms' },
    ];
  } finally {
    await app.close();
  }
}

async function login(baseUrl: string): Promise<string> {
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return (await response.json()) as Record<string, string>;
  };
  const { code } = await post('/api/sandbox/wechat/code', { deviceId: `bench-${Date.now()}` });
  return (await post('/api/auth/wechat', { code })).token;
}

async function addCar(baseUrl: string, token: string): Promise<number> {
  const serial = String(Date.now() % 100_000).padStart(5, '0');
  const response = await fetch(`${baseUrl}/api/vehicles/cars`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      plateNumber: `浙A${serial}`,
      vin: 'LSVAM4187C2184847',
      engineNo: '0018835448DT',
      phone: `139${String(Date.now() % 100_000_000).padStart(8, '0')}`,
      consent: true,
    }),
  });
  const body = (await response.json()) as { id: number };
  if (response.status !== 201) throw new Error(`add car: HTTP ${response.status} ${JSON.stringify(body)}`);
  return body.id;
}

import {
  HttpTransport,
  VendorApiError,
  VendorConnectionError,
  VendorTimeoutError,
  type VendorAttempt,
} from '@banshi/vendor-clients';
import { SimulatorHost } from './simulator-host.js';

// The client's transport against the host's injected faults: 5xx, hangs, refused connections.
describe('HttpTransport', () => {
  let sim: SimulatorHost;
  beforeEach(async () => {
    sim = await SimulatorHost.start({ name: 'test' });
    sim.route('GET', '/ok', () => ({ json: { ok: true } }));
    sim.faults.hangMs = 500;
  });
  afterEach(() => sim.close());

  it('retries an idempotent call after a 5xx', async () => {
    sim.faults.failNext(2);
    const transport = new HttpTransport('test', { baseUrl: sim.url, maxRetries: 2 });
    const response = await transport.send({ method: 'GET', path: '/ok', idempotent: true });
    expect(JSON.parse(response.text)).toEqual({ ok: true });
    expect(sim.callsTo('/ok')).toBe(1);
  });

  it('does not retry a call that is not idempotent', async () => {
    sim.faults.failNext(1);
    const transport = new HttpTransport('test', { baseUrl: sim.url, maxRetries: 2 });
    const error = await transport.send({ method: 'GET', path: '/ok', idempotent: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VendorApiError);
    expect(error).toMatchObject({ code: 'HTTP_503', httpStatus: 503, retryable: true });
  });

  it('turns a hang into a VendorTimeoutError', async () => {
    sim.faults.hangNext(1);
    const transport = new HttpTransport('test', { baseUrl: sim.url, timeoutMs: 100, maxRetries: 0 });
    await expect(transport.send({ method: 'GET', path: '/ok', idempotent: true })).rejects.toBeInstanceOf(
      VendorTimeoutError,
    );
  });

  it('tells its observer about every attempt, retries and failures included', async () => {
    const seen: VendorAttempt[] = [];
    sim.faults.failNext(1);
    const transport = new HttpTransport('test', {
      baseUrl: sim.url,
      maxRetries: 1,
      timeoutMs: 100,
      observer: { onAttempt: (attempt) => seen.push(attempt) },
    });
    await transport.send({ method: 'GET', path: '/ok', query: 'a=1', idempotent: true });
    sim.faults.hangNext(1);
    await transport.send({ method: 'GET', path: '/ok', idempotent: false }).catch(() => undefined);
    expect(seen.map(({ endpoint, attempt, outcome, status }) => ({ endpoint, attempt, outcome, status }))).toEqual([
      { endpoint: '/ok', attempt: 1, outcome: 'http_5xx', status: 503 },
      { endpoint: '/ok', attempt: 2, outcome: 'ok', status: 200 },
      { endpoint: '/ok', attempt: 1, outcome: 'timeout', status: undefined },
    ]);
    expect(seen.every((attempt) => attempt.vendor === 'test' && attempt.durationMs >= 0)).toBe(true);
  });

  it('keeps the answer when its observer throws', async () => {
    const transport = new HttpTransport('test', {
      baseUrl: sim.url,
      observer: {
        onAttempt: () => {
          throw new Error('observer bug');
        },
      },
    });
    const response = await transport.send({ method: 'GET', path: '/ok', idempotent: true });
    expect(response.status).toBe(200);
  });

  it('turns a refused connection into a VendorConnectionError', async () => {
    const transport = new HttpTransport('test', { baseUrl: 'http://127.0.0.1:1', maxRetries: 0 });
    await expect(transport.send({ method: 'GET', path: '/ok', idempotent: true })).rejects.toBeInstanceOf(
      VendorConnectionError,
    );
  });
});

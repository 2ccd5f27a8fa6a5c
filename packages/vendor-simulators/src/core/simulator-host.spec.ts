import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpTransport, VendorTimeoutError } from '@banshi/vendor-clients';
import { CallbackSender } from './callback-sender.js';
import { SimulatorHost } from './simulator-host.js';

describe('FaultKnobs: lost answers', () => {
  let sim: SimulatorHost;
  let created: number;
  beforeEach(async () => {
    created = 0;
    sim = await SimulatorHost.start({ name: 'test' });
    sim.route('POST', '/orders', () => ({ json: { orderId: ++created } }));
    sim.faults.hangMs = 300;
  });
  afterEach(() => sim.close());

  const post = () => fetch(`${sim.url}/orders`, { method: 'POST', body: '{}', signal: AbortSignal.timeout(2_000) });

  it('loseNextAnswer: the vendor does the work, then answers 503', async () => {
    sim.faults.loseNextAnswer(1, 'fail');
    expect((await post()).status).toBe(503);
    expect(created).toBe(1);
    // Only the answer was lost: the next call is answered, and it is a second order.
    expect(await (await post()).json()).toEqual({ orderId: 2 });
    expect(sim.faults.injected).toEqual({ failed: 0, hung: 0, lost: 1 });
  });

  it('loseNextAnswer: the vendor does the work, then hangs and drops the connection', async () => {
    sim.faults.loseNextAnswer(1, 'hang');
    const transport = new HttpTransport('test', { baseUrl: sim.url, timeoutMs: 100, maxRetries: 0 });
    const request = { method: 'POST' as const, path: '/orders', body: '{}', idempotent: false };
    await expect(transport.send(request)).rejects.toBeInstanceOf(VendorTimeoutError);
    expect(created).toBe(1);
    // Without a client timeout the connection is dropped once the hang is over.
    sim.faults.loseNextAnswer(1, 'hang');
    await expect(post()).rejects.toThrow();
    expect(created).toBe(2);
  });

  it('loseNextAnswer for one path leaves the other paths alone', async () => {
    sim.route('GET', '/status', () => ({ json: { ok: true } }));
    sim.faults.loseNextAnswer(1, 'fail', '/orders');
    expect((await fetch(`${sim.url}/status`)).status).toBe(200);
    expect((await post()).status).toBe(503);
    expect(created).toBe(1);
    expect((await post()).status).toBe(200);
  });

  it('a plain failure or hang leaves the work undone when the answer is due', async () => {
    sim.faults.failNext(1);
    expect((await post()).status).toBe(503);
    expect(created).toBe(0);
    sim.faults.hangNext(1);
    const transport = new HttpTransport('test', { baseUrl: sim.url, timeoutMs: 100, maxRetries: 0 });
    await expect(
      transport.send({ method: 'POST', path: '/orders', body: '{}', idempotent: false }),
    ).rejects.toBeInstanceOf(VendorTimeoutError);
    expect(created).toBe(0);
    expect(sim.faults.injectedTotal).toBe(2);
  });

  it('lostAnswerRate draws through the injectable random, mixing 503s and hangs; reset turns it off', async () => {
    const draws = [0.1, 0.2, 0.1, 0.9, 0.9];
    sim.faults.random = () => draws.shift() ?? 0.9;
    sim.faults.lostAnswerRate = 0.5;
    expect(sim.faults.draw()).toEqual({ kind: 'lose', mode: 'fail' });
    expect(sim.faults.draw()).toEqual({ kind: 'lose', mode: 'hang' });
    expect(sim.faults.draw()).toEqual({ kind: 'pass' });
    sim.faults.reset();
    sim.faults.random = () => 0;
    expect(sim.faults.draw()).toEqual({ kind: 'pass' });
    expect(sim.faults.injected.lost).toBe(2);
  });
});

describe('CallbackSender', () => {
  it('retries until the merchant acknowledges, then repeats on request', async () => {
    let calls = 0;
    const server = createServer((req, res) => {
      calls++;
      res.writeHead(calls < 3 ? 500 : 200).end(calls < 3 ? 'no' : '{"success":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cb`;
    const sender = new CallbackSender({
      vendor: 'test',
      retryDelaysMs: [5, 5, 5],
      isAcknowledged: (status, text) => status === 200 && text.includes('true'),
    });
    const delivery = sender.send({ url, body: '{}', contentType: 'application/json', repeat: 1 });
    await sender.idle();
    server.close();
    expect(delivery.acknowledged).toBe(true);
    expect(delivery.attempts).toBe(4);
    expect(calls).toBe(4);
  });
});

describe('CallbackSender.stop', () => {
  it('wakes deliveries waiting to retry, so nothing keeps the process alive', async () => {
    const sender = new CallbackSender({ vendor: 'test', retryDelaysMs: [60_000], isAcknowledged: () => false });
    const delivery = sender.send({ url: 'http://127.0.0.1:1/cb', body: '{}', contentType: 'application/json' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    sender.stop();
    await sender.idle();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(delivery.acknowledged).toBe(false);
  });
});

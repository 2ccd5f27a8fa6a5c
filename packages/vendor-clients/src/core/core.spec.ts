import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkIdNumber, makeIdNumber } from './id-number.js';
import { fenToYuan, yuanToFen } from './money.js';
import { HttpTransport, type VendorAttempt } from './http-transport.js';
import { VendorApiError, VendorConnectionError, VendorTimeoutError } from './errors.js';
import { SimulatorHost } from './simulator-host.js';
import { CallbackSender } from './callback-sender.js';
import { constantTimeEqual } from './hashing.js';

describe('money', () => {
  it.each([
    ['200.00', 20000],
    ['23', 2300],
    [520.0, 52000],
    [1.5, 150],
    ['¥1,234.56', 123456],
    ['0.015', 2],
    ['-3.10', -310],
  ])('yuanToFen(%p) = %p', (input, fen) => expect(yuanToFen(input)).toBe(fen));

  it('yuanToFen: refuses what is not an amount', () => {
    expect(yuanToFen('abc')).toBeUndefined();
    expect(yuanToFen('')).toBeUndefined();
    expect(yuanToFen(null)).toBeUndefined();
  });

  it('fenToYuan: two decimals', () => {
    expect(fenToYuan(52000)).toBe('520.00');
    expect(fenToYuan(5)).toBe('0.05');
  });
});

describe('id number (GB 11643)', () => {
  it('accepts the vendor document sample with its check digit', () => {
    const id = makeIdNumber('110101', '19900307', 123);
    expect(checkIdNumber(id)).toMatchObject({ valid: true, birthDate: '1990-03-07', gender: 'male' });
  });

  it('accepts a lowercase x as check character', () => {
    // 11010519491231002X is the standard's own example.
    expect(checkIdNumber('11010519491231002x').valid).toBe(true);
  });

  it.each([
    ['1101011990030712', 'format'],
    ['990101199003071234', 'region'],
    ['110101199002301234', 'birth_date'],
    ['110105194912310021', 'checksum'],
  ])('refuses %s (%s)', (id, problem) => {
    expect(checkIdNumber(id)).toMatchObject({ valid: false, problem });
  });
});

describe('constantTimeEqual', () => {
  it('compares exactly', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
  });
});

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

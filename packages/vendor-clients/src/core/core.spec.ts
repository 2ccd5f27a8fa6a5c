import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkIdNumber, makeIdNumber } from './id-number.js';
import { fenToYuan, yuanToFen } from './money.js';
import { HttpTransport } from './http-transport.js';
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

  it('turns a refused connection into a VendorConnectionError', async () => {
    const transport = new HttpTransport('test', { baseUrl: 'http://127.0.0.1:1', maxRetries: 0 });
    await expect(transport.send({ method: 'GET', path: '/ok', idempotent: true })).rejects.toBeInstanceOf(
      VendorConnectionError,
    );
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

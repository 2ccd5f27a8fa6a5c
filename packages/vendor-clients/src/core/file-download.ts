import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { sleep } from './clock.js';
import { VendorApiError, VendorConnectionError, VendorError, VendorTimeoutError } from './errors.js';
import { backoffMs, describeFetchError, isTimeout, type FetchLike } from './http-transport.js';

/** A file URL outside the vendor's hosts (or pointing at a private address): never fetched. */
export class VendorFileRefusedError extends VendorError {}

export interface VendorFileOptions {
  vendor: string;
  /**
   * Where the vendor's files may come from: `files.example.com`, `*.example.com` (its subdomains
   * only), or with a port (`127.0.0.1:4102`) to allow that port alone. Without a port, any port.
   */
  hosts: string[];
  /**
   * Hosts exactly as the operator configured them (the vendor's API host, `host:port`): allowed
   * and exempt from the private-address check, which guards against URLs the vendor's data names.
   */
  trustedHosts?: string[];
  /** Loopback and private addresses on any allowed host (where the local simulators run): sandbox only. */
  allowPrivateAddresses?: boolean;
  /** Per-attempt timeout, for the whole download. */
  timeoutMs?: number;
  maxBytes: number;
  /** Extra attempts after a timeout, a connection failure or a 5xx (a GET is safe to repeat). */
  maxRetries?: number;
  fetch?: FetchLike;
  /** Injectable for tests: a host's addresses. */
  resolve?: (hostname: string) => Promise<string[]>;
}

export interface VendorFile {
  body: Buffer;
  contentType: string | null;
}

const MAX_REDIRECTS = 3;

/**
 * Fetches a file a vendor made (a receipt, a photo) from a URL the vendor handed us in an answer
 * or a callback. Such a URL is data from outside: it is fetched only from the vendor's own hosts,
 * never from a private address (which would let a forged URL make us call ourselves or the
 * internal network), redirects included, with the transport's timeouts and error classes.
 */
export class VendorFileDownloader {
  private readonly patterns: HostPattern[];
  private readonly trusted: Set<string>;
  private readonly fetchImpl: FetchLike;
  private readonly resolve: (hostname: string) => Promise<string[]>;

  constructor(private readonly options: VendorFileOptions) {
    this.patterns = options.hosts.map(parsePattern);
    this.trusted = new Set((options.trustedHosts ?? []).map((host) => host.trim().toLowerCase()));
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.resolve =
      options.resolve ??
      (async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address));
  }

  async download(url: string): Promise<VendorFile> {
    const attempts = (this.options.maxRetries ?? 1) + 1;
    let lastError: VendorError | undefined;
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) await sleep(backoffMs(attempt));
      try {
        return await this.attempt(url);
      } catch (error) {
        if (!(error instanceof VendorError)) throw error;
        if (!error.retryable) throw error;
        lastError = error;
      }
    }
    throw lastError as VendorError;
  }

  private async attempt(url: string): Promise<VendorFile> {
    const signal = AbortSignal.timeout(this.options.timeoutMs ?? 20_000);
    let target = url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const checked = await this.check(target);
      const response = await this.call(checked, signal);
      if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
        target = new URL(response.headers.get('location') as string, checked).toString();
        continue;
      }
      if (response.status < 200 || response.status >= 300) {
        throw new VendorApiError(
          this.vendor,
          `a ${this.vendor} file at ${checked.host} answered HTTP ${response.status}`,
          {
            code: `HTTP_${response.status}`,
            httpStatus: response.status,
          },
        );
      }
      return { body: await this.read(response, checked), contentType: response.headers.get('content-type') };
    }
    throw new VendorApiError(this.vendor, `a ${this.vendor} file redirected more than ${MAX_REDIRECTS} times`, {
      code: 'TOO_MANY_REDIRECTS',
    });
  }

  /** The URL, if it is on one of the vendor's hosts and (outside the sandbox) on a public address. */
  private async check(raw: string): Promise<URL> {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new VendorFileRefusedError(this.vendor, `a ${this.vendor} file URL is not a URL`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new VendorFileRefusedError(this.vendor, `a ${this.vendor} file URL uses ${url.protocol}`);
    }
    if (this.trusted.has(url.host.toLowerCase())) return url;
    if (!this.patterns.some((pattern) => matches(pattern, url))) {
      throw new VendorFileRefusedError(this.vendor, `${url.host} is not one of the ${this.vendor} file hosts`);
    }
    if (!this.options.allowPrivateAddresses) {
      const hostname = url.hostname.replace(/^\[|\]$/g, '');
      const addresses = isIP(hostname) ? [hostname] : await this.addressesOf(hostname);
      if (addresses.some(isPrivateAddress)) {
        throw new VendorFileRefusedError(this.vendor, `${url.host} resolves to a private address`);
      }
    }
    return url;
  }

  private async addressesOf(hostname: string): Promise<string[]> {
    try {
      return await this.resolve(hostname);
    } catch (error) {
      throw new VendorConnectionError(this.vendor, `${hostname} could not be resolved: ${describeFetchError(error)}`, {
        cause: error,
      });
    }
  }

  private async call(url: URL, signal: AbortSignal): Promise<Response> {
    try {
      return await this.fetchImpl(url.toString(), { method: 'GET', redirect: 'manual', signal });
    } catch (error) {
      throw this.networkError(error, url, 'could not be reached');
    }
  }

  /** The body, counted as it arrives: a file larger than the limit is dropped before it is all in memory. */
  private async read(response: Response, url: URL): Promise<Buffer> {
    const tooLarge = () =>
      new VendorApiError(
        this.vendor,
        `a ${this.vendor} file at ${url.host} is larger than ${this.options.maxBytes} bytes`,
        {
          code: 'FILE_TOO_LARGE',
          httpStatus: response.status,
        },
      );
    if (Number(response.headers.get('content-length') ?? 0) > this.options.maxBytes) throw tooLarge();
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      const reader = response.body?.getReader();
      for (;;) {
        const chunk = reader ? await reader.read() : { done: true as const, value: undefined };
        if (chunk.done) break;
        size += chunk.value.length;
        if (size > this.options.maxBytes) {
          await reader?.cancel();
          throw tooLarge();
        }
        chunks.push(chunk.value);
      }
    } catch (error) {
      if (error instanceof VendorError) throw error;
      throw this.networkError(error, url, 'broke off');
    }
    return Buffer.concat(chunks, size);
  }

  private networkError(error: unknown, url: URL, what: string): VendorError {
    if (isTimeout(error)) {
      return new VendorTimeoutError(this.vendor, `a ${this.vendor} file at ${url.host} timed out`, { cause: error });
    }
    return new VendorConnectionError(
      this.vendor,
      `a ${this.vendor} file at ${url.host} ${what}: ${describeFetchError(error)}`,
      {
        cause: error,
      },
    );
  }

  private get vendor(): string {
    return this.options.vendor;
  }
}

interface HostPattern {
  hostname: string;
  subdomains: boolean;
  port?: string;
}

function parsePattern(pattern: string): HostPattern {
  const trimmed = pattern.trim().toLowerCase();
  const subdomains = trimmed.startsWith('*.');
  const rest = subdomains ? trimmed.slice(2) : trimmed;
  const portMatch = /^(.*):(\d+)$/.exec(rest);
  return portMatch && !rest.endsWith(']')
    ? { hostname: portMatch[1], subdomains, port: portMatch[2] }
    : { hostname: rest, subdomains };
}

function matches(pattern: HostPattern, url: URL): boolean {
  const hostname = url.hostname.toLowerCase();
  const hostOk = pattern.subdomains ? hostname.endsWith(`.${pattern.hostname}`) : hostname === pattern.hostname;
  if (!hostOk) return false;
  if (pattern.port === undefined) return true;
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return port === pattern.port;
}

const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv6');
}

/** Loopback, private, link-local, carrier-grade NAT and unspecified addresses, IPv4 mapped into IPv6 too. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1], 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

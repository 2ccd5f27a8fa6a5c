import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { VendorApiError, VendorTimeoutError } from './errors.js';
import { isPrivateAddress, VendorFileDownloader, VendorFileRefusedError } from './file-download.js';

/** A local file server that counts what reaches it. */
async function fileServer(
  handler: (path: string, answer: (status: number, body?: string, headers?: Record<string, string>) => void) => void,
) {
  const hits: string[] = [];
  const server: Server = createServer((request, response) => {
    hits.push(request.url ?? '');
    handler(request.url ?? '', (status, body = '', headers = {}) => {
      response.writeHead(status, headers).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return { host, hits, close };
}

describe('VendorFileDownloader', () => {
  it("downloads from the vendor's configured host, and refuses every other host before any request", async () => {
    const vendor = await fileServer((_path, answer) => answer(200, 'receipt bytes', { 'content-type': 'image/jpeg' }));
    const ours = await fileServer((_path, answer) => answer(200, 'our own API'));
    try {
      const files = new VendorFileDownloader({ vendor: 'zjz', hosts: [], trustedHosts: [vendor.host], maxBytes: 1024 });
      const file = await files.download(`http://${vendor.host}/files/a.jpg`);
      expect(file).toEqual({ body: Buffer.from('receipt bytes'), contentType: 'image/jpeg' });

      for (const url of [
        `http://${ours.host}/api/health`,
        'http://localhost/x',
        'file:///etc/passwd',
        'not a url',
        `http://user@${ours.host}.evil.test/`,
      ]) {
        await expect(files.download(url)).rejects.toBeInstanceOf(VendorFileRefusedError);
      }
      expect(ours.hits).toEqual([]);
    } finally {
      await vendor.close();
      await ours.close();
    }
  });

  it('outside the sandbox, a file host that resolves to a private address is refused', async () => {
    const resolve = async (hostname: string) => (hostname === 'cdn.vendor.test' ? ['93.184.216.34'] : ['127.0.0.1']);
    const fetched: string[] = [];
    const files = new VendorFileDownloader({
      vendor: 'zjz',
      hosts: ['*.vendor.test'],
      maxBytes: 1024,
      resolve,
      fetch: async (url) => {
        fetched.push(url);
        return new Response('ok');
      },
    });
    await expect(files.download('https://cdn.vendor.test/a.jpg')).resolves.toMatchObject({ body: Buffer.from('ok') });
    await expect(files.download('https://rebind.vendor.test/a.jpg')).rejects.toThrow('private address');
    await expect(files.download('https://vendor.test.evil.test/a.jpg')).rejects.toThrow(
      'not one of the zjz file hosts',
    );
    await expect(files.download('https://127.0.0.1/a.jpg')).rejects.toBeInstanceOf(VendorFileRefusedError);
    expect(fetched).toEqual(['https://cdn.vendor.test/a.jpg']);
  });

  it('a redirect is followed only to an allowed host', async () => {
    const ours = await fileServer((_path, answer) => answer(200, 'our own API'));
    const vendor = await fileServer((path, answer) =>
      path === '/moved'
        ? answer(302, '', { location: '/files/b.jpg' })
        : path === '/away'
          ? answer(302, '', { location: `http://${ours.host}/api/health` })
          : answer(200, 'b'),
    );
    try {
      const files = new VendorFileDownloader({ vendor: 'zjz', hosts: [], trustedHosts: [vendor.host], maxBytes: 1024 });
      expect((await files.download(`http://${vendor.host}/moved`)).body.toString()).toBe('b');
      await expect(files.download(`http://${vendor.host}/away`)).rejects.toBeInstanceOf(VendorFileRefusedError);
      expect(ours.hits).toEqual([]);
    } finally {
      await vendor.close();
      await ours.close();
    }
  });

  it('a file over the size limit, an error status and a silent host fail with the transport error classes', async () => {
    const vendor = await fileServer((path, answer) => {
      if (path === '/big') answer(200, 'x'.repeat(2048));
      else if (path === '/gone') answer(404, 'not found');
      // '/silent' never answers
    });
    try {
      const files = new VendorFileDownloader({
        vendor: 'zjz',
        hosts: [],
        trustedHosts: [vendor.host],
        maxBytes: 1024,
        timeoutMs: 300,
        maxRetries: 0,
      });
      await expect(files.download(`http://${vendor.host}/big`)).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
      const gone = files.download(`http://${vendor.host}/gone`);
      await expect(gone).rejects.toBeInstanceOf(VendorApiError);
      await expect(gone).rejects.toMatchObject({ httpStatus: 404, retryable: false });
      await expect(files.download(`http://${vendor.host}/silent`)).rejects.toBeInstanceOf(VendorTimeoutError);
    } finally {
      await vendor.close();
    }
  });

  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.20.0.1', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['fd00::1', true],
    ['93.184.216.34', false],
    ['2606:2800:220:1::1', false],
  ])('isPrivateAddress(%s) = %s', (address, expected) => expect(isPrivateAddress(address)).toBe(expected));
});

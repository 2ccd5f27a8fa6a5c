import sharp from 'sharp';
import { VendorApiError } from '@banshi/vendor-clients';
import { ZJZ_BACKGROUND_COLORS, ZjzClient } from '@banshi/vendor-clients/zjz';
import { ZJZ_SIM_CODES } from './codes.js';
import { startZjzSimulator, type ZjzSimulator } from './zjz-simulator.js';
import {
  colourDistance,
  gifImage,
  hexToRgb,
  oversizedPng,
  pixelAt,
  portraitCutoutPng,
  portraitJpeg,
  PORTRAIT_FACE,
  wideSolidPng,
} from './test-support/images.js';

const API_KEY = 'zjz-contract-key';

describe('zjz client against the simulator: specs and photos', () => {
  let sim: ZjzSimulator;
  let client: ZjzClient;
  let portrait: Buffer;

  beforeAll(async () => {
    portrait = await portraitJpeg();
  });
  beforeEach(async () => {
    sim = await startZjzSimulator({ apiKey: API_KEY, port: 0 });
    client = new ZjzClient({ baseUrl: sim.url, apiKey: API_KEY, maxRetries: 0 });
  });
  afterEach(() => sim.close());

  const apiError = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: unknown) => error,
    );

  it('listItems: parses every spec, numbers as numbers and the colour list', async () => {
    const items = await client.listItems();
    expect(items.length).toBe(sim.specs.length);
    expect(items.find((item) => item.itemId === 1)).toEqual({
      itemId: 1,
      name: '一寸',
      widthPx: 295,
      heightPx: 413,
      widthMm: 25,
      heightMm: 35,
      dpi: 300,
      fileSizeMsg: '不限',
      colors: ['white', 'blue', 'red'],
    });
  });

  it('getItem: adds the file size range and the category', async () => {
    expect(await client.getItem(24)).toMatchObject({
      name: '广东驾驶证',
      widthPx: 260,
      heightPx: 378,
      fileSizeMinKb: 14,
      fileSizeMaxKb: 30,
      category: '证件照',
      categoryId: 2,
    });
  });

  it('a wrong key is a VendorApiError with the vendor code and a Chinese msg', async () => {
    const wrong = new ZjzClient({ baseUrl: sim.url, apiKey: 'not-the-key', maxRetries: 0 });
    const error = await apiError(wrong.listItems());
    expect(error).toBeInstanceOf(VendorApiError);
    expect(error).toMatchObject({ vendor: 'zjz', code: String(ZJZ_SIM_CODES.INVALID_KEY), httpStatus: 200 });
    expect((error as Error).message).toContain('key错误');
  });

  it('an unknown item is refused by getItem and makeReceiptPhoto', async () => {
    expect(await apiError(client.getItem(4242))).toMatchObject({ code: String(ZJZ_SIM_CODES.UNKNOWN_ITEM) });
    const error = await apiError(client.makeReceiptPhoto({ itemId: 4242, image: portrait }));
    expect(error).toMatchObject({ code: String(ZJZ_SIM_CODES.UNKNOWN_ITEM) });
    expect((error as Error).message).toContain('规格不存在');
  });

  it('makeReceiptPhoto: one photo per colour, at the spec size and dpi, on the spec background', async () => {
    const made = await client.makeReceiptPhoto({ itemId: 1, image: portrait });
    expect(made.picId).toMatch(/^\d+$/);
    expect(Object.keys(made.photos)).toEqual(['white', 'blue', 'red']);
    for (const [color, url] of Object.entries(made.photos)) {
      expect(url.startsWith(sim.url)).toBe(true);
      const photo = Buffer.from(await (await fetch(url)).arrayBuffer());
      const metadata = await sharp(photo).metadata();
      expect(metadata).toMatchObject({ format: 'jpeg', width: 295, height: 413, density: 300 });
      // The backdrop is replaced by the colour; the face in the middle is kept.
      expect(colourDistance(await pixelAt(photo, 4, 4), hexToRgb(ZJZ_BACKGROUND_COLORS[color]))).toBeLessThan(16);
      expect(colourDistance(await pixelAt(photo, 147, 170), PORTRAIT_FACE)).toBeLessThan(20);
    }
  });

  it('makeReceiptPhoto: keeps a file size range, and flattens a transparent PNG', async () => {
    const made = await client.makeReceiptPhoto({ itemId: 31, image: (await portraitCutoutPng()).toString('base64') });
    const photo = Buffer.from(await (await fetch(made.photos.white)).arrayBuffer());
    expect(photo.length).toBeGreaterThanOrEqual(40 * 1024);
    expect(photo.length).toBeLessThanOrEqual(120 * 1024);
    expect(await sharp(photo).metadata()).toMatchObject({ width: 390, height: 567, density: 300 });
    expect(colourDistance(await pixelAt(photo, 3, 3), hexToRgb('#FFFFFF'))).toBeLessThan(8);
  });

  it('refuses what is not an image, or not JPEG/PNG', async () => {
    const text = await apiError(client.makeReceiptPhoto({ itemId: 1, image: Buffer.from('not an image at all') }));
    expect(text).toMatchObject({ code: String(ZJZ_SIM_CODES.IMAGE_INVALID) });
    const gif = await apiError(client.makeReceiptPhoto({ itemId: 1, image: await gifImage() }));
    expect(gif).toMatchObject({ code: String(ZJZ_SIM_CODES.IMAGE_INVALID) });
    expect((gif as Error).message).toContain('gif');
    const notBase64 = await apiError(client.makeReceiptPhoto({ itemId: 1, image: '%%%not base64%%%' }));
    expect(notBase64).toMatchObject({ code: String(ZJZ_SIM_CODES.IMAGE_INVALID) });
  });

  it('refuses a JPEG whose header is fine and whose data is cut off', async () => {
    const truncated = portrait.subarray(0, Math.floor(portrait.length / 2));
    const error = await apiError(client.makeReceiptPhoto({ itemId: 1, image: truncated }));
    expect(error).toMatchObject({ code: String(ZJZ_SIM_CODES.IMAGE_INVALID) });
    expect((error as Error).message).toContain('损坏');
  });

  it('refuses an image above 5 MB', async () => {
    const big = await oversizedPng();
    expect(big.length).toBeGreaterThan(5 * 1024 * 1024);
    const error = await apiError(client.makeReceiptPhoto({ itemId: 1, image: big }));
    // Seen twice in long full runs only: an HTTP 500 instead of 20003. Print what the simulator said.
    if ((error as { code?: string }).code !== String(ZJZ_SIM_CODES.IMAGE_TOO_LARGE)) {
      console.error('zjz oversize upload answered', (error as { rawBody?: string }).rawBody);
    }
    expect(error).toMatchObject({ code: String(ZJZ_SIM_CODES.IMAGE_TOO_LARGE) });
  });

  it('refuses 6000 px or more on a side, accepts 5999', async () => {
    for (const [width, height] of [
      [6001, 10],
      [10, 6000],
    ]) {
      const error = await apiError(client.makeReceiptPhoto({ itemId: 1, image: await wideSolidPng(width, height) }));
      expect(error).toMatchObject({ code: String(ZJZ_SIM_CODES.IMAGE_TOO_MANY_PIXELS) });
    }
    const ok = await client.makeReceiptPhoto({ itemId: 1, image: await wideSolidPng(5999, 2000) });
    expect(ok.picId).toMatch(/^\d+$/);
  });

  it('refuses a strip of pixels in which no portrait fits', async () => {
    const error = await apiError(client.makeReceiptPhoto({ itemId: 1, image: await wideSolidPng(3000, 10) }));
    expect(error).toMatchObject({ code: String(ZJZ_SIM_CODES.IMAGE_INVALID) });
    expect((error as Error).message).toContain('人像');
  });

  it('retries the free make call after a 5xx, and counts one call', async () => {
    const retrying = new ZjzClient({ baseUrl: sim.url, apiKey: API_KEY, maxRetries: 2 });
    sim.faults.failNext(1, 502);
    const made = await retrying.makeReceiptPhoto({ itemId: 2, image: portrait });
    expect(made.picId).toMatch(/^\d+$/);
    expect(sim.host.callsTo('/receipt/make')).toBe(1);
    expect(sim.stats().picsMade).toBe(1);
  });

  it('sends a form-urlencoded POST carrying the key', async () => {
    const seen: { url: string; init?: RequestInit }[] = [];
    const recording = new ZjzClient({
      baseUrl: sim.url,
      apiKey: API_KEY,
      fetch: (url, init) => {
        seen.push({ url, init });
        return fetch(url, init);
      },
    });
    await recording.getItem(3);
    expect(seen[0].url).toBe(`${sim.url}/item/get`);
    expect(seen[0].init?.method).toBe('POST');
    expect(new Headers(seen[0].init?.headers).get('content-type')).toContain('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(String(seen[0].init?.body)))).toEqual({ key: API_KEY, item_id: '3' });
  });
});

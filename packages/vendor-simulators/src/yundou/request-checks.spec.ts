import { ManualClock } from '@banshi/vendor-clients';
import { CallbackInbox } from './test-support/callback-inbox.js';
import { YundouClient, YUNDOU_MAX_IMAGE_BYTES, YUNDOU_PATHS, yundouSignature } from '@banshi/vendor-clients/yundou';
import { YUNDOU_SIM_MESSAGES } from './messages.js';
import { startYundouSimulator, type YundouSimulator } from './yundou-simulator.js';

const COMPANY = '20931';
const API_KEY = 'bX9k2LqP7wY3';
// Any bytes will do here: these tests are about the answer to the upload, not about recognition.
const image = Buffer.from('not really a photo');

let sim: YundouSimulator;
let inbox: CallbackInbox;
let oidCounter = 0;
const nextOid = () => `chk-${Date.now()}-${++oidCounter}`;

beforeAll(async () => {
  inbox = await CallbackInbox.start();
});
afterAll(() => inbox.close());
beforeEach(async () => {
  sim = await startYundouSimulator({ companyId: COMPANY, apiKey: API_KEY, recognitionDelayMs: 0 });
});
afterEach(async () => {
  await sim.idle();
  await sim.close();
});

const client = () => new YundouClient({ baseUrl: sim.url, companyId: COMPANY, apiKey: API_KEY });

/** Posts to the simulator with a valid signature but whatever else the test says, bypassing the client. */
async function rawPost(path: string, options: { headers?: Record<string, string>; body: string; contentType: string }) {
  const t = String(Math.floor(Date.now() / 1000));
  const headers: Record<string, string> = {
    'x-cid': COMPANY,
    'x-signature': yundouSignature({ apiKey: API_KEY, api: path, companyId: COMPANY, timestamp: t }),
    t,
    'x-oid': nextOid(),
    'c-url': inbox.callbackUrl('raw'),
    'content-type': options.contentType,
    ...options.headers,
  };
  for (const [key, value] of Object.entries(headers)) if (value === '') delete headers[key];
  const response = await fetch(`${sim.url}${path}`, { method: 'POST', headers, body: options.body });
  return (await response.json()) as { code: number; message: string; data: unknown };
}

describe('simulator request checks (requests the client would never send)', () => {
  const image64 = () => image.toString('base64');

  it('accepts the image as a JSON body too', async () => {
    const answer = await rawPost(YUNDOU_PATHS.uploadBill, {
      contentType: 'application/json',
      body: JSON.stringify({ image: image64() }),
    });
    expect(answer).toMatchObject({ code: 0, data: { id: 1001 } });
  });

  it.each([
    [
      'invalid base64',
      { body: 'image=abc%20def', contentType: 'application/x-www-form-urlencoded' },
      YUNDOU_SIM_MESSAGES.badBase64,
    ],
    [
      'no image',
      { body: 'other=1', contentType: 'application/x-www-form-urlencoded' },
      YUNDOU_SIM_MESSAGES.missingImage,
    ],
    [
      'an image over 2 MB',
      {
        body: JSON.stringify({ image: Buffer.alloc(YUNDOU_MAX_IMAGE_BYTES + 3).toString('base64') }),
        contentType: 'application/json',
      },
      YUNDOU_SIM_MESSAGES.imageTooLarge,
    ],
    [
      'no oid',
      { headers: { 'x-oid': '' }, body: 'image=AAAA', contentType: 'application/x-www-form-urlencoded' },
      YUNDOU_SIM_MESSAGES.missingOid,
    ],
    [
      'oid and x-oid that differ',
      { headers: { oid: 'other' }, body: 'image=AAAA', contentType: 'application/x-www-form-urlencoded' },
      YUNDOU_SIM_MESSAGES.oidMismatch,
    ],
    [
      'no c-url',
      { headers: { 'c-url': '' }, body: 'image=AAAA', contentType: 'application/x-www-form-urlencoded' },
      YUNDOU_SIM_MESSAGES.missingCallback,
    ],
    [
      'a c-url that is not a URL',
      { headers: { 'c-url': 'callback' }, body: 'image=AAAA', contentType: 'application/x-www-form-urlencoded' },
      YUNDOU_SIM_MESSAGES.badCallback,
    ],
    [
      'no signature',
      { headers: { 'x-signature': '' }, body: 'image=AAAA', contentType: 'application/x-www-form-urlencoded' },
      YUNDOU_SIM_MESSAGES.badSignature,
    ],
    [
      'a timestamp that is not a number',
      { headers: { t: 'now' }, body: 'image=AAAA', contentType: 'application/x-www-form-urlencoded' },
      YUNDOU_SIM_MESSAGES.badSignature,
    ],
  ])('refuses %s with code 1', async (_name, options, message) => {
    const answer = await rawPost(YUNDOU_PATHS.uploadBill, options);
    expect(answer).toEqual({ code: 1, message, data: [] });
    expect(sim.uploads.size).toBe(0);
  });

  it('refuses a timestamp outside the window, either way, and accepts one inside it', async () => {
    const clock = new ManualClock(Date.now());
    await sim.close();
    sim = await startYundouSimulator({
      companyId: COMPANY,
      apiKey: API_KEY,
      clock,
      timestampWindowMs: 60_000,
      recognitionDelayMs: 0,
    });
    const send = () => client().uploadBill({ oid: nextOid(), callbackUrl: inbox.callbackUrl('w'), image });
    clock.advance(61_000);
    await expect(send()).rejects.toMatchObject({ message: YUNDOU_SIM_MESSAGES.staleTimestamp });
    clock.advance(-122_000);
    await expect(send()).rejects.toMatchObject({ message: YUNDOU_SIM_MESSAGES.staleTimestamp });
    clock.advance(65_000);
    await expect(send()).resolves.toMatchObject({ status: 'accepted' });
  });
});

import sharp from 'sharp';
import { parseYundouCallback, type YundouCallbackEvent, YundouClient, parseVatQr } from '@banshi/vendor-clients/yundou';
import { CallbackInbox } from './test-support/callback-inbox.js';
import { renderBillImage, renderVatQrImage } from './bill-generator.js';
import { vatQrText, type GeneratedBill } from './generated-bill.js';
import { YUNDOU_SIM_MESSAGES } from './messages.js';
import { SAMPLE_DIGITAL_VAT, sampleBill, sampleBills } from './sample-bills.js';
import { startYundouSimulator, type YundouSimulator } from './yundou-simulator.js';

const COMPANY = '20931';
const API_KEY = 'bX9k2LqP7wY3';
let sim: YundouSimulator;
let inbox: CallbackInbox;
let client: YundouClient;
let counter = 0;

beforeAll(async () => {
  inbox = await CallbackInbox.start();
});
afterAll(() => inbox.close());
beforeEach(async () => {
  sim = await startYundouSimulator({
    companyId: COMPANY,
    apiKey: API_KEY,
    recognitionDelayMs: 0,
    callbackRetryDelaysMs: [20, 20],
  });
  client = new YundouClient({ baseUrl: sim.url, companyId: COMPANY, apiKey: API_KEY });
});
afterEach(async () => {
  await sim.idle();
  await sim.close();
  for (const upload of sim.uploads.values()) expect(upload.error).toBeUndefined();
});

/** Uploads `image` under a fresh oid and token; returns them. */
async function upload(image: Buffer, endpoint: 'bill' | 'qr' = 'bill') {
  const token = `tok${++counter}x${Math.random().toString(36).slice(2)}`;
  const oid = `oid-${counter}`;
  const request = { oid, callbackUrl: inbox.callbackUrl(token), image };
  const result = endpoint === 'bill' ? await client.uploadBill(request) : await client.uploadQr(request);
  expect(result.status).toBe('accepted');
  return { oid, token };
}

/** The one callback received for `token`, parsed as our server would. */
function received(token: string, expect_?: 'bill' | 'qr'): YundouCallbackEvent {
  const callbacks = inbox.for(token);
  expect(callbacks).toHaveLength(1);
  return parseYundouCallback({ rawBody: callbacks[0].body, contentType: callbacks[0].contentType }, expect_);
}

/** What the typed bill must say, written from the generated bill independently of the simulator's mapping. */
function expectedFields(bill: GeneratedBill): Record<string, unknown> {
  const common = { type: bill.type, signDate: bill.signDate, amountFen: bill.amountFen };
  switch (bill.type) {
    case 'train':
      return { ...common, fullName: bill.fullName, idNumber: bill.idNumber };
    case 'didi':
      return { ...common, mobile: bill.mobile };
    case 'flight':
      return {
        ...common,
        fullName: bill.fullName,
        idNumber: bill.idNumber,
        producer: { code: bill.producer },
        territory: { code: bill.territory },
        chapter: { code: bill.chapter },
      };
    case 'bank':
      return { ...common, payer: bill.payer, payee: bill.payee, chapter: { code: bill.chapter } };
    case 'vat_special':
    case 'vat_ordinary':
      return {
        ...common,
        taxFen: bill.taxFen,
        totalFen: bill.totalFen,
        invoiceNumber: bill.invoiceNumber,
        dedupeKey: `${bill.invoiceCode}${bill.invoiceNumber}`,
        invoiceOrder: { code: bill.invoiceOrder },
        payer: { name: bill.payer.name, taxId: bill.payer.taxId },
        payee: bill.payee,
        items: bill.items.map((item) => ({
          name: item.name,
          quantity: item.quantity,
          unitPrice: item.unitPrice,
          amountFen: item.amountFen,
          taxFen: item.taxFen,
          taxRate: item.taxRate,
        })),
      };
    default: {
      const extra =
        bill.type === 'taxi'
          ? { time: bill.time, licenseNumber: bill.licenseNumber }
          : bill.type === 'coach'
            ? { fullName: bill.fullName }
            : bill.type === 'quota'
              ? { expenseType: bill.expenseType }
              : bill.type === 'fuel'
                ? { city: bill.city, province: bill.province }
                : {};
      return {
        ...common,
        invoiceCode: bill.invoiceCode,
        invoiceNumber: bill.invoiceNumber,
        producer: { code: bill.producer },
        chapter: { code: bill.chapter },
        ...extra,
      };
    }
  }
}

describe('Yundou simulator: real recognition end to end', () => {
  it('every bill type: a generated photo goes through uploadBill and its callback parses to the bill', async () => {
    const bills = [...sampleBills(), SAMPLE_DIGITAL_VAT];
    expect(new Set(bills.map((bill) => bill.type)).size).toBe(21);
    const images = await Promise.all(bills.map((bill) => renderBillImage(bill)));
    for (const image of images) {
      expect(image.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    }
    const uploads = await Promise.all(images.map((image) => upload(image)));
    await sim.idle();

    uploads.forEach(({ oid, token }, index) => {
      const event = received(token);
      if (event.kind !== 'bill_recognised') throw new Error(`${bills[index].type}: ${event.kind} ${event.message}`);
      expect(event.oid).toBe(oid);
      expect(event.billId).toMatch(/^\d+$/);
      expect(event.warnings).toEqual([]);
      expect(event.bill).toMatchObject(expectedFields(bills[index]));
    });
    const digital = received(uploads[uploads.length - 1].token);
    expect(digital).toMatchObject({ bill: { type: 'vat_ordinary', dedupeKey: '24442000000123456789' } });
    expect(digital.kind === 'bill_recognised' && 'invoiceCode' in digital.bill).toBe(false);
  }, 30_000);

  it('sends the callback as JSON in PHP encoding, with the document field names', async () => {
    const { token } = await upload(await renderBillImage(sampleBill('taxi')));
    await sim.idle();
    const [callback] = inbox.for(token);
    expect(callback.contentType).toBe('application/json');
    expect(callback.body).toContain('"type":"\\u51fa\\u79df\\u8f66\\u7968"');
    const body = JSON.parse(callback.body) as { data: Record<string, unknown> };
    expect(Object.keys(body).sort()).toEqual(['bid', 'code', 'data', 'message', 'type', 'x-oid']);
    expect(body.data).toMatchObject({ Invoice_code: '144031909110', license_number: '粤B·T1234', amount: '32.60' });
  });

  it('reads a hand-held photo, turned a few degrees', async () => {
    const { token } = await upload(await renderBillImage(sampleBill('lodging'), { rotateDeg: 6, quality: 75 }));
    await sim.idle();
    expect(received(token)).toMatchObject({ kind: 'bill_recognised', bill: { type: 'lodging', amountFen: 89_600 } });
  });

  it('an unreadable photo (random noise) gets a failure callback', async () => {
    const width = 480;
    const height = 360;
    const noise = Buffer.alloc(width * height * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = Math.floor(Math.random() * 256);
    const photo = await sharp(noise, { raw: { width, height, channels: 3 } })
      .jpeg()
      .toBuffer();
    const { oid, token } = await upload(photo);
    await sim.idle();
    expect(received(token)).toMatchObject({
      kind: 'recognition_failed',
      source: 'bill',
      oid,
      code: 1,
      message: '图片无法识别，请重新拍摄',
    });
    expect(sim.uploads.get(oid)?.status).toBe('failed');
  });

  it('bytes that are not an image get a failure callback too', async () => {
    const { token } = await upload(Buffer.from('%PDF-1.7 not a photo at all'));
    await sim.idle();
    expect(received(token)).toMatchObject({ kind: 'recognition_failed', message: YUNDOU_SIM_MESSAGES.unreadable });
  });

  it('uploadQr: calls back with the QR text, which parseVatQr reads', async () => {
    const text = vatQrText(SAMPLE_DIGITAL_VAT);
    const { oid, token } = await upload(await renderVatQrImage(text), 'qr');
    await sim.idle();
    const event = received(token);
    expect(event).toMatchObject({ kind: 'qr_decoded', oid, qrId: String(sim.uploads.get(oid)?.id), content: text });
    if (event.kind !== 'qr_decoded') throw new Error('expected a QR event');
    expect(parseVatQr(event.content)).toMatchObject({
      typeCode: '32',
      invoiceNumber: '24442000000123456789',
      amountFen: 28_302,
      issueDate: '2024-04-12',
    });
  });

  it('uploadQr: a photo without a QR code gets a failure callback', async () => {
    const blank = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#ffffff' } })
      .jpeg()
      .toBuffer();
    const { token } = await upload(blank, 'qr');
    await sim.idle();
    expect(received(token, 'qr')).toMatchObject({ kind: 'recognition_failed', source: 'qr', code: 1 });
  });

  it('uploadBill of a real invoice QR alone recognises the VAT invoice it names', async () => {
    const text = '01,04,044031900111,12345678,1024.50,20240102,03917522840562778413,3F2A';
    const { token } = await upload(await renderVatQrImage(text));
    await sim.idle();
    expect(received(token)).toMatchObject({
      kind: 'bill_recognised',
      bill: {
        type: 'vat_ordinary',
        invoiceCode: '044031900111',
        invoiceNumber: '12345678',
        amountFen: 102_450,
        signDate: '2024-01-02',
        checkCode: '03917522840562778413',
        dedupeKey: '04403190011112345678',
        items: [],
      },
    });
  });
});

describe('Yundou simulator: scenario knobs', () => {
  it('repeatCallbacks sends the same callback again', async () => {
    sim.repeatCallbacks = 1;
    const { token } = await upload(await renderBillImage(sampleBill('courier')));
    await sim.idle();
    const callbacks = inbox.for(token);
    expect(callbacks).toHaveLength(2);
    expect(callbacks[1].body).toBe(callbacks[0].body);
  });

  it('failNextRecognitions fails a readable bill with the given message, once', async () => {
    sim.failNextRecognitions(1, '票据类型不支持');
    const image = await renderBillImage(sampleBill('phone'));
    const first = await upload(image);
    const second = await upload(image);
    await sim.idle();
    expect(received(first.token)).toMatchObject({ kind: 'recognition_failed', message: '票据类型不支持' });
    expect(received(second.token)).toMatchObject({ kind: 'bill_recognised', bill: { type: 'phone' } });
  });

  it('callbackFormat "form" posts a form whose data is a JSON string, which the parser reads', async () => {
    sim.callbackFormat = 'form';
    const { token } = await upload(await renderBillImage(sampleBill('vat_special')));
    await sim.idle();
    const [callback] = inbox.for(token);
    expect(callback.contentType).toBe('application/x-www-form-urlencoded');
    expect(new URLSearchParams(callback.body).get('type')).toBe('增值税专用发票');
    expect(received(token)).toMatchObject({
      bill: { type: 'vat_special', items: [{ amountFen: 200_000 }, { amountFen: 100_000 }] },
    });
  });

  it('retries a callback the merchant did not acknowledge with a 2xx', async () => {
    inbox.statuses.push(500);
    const { oid, token } = await upload(await renderBillImage(sampleBill('toll')));
    await sim.idle();
    expect(inbox.for(token)).toHaveLength(2);
    const delivery = sim.callbacks.deliveries.find((d) => d.body.includes(`"x-oid":"${oid}"`));
    expect(delivery).toMatchObject({ attempts: 2, acknowledged: true });
  });

  it('recognitionDelayMs holds the callback back until recognition is done', async () => {
    sim.recognitionDelayMs = 800;
    const { oid, token } = await upload(await renderBillImage(sampleBill('ship')));
    expect(sim.uploads.get(oid)?.status).toBe('recognising');
    expect(inbox.for(token)).toHaveLength(0);
    await sim.idle();
    expect(sim.uploads.get(oid)?.status).toBe('recognised');
    expect(inbox.for(token)).toHaveLength(1);
  });
});

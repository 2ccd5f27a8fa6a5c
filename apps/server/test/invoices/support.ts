import {
  renderBillImage,
  type GeneratedBill,
  type SimulatedUpload,
  type YundouSimulator,
} from '@banshi/vendor-simulators/yundou';
import { InvoiceScan } from '../../src/invoices/entities/invoice-scan.entity.js';
import type { TestApp } from '../support/test-app.js';

export interface ScanBody {
  id: number;
  orderId: number;
  orderNo: string;
  orderStatus: string;
  source: string;
  status: 'recognising' | 'recognised' | 'failed';
  billType: string | null;
  typeLabel: string | null;
  amountFen: number | null;
  issueDate: string | null;
  month: string;
  invoiceCode: string | null;
  invoiceNumber: string | null;
  fullyDigital: boolean;
  duplicateOf: { id: number; orderNo: string; scannedAt: string; reimbursedAt: string | null } | null;
  reimbursedAt: string | null;
  failureMessage: string | null;
  retryable: boolean;
  photoUrl: string | null;
  bill: Record<string, unknown> | null;
  qr: Record<string, unknown> | null;
  warnings: string[];
  retryOfId: number | null;
  replacedById: number | null;
}

/** The yundou simulator of the test app, answering without the sandbox's human-sized delay. */
export function yundouOf(t: TestApp): YundouSimulator {
  const sim = t.sandbox.get<YundouSimulator>('yundou');
  sim.recognitionDelayMs = 0;
  return sim;
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Rendered bills are cached: rendering a page costs a few hundred milliseconds. */
const rendered = new Map<string, Buffer>();
export async function billImage(bill: GeneratedBill): Promise<Buffer> {
  const key = JSON.stringify(bill);
  let image = rendered.get(key);
  if (!image) {
    image = await renderBillImage(bill);
    rendered.set(key, image);
  }
  return image;
}

export async function uploadPhoto(t: TestApp, token: string, image: Buffer, expected = 201) {
  return t.http.post('/api/invoices/photos').set(bearer(token)).attach('file', image, 'bill.jpg').expect(expected);
}

/** Uploads a bill photo and waits for the vendor's callback to be applied; answers the scan. */
export async function scanBill(t: TestApp, token: string, bill: GeneratedBill): Promise<ScanBody> {
  const sim = yundouOf(t);
  const created = await uploadPhoto(t, token, await billImage(bill));
  expect(created.body.status).toBe('recognising');
  await sim.idle();
  return getScan(t, token, created.body.id as number);
}

export async function getScan(t: TestApp, token: string, id: number): Promise<ScanBody> {
  const response = await t.http.get(`/api/invoices/${id}`).set(bearer(token)).expect(200);
  return response.body as ScanBody;
}

export async function scanRow(t: TestApp, id: number): Promise<InvoiceScan> {
  return t.dataSource.getRepository(InvoiceScan).findOneByOrFail({ id });
}

/** What the simulator kept of the upload behind a scan (its callback URL and body). */
export async function uploadOf(t: TestApp, scanId: number): Promise<SimulatedUpload> {
  const row = await scanRow(t, scanId);
  const upload = yundouOf(t).uploads.get(row.oid ?? '');
  if (!upload) throw new Error(`no simulated upload for scan ${scanId}`);
  return upload;
}

/** A minimal RFC 4180 reader, for checking the exported CSV as a spreadsheet program would read it. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

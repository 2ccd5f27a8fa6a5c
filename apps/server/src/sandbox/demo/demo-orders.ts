import { makeIdNumber } from '@banshi/vendor-clients';
import { BILL_TYPES } from '@banshi/vendor-clients/yundou';
import { renderBillImage, sampleBill } from '@banshi/vendor-simulators/yundou';
import { DEFAULT_SANDBOX_IDENTITIES } from '@banshi/vendor-simulators/zhima';
import { facePhoto, portraitJpeg } from './demo-images.js';

/**
 * Real orders for a sandbox that is running: simulated users sign in through the sandbox login and
 * go through the public API exactly as the mini-program does (upload, consent, submit), and the
 * vendor simulators take it from there. Nothing is written to the database directly, so what the
 * merchant then sees in the console is what real users would have left there.
 */
export interface DemoReport {
  kind: string;
  placed: number;
  refused: string[];
}

type Form = Record<string, string | { bytes: Buffer; filename: string }>;

export class DemoUser {
  private constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  static async signIn(baseUrl: string, deviceId: string): Promise<DemoUser> {
    const { code } = await post<{ code: string }>(baseUrl, '/api/sandbox/wechat/code', { deviceId });
    const { token } = await post<{ token: string }>(baseUrl, '/api/auth/wechat', { code });
    return new DemoUser(baseUrl, token);
  }

  json<T>(path: string, body: object): Promise<T> {
    return post<T>(this.baseUrl, path, body, this.token);
  }

  form<T>(path: string, fields: Form): Promise<T> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) {
      if (typeof value === 'string') form.append(name, value);
      else form.append(name, new Blob([new Uint8Array(value.bytes)], { type: 'image/jpeg' }), value.filename);
    }
    return send<T>(this.baseUrl, path, { method: 'POST', body: form }, this.token);
  }
}

/** Bills of every type the vendor reads, each photographed and scanned. */
export async function scanBills(user: DemoUser, count: number): Promise<DemoReport> {
  const report: DemoReport = { kind: '票据识别', placed: 0, refused: [] };
  for (let i = 0; i < count; i++) {
    const bill = sampleBill(BILL_TYPES[i % BILL_TYPES.length]);
    const bytes = await renderBillImage(bill);
    await attempt(report, () => user.form('/api/invoices/photos', { file: { bytes, filename: `bill-${i}.jpg` } }));
  }
  return report;
}

/**
 * The sandbox's people: some pass, some fail with the vendor's reasons (face, name, photo). A user is
 * verified once, so each attempt is a user of its own.
 */
export async function certifyPeople(newUser: () => Promise<DemoUser>, count: number): Promise<DemoReport> {
  const report: DemoReport = { kind: '实名认证', placed: 0, refused: [] };
  const face = await facePhoto();
  for (let i = 0; i < count; i++) {
    const person = DEFAULT_SANDBOX_IDENTITIES[i % DEFAULT_SANDBOX_IDENTITIES.length];
    await attempt(report, async () =>
      (await newUser()).form('/api/identity/certifications', {
        consent: 'true',
        name: person.certName ?? '赵六',
        idNumber: person.certNo,
        face: { bytes: face, filename: 'face.jpg' },
      }),
    );
  }
  return report;
}

/** Second-generation ID card photos (spec 21) with the receipt's owner fields, white background. */
export async function orderIdPhotos(user: DemoUser, count: number): Promise<DemoReport> {
  const report: DemoReport = { kind: '证件照回执', placed: 0, refused: [] };
  const portrait = await portraitJpeg();
  for (let i = 0; i < count; i++) {
    await attempt(report, async () => {
      const photo = await user.form<{ id: number }>('/api/id-photo/photos', {
        itemId: '21',
        file: { bytes: portrait, filename: 'me.jpg' },
      });
      return user.json('/api/id-photo/orders', {
        photoId: photo.id,
        color: 'white',
        agreePrivacy: true,
        param: {
          text_name: '王小明',
          text_idcard: makeIdNumber('440305', '19900307', 400 + i),
          text_mobile: `139${String(10_000_000 + i).slice(-8)}`,
          text_city: '深圳',
        },
      });
    });
  }
  return report;
}

async function attempt(report: DemoReport, call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
    report.placed++;
  } catch (error) {
    report.refused.push(error instanceof Error ? error.message : String(error));
  }
}

function post<T>(baseUrl: string, path: string, body: object, token?: string): Promise<T> {
  return send<T>(
    baseUrl,
    path,
    { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } },
    token,
  );
}

async function send<T>(baseUrl: string, path: string, init: RequestInit, token?: string): Promise<T> {
  const headers = new Headers(init.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  const response = await fetch(`${baseUrl}${path}`, { ...init, headers });
  const text = await response.text();
  if (!response.ok) {
    const message = (JSON.parse(text || '{}') as { message?: string }).message ?? text;
    throw new Error(`${path} answered ${response.status}: ${message}`);
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

import { sleep, systemClock, type Clock } from '@banshi/vendor-clients';
import {
  CallbackSender,
  SimulatorHost,
  type FaultKnobs,
  type RunningSimulator,
  type SimRequest,
  type SimResponse,
  type SimulatorStartOptions,
} from '../core/index.js';
import { decodeQrFromImage, YUNDOU_PATHS, YUNDOU_VENDOR, phpJson } from '@banshi/vendor-clients/yundou';
import { billCallbackBody, encodeYundouCallback, qrCallbackBody } from './callbacks.js';
import { YUNDOU_SIM_MESSAGES as M } from './messages.js';
import { recogniseBillFromQr } from './recognition.js';
import { checkUpload } from './request-checks.js';
import type { VendorBillResult } from './vendor-data.js';

export interface YundouSimulatorOptions extends SimulatorStartOptions {
  companyId: string;
  apiKey: string;
  /** Time between an accepted upload and its callback (default 50 ms). */
  recognitionDelayMs?: number;
  /** How far `t` may be from the simulator's clock, either way (default 5 minutes). */
  timestampWindowMs?: number;
}

export type SimulatedUploadKind = 'bill' | 'qr';

/** One accepted upload, as the vendor keeps it. */
export interface SimulatedUpload {
  kind: SimulatedUploadKind;
  oid: string;
  /** `data.id` of the upload answer. */
  id: number;
  /** `bid` of the callback (bill uploads only). */
  billId?: number;
  callbackUrl: string;
  imageBytes: number;
  status: 'recognising' | 'recognised' | 'failed';
  /** What recognition read: the bill's `type` + `data`, or the QR's text. */
  result?: VendorBillResult | { content: string };
  /** The callback body as sent. */
  callbackBody?: string;
  /** Set when the simulator itself failed while recognising (a bug, not a bad image). */
  error?: string;
}

/**
 * A local 芸豆票据 server: checks uploads as the document says, keeps them by oid, recognises each
 * image for real (decodes its QR code) and posts the result to `c-url`.
 */
export class YundouSimulator implements RunningSimulator {
  readonly vendor = YUNDOU_VENDOR;
  readonly callbacks: CallbackSender;
  /** Accepted uploads by oid; an oid is used once across both endpoints. */
  readonly uploads = new Map<string, SimulatedUpload>();
  recognitionDelayMs: number;
  timestampWindowMs: number;
  /** Extra identical deliveries of every callback (the vendor's "sent twice" behaviour). */
  repeatCallbacks = 0;
  /** `json` (default) or `form`: a form body carrying `data` as a JSON string. */
  callbackFormat: 'json' | 'form' = 'json';
  private readonly clock: Clock;
  private readonly tasks = new Set<Promise<void>>();
  private forcedFailures: string[] = [];
  private nextUploadId = 1001;
  private nextBillId = 500_001;
  private closed = false;

  private constructor(
    readonly host: SimulatorHost,
    private readonly options: YundouSimulatorOptions,
  ) {
    this.clock = options.clock ?? systemClock;
    this.recognitionDelayMs = options.recognitionDelayMs ?? 50;
    this.timestampWindowMs = options.timestampWindowMs ?? 5 * 60_000;
    // The document gives no acknowledgement format ("信息同步规则" is left blank): any 2xx counts.
    this.callbacks = new CallbackSender({
      vendor: YUNDOU_VENDOR,
      retryDelaysMs: options.callbackRetryDelaysMs,
      isAcknowledged: (status) => status >= 200 && status < 300,
    });
    host.route('POST', YUNDOU_PATHS.uploadBill, (request) => this.handleUpload(request, 'bill'));
    host.route('POST', YUNDOU_PATHS.uploadQr, (request) => this.handleUpload(request, 'qr'));
  }

  static async start(options: YundouSimulatorOptions): Promise<YundouSimulator> {
    const host = await SimulatorHost.start({ name: YUNDOU_VENDOR, port: options.port, host: options.host });
    return new YundouSimulator(host, options);
  }

  get url(): string {
    return this.host.url;
  }

  get faults(): FaultKnobs {
    return this.host.faults;
  }

  /** The next `count` recognitions fail with `message`, whatever the image. */
  failNextRecognitions(count = 1, message: string = M.unreadable): void {
    this.forcedFailures = Array.from({ length: count }, () => message);
  }

  /** Resolves when every accepted upload has been recognised and its callback delivered or given up. */
  async idle(): Promise<void> {
    while (this.tasks.size > 0) await Promise.allSettled([...this.tasks]);
    await this.callbacks.idle();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.callbacks.stop();
    await this.host.close();
  }

  private handleUpload(request: SimRequest, kind: SimulatedUploadKind): SimResponse {
    const checked = checkUpload(request, {
      companyId: this.options.companyId,
      apiKey: this.options.apiKey,
      nowMs: this.clock.now(),
      timestampWindowMs: this.timestampWindowMs,
    });
    if (!checked.ok) return answer(1, checked.message, []);
    if (this.uploads.has(checked.oid)) return answer(1, M.oidReused, []);

    const upload: SimulatedUpload = {
      kind,
      oid: checked.oid,
      id: this.nextUploadId++,
      callbackUrl: checked.callbackUrl,
      imageBytes: checked.image.length,
      status: 'recognising',
    };
    this.uploads.set(upload.oid, upload);
    const task = this.recognise(upload, checked.image).finally(() => this.tasks.delete(task));
    this.tasks.add(task);
    return answer(0, M.uploaded, { id: upload.id });
  }

  private async recognise(upload: SimulatedUpload, image: Buffer): Promise<void> {
    if (this.recognitionDelayMs > 0) await sleep(this.recognitionDelayMs);
    if (this.closed) return;
    const forced = this.forcedFailures.shift();
    let content: string | undefined;
    try {
      content = forced === undefined ? await decodeQrFromImage(image) : undefined;
    } catch (error) {
      // A broken decoder is the simulator's fault, not the image's: keep it for the tests to see.
      upload.error = error instanceof Error ? error.message : String(error);
    }
    let body: Record<string, unknown>;
    if (upload.kind === 'qr') {
      body = qrCallbackBody(upload.oid, upload.id, content, forced);
      if (content !== undefined) upload.result = { content };
    } else {
      upload.billId = this.nextBillId++;
      const result = content === undefined ? undefined : recogniseBillFromQr(content);
      upload.result = result;
      body = billCallbackBody(upload.oid, upload.billId, result, forced);
    }
    upload.status = body.code === 0 ? 'recognised' : 'failed';
    if (this.closed) return;
    const encoded = encodeYundouCallback(body, this.callbackFormat);
    upload.callbackBody = encoded.body;
    this.callbacks.send({ url: upload.callbackUrl, ...encoded, repeat: this.repeatCallbacks });
  }
}

/** `{"data":{"id":34},"code":0,"message":"\u4e0a\u4f20\u6210\u529f"}`: PHP's encoding, PHP's `[]` for no data. */
function answer(code: number, message: string, data: unknown): SimResponse {
  return { status: 200, text: phpJson({ data, code, message }), contentType: 'application/json; charset=utf-8' };
}

/** Starts a Yundou simulator on `options.port` (0, the default, picks a free port). */
export function startYundouSimulator(options: YundouSimulatorOptions): Promise<YundouSimulator> {
  return YundouSimulator.start(options);
}

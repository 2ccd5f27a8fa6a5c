import { generateKeyPair, randomInt, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { systemClock, type Clock } from '@banshi/vendor-clients';
import {
  SimulatorHost,
  type FaultKnobs,
  type RunningSimulator,
  type SimRequest,
  type SimResponse,
  type SimulatorStartOptions,
} from '../core/index.js';
import {
  type ZhimaBusinessErrorCode,
  toRsaPublicKey,
  shanghaiDate,
  ZHIMA_CERTIFY_RESPONSE_KEY,
  signResponseText,
} from '@banshi/vendor-clients/zhima';
import { parseCertifyRequest, type CertifyRequest } from './certify-request.js';
import { checkCommonParams } from './common-params.js';
import { businessFailed, serviceUnavailable, type GatewayAnswer, type GatewayRefusal } from './gateway-answers.js';
import {
  DEFAULT_SANDBOX_IDENTITIES,
  decideVerdict,
  identityTable,
  type SandboxIdentity,
  type UnknownIdentityPolicy,
} from './sandbox-identities.js';

/** The document's example product code, which the simulator's merchant has signed for by default. */
export const DEFAULT_SANDBOX_PRODUCT_CODE = 'w1010100000000002978';
const DEFAULT_TIMESTAMP_TOLERANCE_MS = 15 * 60_000;
const GATEWAY_PATH = '/gateway.do';

export interface ZhimaSimulatorOptions extends SimulatorStartOptions {
  /** The one app the gateway knows; any other `app_id` gets isv.invalid-app-id. */
  appId: string;
  /** The app's public key (PEM or bare base64), to verify request signatures. */
  appPublicKey: string;
  /** Sandbox people and their verdicts; `DEFAULT_SANDBOX_IDENTITIES` when absent. */
  identities?: readonly SandboxIdentity[];
  /** Verdict for a valid ID number that is not in the table: pass (the default) or fail. */
  unknownIdentities?: UnknownIdentityPolicy;
  /** The product code of the merchant's contract; another one gets ARRANGEMENT_ERROR. */
  productCode?: string;
  /** How far `timestamp` may be from the simulator's clock, either way. 15 minutes by default. */
  timestampToleranceMs?: number;
}

/** One request as the simulator received and answered it, without the face photo. */
export interface ZhimaLoggedRequest {
  at: number;
  /** Common parameters as received, without `sign` and `biz_content`. */
  params: Record<string, string>;
  /** Business parameters as far as they could be read (`face` is a summary, never the photo). */
  certify: Partial<CertifyRequest>;
  /** The answer object as signed (before any tampering). */
  answer: GatewayAnswer;
  signed: boolean;
  tampered: boolean;
}

/** A failure the next valid certify request gets, whatever the person: a business code, or the 20000 answer. */
export type ZhimaForcedFailure = ZhimaBusinessErrorCode | 'SERVICE_UNAVAILABLE';

const FORCED_SUB_MSG: Record<ZhimaForcedFailure, string> = {
  SYSTEM_ERROR: '系统繁忙，请稍后再试',
  INVALID_PARAMETER: '参数有误',
  BIZ_ERROR: '业务异常，认证失败',
  ARRANGEMENT_ERROR: '合约异常，请确认产品码正确且合约已生效',
  TRANSACTION_ERROR: '交易订单更新失败，请稍后重新发起',
  UNSUPPORTED_BIZ_CODE: '不支持的认证场景',
  SERVICE_UNAVAILABLE: '系统繁忙',
};

/**
 * The Alipay OpenAPI gateway for `zhima.customer.certification.material.certify`: checks the RSA2
 * request signature and every parameter of the document, decides each person's verdict from a
 * table of sandbox identities, and signs its answers with a key pair of its own, so that the
 * official alipay-sdk verifies them exactly as it verifies Alipay's.
 */
export class ZhimaSimulator implements RunningSimulator {
  readonly vendor = 'zhima';
  readonly requests: ZhimaLoggedRequest[] = [];
  readonly identities: Map<string, SandboxIdentity>;
  /** Knob: verdict for valid ID numbers missing from the table. */
  unknownIdentities: UnknownIdentityPolicy;
  private readonly clock: Clock;
  private readonly appPublicKey: KeyObject;
  private readonly usedTransactionIds = new Set<string>();
  private readonly forced: { failure: ZhimaForcedFailure; subMsg?: string }[] = [];
  private tamperCount = 0;

  private constructor(
    readonly host: SimulatorHost,
    private readonly options: ZhimaSimulatorOptions,
    private readonly alipayPrivateKey: KeyObject,
    /** Alipay's public key for this app (SPKI PEM): give it to the client as `alipayPublicKey`. */
    readonly alipayPublicKey: string,
  ) {
    this.clock = options.clock ?? systemClock;
    this.appPublicKey = toRsaPublicKey(options.appPublicKey);
    this.identities = identityTable(options.identities ?? DEFAULT_SANDBOX_IDENTITIES);
    this.unknownIdentities = options.unknownIdentities ?? 'pass';
    // The gateway takes its parameters from the query, a form body, or both.
    host.route('POST', GATEWAY_PATH, (req) => this.handle(req));
    host.route('GET', GATEWAY_PATH, (req) => this.handle(req));
  }

  static async start(options: ZhimaSimulatorOptions): Promise<ZhimaSimulator> {
    const { privateKey, publicKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
    const host = await SimulatorHost.start({ name: 'zhima', port: options.port, host: options.host });
    const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString().trim();
    return new ZhimaSimulator(host, options, privateKey, publicPem);
  }

  get url(): string {
    return this.host.url;
  }

  /** The full gateway address, for the client's `gateway` option. */
  get gatewayUrl(): string {
    return `${this.host.url}${GATEWAY_PATH}`;
  }

  get faults(): FaultKnobs {
    return this.host.faults;
  }

  /** Knob: after signing the next `count` answers, flip one character of the signed JSON. */
  tamperNextResponse(count = 1): void {
    this.tamperCount += count;
  }

  /** Knob: the next valid certify request fails with `failure` (40004 + sub_code, or 20000). */
  failNextCertify(failure: ZhimaForcedFailure, subMsg?: string): void {
    this.forced.push({ failure, subMsg });
  }

  /** Knob: adds or replaces one sandbox person. */
  setIdentity(identity: SandboxIdentity): void {
    for (const [key, value] of identityTable([identity])) this.identities.set(key, value);
  }

  /** Clears knobs and fault injection; keeps identities, used transaction_ids and the log. */
  resetKnobs(): void {
    this.tamperCount = 0;
    this.forced.length = 0;
    this.host.faults.reset();
  }

  async close(): Promise<void> {
    await this.host.close();
  }

  private async handle(req: SimRequest): Promise<SimResponse> {
    const params = collectParams(req);
    const now = this.clock.now();
    const common = checkCommonParams(params, {
      appId: this.options.appId,
      appPublicKey: this.appPublicKey,
      now,
      timestampToleranceMs: this.options.timestampToleranceMs ?? DEFAULT_TIMESTAMP_TOLERANCE_MS,
    });
    if (common) return this.respond(now, params, {}, common);

    const parsed = await parseCertifyRequest(params.biz_content, {
      productCode: this.options.productCode ?? DEFAULT_SANDBOX_PRODUCT_CODE,
      today: new Date(now),
    });
    if (!parsed.ok) return this.respond(now, params, parsed.seen, parsed.refusal);
    const request = parsed.request;

    const forced = this.forced.shift();
    if (forced) {
      const subMsg = forced.subMsg ?? FORCED_SUB_MSG[forced.failure];
      const refusal =
        forced.failure === 'SERVICE_UNAVAILABLE' ? serviceUnavailable() : businessFailed(forced.failure, subMsg);
      refusal.answer.sub_msg = subMsg;
      return this.respond(now, params, request, refusal);
    }
    if (this.usedTransactionIds.has(request.transactionId)) {
      const refusal = businessFailed('TRANSACTION_ERROR', 'transaction_id 重复，请使用新的 transaction_id 重新发起');
      return this.respond(now, params, request, refusal);
    }
    this.usedTransactionIds.add(request.transactionId);

    const verdict = decideVerdict(this.identities, this.unknownIdentities, request.certNo, request.certName);
    const answer: GatewayAnswer = {
      code: '10000',
      msg: 'Success',
      biz_no: makeBizNo(now),
      passed: verdict.passed ? 'true' : 'false',
      failed_reason: verdict.failedReason,
    };
    return this.respond(now, params, request, { answer, signed: true });
  }

  private respond(
    at: number,
    params: Record<string, string>,
    certify: Partial<CertifyRequest>,
    outcome: GatewayRefusal,
  ): SimResponse {
    const key = outcome.asErrorResponse ? 'error_response' : ZHIMA_CERTIFY_RESPONSE_KEY;
    const signedText = JSON.stringify(outcome.answer);
    let text = `{"${key}":${signedText}}`;
    let tampered = false;
    if (outcome.signed) {
      const sign = signResponseText(signedText, this.alipayPrivateKey);
      tampered = this.tamperCount > 0;
      if (tampered) this.tamperCount--;
      text = `{"${key}":${tampered ? flipOneCharacter(signedText) : signedText},"sign":"${sign}"}`;
    }
    const { sign: _sign, biz_content: _bizContent, ...shown } = params;
    this.requests.push({ at, params: shown, certify, answer: outcome.answer, signed: outcome.signed, tampered });
    return { text, contentType: 'application/json;charset=utf-8' };
  }
}

export const startZhimaSimulator = (options: ZhimaSimulatorOptions): Promise<ZhimaSimulator> =>
  ZhimaSimulator.start(options);

/** Query and form body together; the first value wins when a name repeats. */
function collectParams(req: SimRequest): Record<string, string> {
  const params: Record<string, string> = {};
  const sources = [req.query];
  if (String(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
    sources.push(req.form());
  }
  for (const source of sources) {
    for (const [key, value] of source) if (!(key in params)) params[key] = value;
  }
  return params;
}

/** `ZM` + Beijing date + 22 digits: 32 characters, the shape of the document's example. */
function makeBizNo(now: number): string {
  let digits = '';
  for (let i = 0; i < 22; i++) digits += String(randomInt(10));
  return `ZM${shanghaiDate(now)}${digits}`;
}

/** One byte of the signed text changed, JSON still valid: swaps the case of the first letter of `msg`. */
function flipOneCharacter(json: string): string {
  const at = json.indexOf('"msg":"') + '"msg":"'.length;
  const char = json[at];
  const flipped = char === char.toUpperCase() ? char.toLowerCase() : char.toUpperCase();
  return json.slice(0, at) + (flipped === char ? 'X' : flipped) + json.slice(at + 1);
}

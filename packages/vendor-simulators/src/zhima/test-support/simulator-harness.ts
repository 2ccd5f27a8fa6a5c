import type { KeyObject } from 'node:crypto';
import { AlipaySdk } from 'alipay-sdk';
import { ManualClock } from '@banshi/vendor-clients';
import {
  signRequestParams,
  formatAlipayTimestamp,
  makeTransactionId,
  ZHIMA_CERTIFY_METHOD,
  ZHIMA_CERTIFY_RESPONSE_KEY,
} from '@banshi/vendor-clients/zhima';
import { APP_ID, makeAppKeys, makeFace, PASSING, type AppKeys } from './fixtures.js';
import { DEFAULT_SANDBOX_PRODUCT_CODE, startZhimaSimulator, type ZhimaSimulator } from '../zhima-simulator.js';

export type Biz = Record<string, string | undefined>;

export const identityParam = (certNo: string, certName = '张三', extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    identity_type: 'CERT_INFO',
    cert_type: 'IDENTITY_CARD',
    cert_name: certName,
    cert_no: certNo,
    ...extra,
  });

export interface SimulatorHarness {
  app: AppKeys;
  clock: ManualClock;
  readonly sim: ZhimaSimulator;
  readonly sdk: AlipaySdk;
  readonly faceBase64: string;
  validBiz(who?: { certNo: string; certName?: string }): Biz;
  /** Through alipay-sdk itself, with answer verification on. */
  sdkCertify(biz: Biz): Promise<Record<string, string>>;
  /** Without the sdk: signed by the published rule, common parameters in the query, biz_content in a form. */
  rawCall(
    overrides: Record<string, string | null>,
    options?: { key?: KeyObject; httpMethod?: 'GET' | 'POST'; afterSigning?: (p: Record<string, string>) => void },
  ): Promise<{ text: string; json: Record<string, unknown>; answer: Record<string, string>; sign?: string }>;
}

/**
 * Starts one simulator for a spec file (with a ManualClock and the app key given as the bare base64
 * body the Alipay console shows) and an alipay-sdk pointed at it; resets knobs and clock after each test.
 */
export function useSimulatorHarness(): SimulatorHarness {
  const app = makeAppKeys();
  const clock = new ManualClock(Date.now());
  let sim: ZhimaSimulator;
  let sdk: AlipaySdk;
  let faceBase64: string;

  beforeAll(async () => {
    sim = await startZhimaSimulator({ appId: APP_ID, appPublicKey: app.publicBody, clock });
    sdk = new AlipaySdk({
      appId: APP_ID,
      privateKey: app.pkcs1Pem,
      keyType: 'PKCS1',
      alipayPublicKey: sim.alipayPublicKey,
      gateway: sim.gatewayUrl,
      camelcase: false,
    });
    faceBase64 = (await makeFace()).toString('base64');
  });
  afterEach(() => {
    sim.resetKnobs();
    clock.set(Date.now());
  });
  afterAll(() => sim.close());

  const validBiz = (who: { certNo: string; certName?: string } = PASSING): Biz => ({
    transaction_id: makeTransactionId('SIM'),
    product_code: DEFAULT_SANDBOX_PRODUCT_CODE,
    biz_code: 'FACE_API',
    identity_param: identityParam(who.certNo, who.certName),
    materials: JSON.stringify({ FACIAL_PICTURE_FRONT: faceBase64 }),
  });

  return {
    app,
    clock,
    get sim() {
      return sim;
    },
    get sdk() {
      return sdk;
    },
    get faceBase64() {
      return faceBase64;
    },
    validBiz,
    async sdkCertify(biz) {
      return (await sdk.exec(
        ZHIMA_CERTIFY_METHOD,
        { bizContent: biz, timestamp: formatAlipayTimestamp(clock.now()) },
        { validateSign: true },
      )) as Record<string, string>;
    },
    async rawCall(overrides, options = {}) {
      const params: Record<string, string> = {};
      const all = {
        app_id: APP_ID,
        method: ZHIMA_CERTIFY_METHOD,
        format: 'JSON',
        charset: 'utf-8',
        sign_type: 'RSA2',
        timestamp: formatAlipayTimestamp(clock.now()),
        version: '1.0',
        biz_content: JSON.stringify(validBiz()),
        ...overrides,
      };
      for (const [key, value] of Object.entries(all)) if (value !== null) params[key] = value;
      if (!('sign' in overrides)) params.sign = signRequestParams(params, options.key ?? app.privateKey);
      options.afterSigning?.(params);
      const { biz_content: bizContent, ...common } = params;
      const url = new URL(sim.gatewayUrl);
      for (const [key, value] of Object.entries(options.httpMethod === 'GET' ? params : common)) {
        url.searchParams.set(key, value);
      }
      const response = await fetch(url, {
        method: options.httpMethod ?? 'POST',
        ...(options.httpMethod === 'GET'
          ? {}
          : { body: new URLSearchParams(bizContent ? { biz_content: bizContent } : {}) }),
      });
      const text = await response.text();
      const json = JSON.parse(text) as Record<string, unknown>;
      const answer = (json[ZHIMA_CERTIFY_RESPONSE_KEY] ?? json.error_response) as Record<string, string>;
      return { text, json, answer, sign: typeof json.sign === 'string' ? json.sign : undefined };
    },
  };
}

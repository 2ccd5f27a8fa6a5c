import { createHash, randomBytes } from 'node:crypto';
import { systemClock, type Clock } from '@banshi/vendor-clients';
import {
  SimulatorHost,
  type CallbackSender,
  type RunningSimulator,
  type SimRequest,
  type SimResponse,
  type SimulatorStartOptions,
} from '../core/index.js';
import { MediaCheckDesk } from './media-check-desk.js';
import { SubscriptionDesk } from './subscriptions.js';
import { TokenDesk } from './token-desk.js';

export type { SentSubscribeMessage } from './subscriptions.js';
export type { RecordedMediaCheck } from './media-check-desk.js';

export interface WechatSimulatorOptions extends SimulatorStartOptions {
  appId: string;
  appSecret: string;
  /** How long a minted login or phone code stays valid; WeChat says about five minutes. */
  codeTtlMs?: number;
  /** The 消息推送 settings the pushes are signed with (token; EncodingAESKey for safe mode). */
  push?: { token: string; encodingAesKey?: string };
  /** Subscribe template ids the app has chosen; others get 40037. Unset: any id. */
  templateIds?: string[];
}

interface MintedCode {
  openid: string;
  phone?: string;
  mintedAt: number;
  used: boolean;
}

const error = (errcode: number, errmsg: string): SimResponse => ({ json: { errcode, errmsg } });

/**
 * The WeChat server as far as Banshi uses it: login codes and code2Session; access tokens (plain and
 * stable); one-time subscribe messages, honouring each user's acceptances (43101 without one) and
 * recording what was sent; phone-number codes; and the asynchronous media check with its signed
 * push. Knobs force each branch.
 */
export class WechatSimulator implements RunningSimulator {
  readonly vendor = 'wechat';
  readonly tokens: TokenDesk;
  readonly subscriptions: SubscriptionDesk;
  readonly mediaChecks: MediaCheckDesk;
  private readonly codes = new Map<string, MintedCode>();
  private readonly phoneCodes = new Map<string, MintedCode>();
  private readonly clock: Clock;
  private readonly codeTtlMs: number;
  /** Knob: the next code2Session calls answer 45011 (rate limited) or −1 (busy). */
  nextErrors: (45011 | -1)[] = [];

  private constructor(
    readonly host: SimulatorHost,
    private readonly options: WechatSimulatorOptions,
  ) {
    this.clock = options.clock ?? systemClock;
    this.codeTtlMs = options.codeTtlMs ?? 5 * 60_000;
    this.tokens = new TokenDesk(this.clock);
    this.subscriptions = new SubscriptionDesk(options.templateIds ? new Set(options.templateIds) : undefined);
    this.mediaChecks = new MediaCheckDesk(
      { appId: options.appId, token: options.push?.token ?? 'sandbox-push-token', ...options.push },
      this.clock,
    );
    host.route('GET', '/sns/jscode2session', (req) => this.code2Session(req));
    host.route('GET', '/cgi-bin/token', (req) => this.token(req));
    host.route('POST', '/cgi-bin/stable_token', (req) => this.stableToken(req));
    host.route('POST', '/cgi-bin/message/subscribe/send', (req) =>
      this.withToken(req, () => ({ json: this.subscriptions.send(req.json(), this.clock.now()) })),
    );
    host.route('POST', '/wxa/business/getuserphonenumber', (req) => this.withToken(req, () => this.phoneNumber(req)));
    host.route('POST', '/wxa/media_check_async', (req) =>
      this.withToken(req, () => ({ json: this.mediaChecks.accept(req.json()) })),
    );
    host.route('POST', '/sandbox/login-code', (req) => this.mintFromRequest(req));
    host.route('POST', '/sandbox/phone-code', (req) => this.mintPhoneFromRequest(req));
    host.route('POST', '/sandbox/subscribe', (req) => this.acceptFromRequest(req));
  }

  static async start(options: WechatSimulatorOptions): Promise<WechatSimulator> {
    const host = await SimulatorHost.start({ name: 'wechat', port: options.port, host: options.host });
    return new WechatSimulator(host, options);
  }

  get url(): string {
    return this.host.url;
  }

  get faults() {
    return this.host.faults;
  }

  /** The pushes (media-check verdicts) this simulator sends, for `idle()` and delivery counts. */
  get callbacks(): CallbackSender {
    return this.mediaChecks.sender;
  }

  /** Where pushes go, as set in 小程序后台 → 消息推送配置. */
  setPushUrl(url: string): void {
    this.mediaChecks.pushUrl = url;
  }

  /** The openid a sandbox device has in this mini-program (stable, like a real account's). */
  openidOf(deviceId: string): string {
    return `o${createHash('sha256').update(`${this.options.appId}:${deviceId}`).digest('base64url').slice(0, 27)}`;
  }

  /**
   * Mints a login code as `wx.login` would on a device. The same `deviceId` always maps to the same
   * openid, the way one WeChat account keeps its openid for one mini-program.
   */
  mintLoginCode(deviceId: string = randomBytes(8).toString('hex')): string {
    const code = randomBytes(16).toString('hex');
    this.codes.set(code, { openid: this.openidOf(deviceId), mintedAt: this.clock.now(), used: false });
    return code;
  }

  /** Mints the code `<button open-type="getPhoneNumber">` gives when the user allows it. */
  mintPhoneCode(phone = '13800138000'): string {
    const code = randomBytes(32).toString('hex');
    this.phoneCodes.set(code, { openid: '', phone, mintedAt: this.clock.now(), used: false });
    return code;
  }

  async close(): Promise<void> {
    this.mediaChecks.sender.stop();
    await this.host.close();
  }

  private withToken(req: SimRequest, handle: () => SimResponse): SimResponse {
    const problem = this.tokens.check(req.query.get('access_token'));
    if (problem === 42001) return error(42001, 'access_token expired');
    if (problem === 40001) return error(40001, 'invalid credential, access_token is invalid or not latest');
    return handle();
  }

  private mintFromRequest(req: SimRequest): SimResponse {
    const body = req.json<{ deviceId?: unknown }>();
    const deviceId = typeof body?.deviceId === 'string' && body.deviceId.length <= 64 ? body.deviceId : undefined;
    return { json: { code: this.mintLoginCode(deviceId) } };
  }

  private mintPhoneFromRequest(req: SimRequest): SimResponse {
    const phone = req.json<{ phone?: unknown }>()?.phone;
    return { json: { code: this.mintPhoneCode(typeof phone === 'string' ? phone : undefined) } };
  }

  private acceptFromRequest(req: SimRequest): SimResponse {
    const body = req.json<{ openid?: unknown; templateIds?: unknown }>();
    if (typeof body?.openid !== 'string' || !Array.isArray(body.templateIds)) return error(47003, 'argument invalid');
    for (const id of body.templateIds) if (typeof id === 'string') this.subscriptions.accept(body.openid, id);
    return error(0, 'ok');
  }

  private checkApp(appid: unknown, secret: unknown): SimResponse | undefined {
    if (appid !== this.options.appId) return error(40013, 'invalid appid');
    if (secret !== this.options.appSecret) return error(40125, 'invalid appsecret');
    return undefined;
  }

  private code2Session(req: SimRequest): SimResponse {
    const forced = this.nextErrors.shift();
    if (forced !== undefined) return error(forced, forced === -1 ? 'system error' : 'api minute-quota reach limit');
    const appProblem = this.checkApp(req.query.get('appid'), req.query.get('secret'));
    if (appProblem) return appProblem;
    if (req.query.get('grant_type') !== 'authorization_code') return error(40002, 'invalid grant_type');
    const minted = this.takeCode(this.codes, req.query.get('js_code') ?? '');
    if (typeof minted === 'number') return error(minted, minted === 40163 ? 'code been used' : 'invalid code');
    return { json: { openid: minted.openid, session_key: randomBytes(16).toString('base64') } };
  }

  private takeCode(codes: Map<string, MintedCode>, code: string): MintedCode | 40029 | 40163 {
    const minted = codes.get(code);
    if (!minted || this.clock.now() - minted.mintedAt > this.codeTtlMs) return 40029;
    if (minted.used) return 40163;
    minted.used = true;
    return minted;
  }

  private token(req: SimRequest): SimResponse {
    const appProblem = this.checkApp(req.query.get('appid'), req.query.get('secret'));
    if (appProblem) return appProblem;
    const { token, expiresIn } = this.tokens.issue();
    return { json: { access_token: token, expires_in: expiresIn } };
  }

  private stableToken(req: SimRequest): SimResponse {
    const body = req.json<{ grant_type?: unknown; appid?: unknown; secret?: unknown; force_refresh?: unknown }>();
    if (body?.grant_type !== 'client_credential') return error(40002, 'invalid grant_type');
    const appProblem = this.checkApp(body.appid, body.secret);
    if (appProblem) return appProblem;
    const { token, expiresIn } = this.tokens.stable(body.force_refresh === true);
    return { json: { access_token: token, expires_in: expiresIn } };
  }

  private phoneNumber(req: SimRequest): SimResponse {
    const code = req.json<{ code?: unknown }>()?.code;
    const minted = this.takeCode(this.phoneCodes, typeof code === 'string' ? code : '');
    // WeChat answers 40029 for an unknown, expired or reused phone code alike.
    if (typeof minted === 'number') return error(40029, 'invalid code');
    const phone = minted.phone ?? '';
    return {
      json: {
        errcode: 0,
        errmsg: 'ok',
        phone_info: {
          phoneNumber: phone,
          purePhoneNumber: phone,
          countryCode: '86',
          watermark: { timestamp: Math.floor(minted.mintedAt / 1000), appid: this.options.appId },
        },
      },
    };
  }
}

export const startWechatSimulator = (options: WechatSimulatorOptions) => WechatSimulator.start(options);

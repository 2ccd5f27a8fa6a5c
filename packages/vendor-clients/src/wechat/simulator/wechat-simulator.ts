import { createHash, randomBytes } from 'node:crypto';
import {
  SimulatorHost,
  systemClock,
  type Clock,
  type RunningSimulator,
  type SimRequest,
  type SimResponse,
  type SimulatorStartOptions,
} from '../../core/index.js';

export interface WechatSimulatorOptions extends SimulatorStartOptions {
  appId: string;
  appSecret: string;
  /** How long a minted login code stays valid; WeChat says about five minutes. */
  codeTtlMs?: number;
}

interface MintedCode {
  openid: string;
  mintedAt: number;
  used: boolean;
}

const error = (errcode: number, errmsg: string): SimResponse => ({ json: { errcode, errmsg } });

/**
 * The WeChat server as far as login goes. It mints login codes (what `wx.login` gives a real
 * device) for the H5 build and tests, answers `code2Session` like WeChat (40029 for an unknown or
 * expired code, 40163 for a reused one), and gives each sandbox device a stable openid.
 */
export class WechatSimulator implements RunningSimulator {
  readonly vendor = 'wechat';
  private readonly codes = new Map<string, MintedCode>();
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
    host.route('GET', '/sns/jscode2session', (req) => this.code2Session(req));
    host.route('GET', '/cgi-bin/token', (req) => this.token(req));
    host.route('POST', '/sandbox/login-code', (req) => this.mintFromRequest(req));
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

  /**
   * Mints a login code as `wx.login` would on a device. The same `deviceId` always maps to the same
   * openid, the way one WeChat account keeps its openid for one mini-program.
   */
  mintLoginCode(deviceId: string = randomBytes(8).toString('hex')): string {
    const openid = `o${createHash('sha256').update(`${this.options.appId}:${deviceId}`).digest('base64url').slice(0, 27)}`;
    const code = randomBytes(16).toString('hex');
    this.codes.set(code, { openid, mintedAt: this.clock.now(), used: false });
    return code;
  }

  async close(): Promise<void> {
    await this.host.close();
  }

  private mintFromRequest(req: SimRequest): SimResponse {
    const body = req.json<{ deviceId?: unknown }>();
    const deviceId = typeof body?.deviceId === 'string' && body.deviceId.length <= 64 ? body.deviceId : undefined;
    return { json: { code: this.mintLoginCode(deviceId) } };
  }

  private checkApp(req: SimRequest): SimResponse | undefined {
    if (req.query.get('appid') !== this.options.appId) return error(40013, 'invalid appid');
    if (req.query.get('secret') !== this.options.appSecret) return error(40125, 'invalid appsecret');
    return undefined;
  }

  private code2Session(req: SimRequest): SimResponse {
    const forced = this.nextErrors.shift();
    if (forced !== undefined) return error(forced, forced === -1 ? 'system error' : 'api minute-quota reach limit');
    const appProblem = this.checkApp(req);
    if (appProblem) return appProblem;
    if (req.query.get('grant_type') !== 'authorization_code') return error(40002, 'invalid grant_type');
    const code = req.query.get('js_code') ?? '';
    const minted = this.codes.get(code);
    if (!minted || this.clock.now() - minted.mintedAt > this.codeTtlMs) return error(40029, 'invalid code');
    if (minted.used) return error(40163, 'code been used');
    minted.used = true;
    return { json: { openid: minted.openid, session_key: randomBytes(16).toString('base64') } };
  }

  private token(req: SimRequest): SimResponse {
    const appProblem = this.checkApp(req);
    if (appProblem) return appProblem;
    return { json: { access_token: randomBytes(24).toString('hex'), expires_in: 7200 } };
  }
}

export const startWechatSimulator = (options: WechatSimulatorOptions) => WechatSimulator.start(options);

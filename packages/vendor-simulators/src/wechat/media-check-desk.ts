import { randomBytes } from 'node:crypto';
import { type Clock } from '@banshi/vendor-clients';
import { CallbackSender } from '../core/index.js';
import { encryptPushMessage, pushSignature, type MediaCheckSuggest } from '@banshi/vendor-clients/wechat';

export interface MediaCheckPushConfig {
  appId: string;
  /** 消息推送 Token. */
  token: string;
  /** Set: safe mode (安全模式), the body encrypted; unset: plain mode. */
  encodingAesKey?: string;
}

export interface RecordedMediaCheck {
  traceId: string;
  mediaUrl: string;
  openid: string;
  scene: number;
  /** Filled once the simulator has fetched the media and decided. */
  suggest?: MediaCheckSuggest;
  downloaded?: boolean;
}

const UNDOWNLOADABLE = 4294966288; // −1008 as WeChat writes it (unsigned)

/**
 * 《mediaCheckAsync》 v2: takes the request, answers a trace_id, then fetches the media as WeChat
 * would (a URL it cannot download yields status_code −1008) and pushes the `wxa_media_check` event,
 * signed as the push settings say, to the configured push URL. Knobs decide verdicts.
 */
export class MediaCheckDesk {
  readonly checks: RecordedMediaCheck[] = [];
  readonly sender = new CallbackSender({
    vendor: 'wechat',
    // WeChat takes an empty body or `success` as received; anything else is retried.
    isAcknowledged: (status, text) => status === 200 && (text === '' || text.trim() === 'success'),
    retryDelaysMs: [300, 1_000, 3_000],
  });
  pushUrl?: string;
  /** Knob: how many of the next checks are judged `risky`. */
  flagNext = 0;
  /** Knob: a verdict per media URL (wins over `flagNext`). */
  verdictFor?: (mediaUrl: string) => MediaCheckSuggest | undefined;
  /** Knob: how long the "checking" takes before the push. */
  delayMs = 50;
  /** Knob: extra identical pushes after the acknowledged one. */
  repeatPushes = 0;
  private readonly judging = new Set<Promise<void>>();

  constructor(
    private readonly config: MediaCheckPushConfig,
    private readonly clock: Clock,
  ) {}

  accept(body: Record<string, unknown> | undefined): { errcode: number; errmsg: string; trace_id?: string } {
    const mediaUrl = typeof body?.media_url === 'string' ? body.media_url : '';
    if (!/^https?:\/\//.test(mediaUrl)) return { errcode: 47003, errmsg: 'argument invalid! media_url' };
    if (body?.media_type !== 1 && body?.media_type !== 2)
      return { errcode: 47003, errmsg: 'argument invalid! media_type' };
    if (body?.version !== 2) return { errcode: 47003, errmsg: 'argument invalid! version' };
    if (typeof body.openid !== 'string' || !body.openid) return { errcode: 40003, errmsg: 'invalid openid' };
    const scene = Number(body.scene);
    if (![1, 2, 3, 4].includes(scene)) return { errcode: 47003, errmsg: 'argument invalid! scene' };
    const traceId = [4, 4, 4].map((n) => randomBytes(n).toString('hex')).join('-');
    const check: RecordedMediaCheck = { traceId, mediaUrl, openid: body.openid, scene };
    this.checks.push(check);
    const judged: Promise<void> = new Promise<void>((resolve) => setTimeout(resolve, this.delayMs).unref())
      .then(() => this.judge(check))
      .finally(() => this.judging.delete(judged));
    this.judging.add(judged);
    return { errcode: 0, errmsg: 'ok', trace_id: traceId };
  }

  /** Resolves when every accepted check has been judged and its push delivered (or given up). */
  async idle(): Promise<void> {
    while (this.judging.size > 0) await Promise.allSettled([...this.judging]);
    await this.sender.idle();
  }

  private async judge(check: RecordedMediaCheck): Promise<void> {
    check.downloaded = await fetch(check.mediaUrl, { signal: AbortSignal.timeout(10_000) })
      .then(async (response) => response.ok && (await response.arrayBuffer()).byteLength > 0)
      .catch(() => false);
    const chosen = this.verdictFor?.(check.mediaUrl);
    const flagged = chosen === undefined && this.flagNext > 0 ? (this.flagNext--, 'risky' as const) : undefined;
    check.suggest = check.downloaded ? (chosen ?? flagged ?? 'pass') : 'pass';
    if (!this.pushUrl) return;
    const message = {
      ToUserName: 'gh_sandbox0000',
      FromUserName: check.openid,
      CreateTime: Math.floor(this.clock.now() / 1000),
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: this.config.appId,
      trace_id: check.traceId,
      version: 2,
      status_code: check.downloaded ? 0 : UNDOWNLOADABLE,
      result: { suggest: check.suggest, label: check.suggest === 'pass' ? 100 : 20002 },
      detail: [{ strategy: 'content_model', errcode: 0, suggest: check.suggest, label: 100, prob: 90 }],
    };
    const { query, body } = this.seal(JSON.stringify(message));
    this.sender.send({
      url: `${this.pushUrl}${this.pushUrl.includes('?') ? '&' : '?'}${query}`,
      body,
      contentType: 'application/json',
      repeat: this.repeatPushes,
    });
  }

  /** Signs (and in safe mode encrypts) a push the way WeChat's 消息推送 does. */
  seal(message: string): { query: string; body: string } {
    const timestamp = String(Math.floor(this.clock.now() / 1000));
    const nonce = String(Math.floor(Math.random() * 1e9));
    const { token, encodingAesKey, appId } = this.config;
    if (!encodingAesKey) {
      const signature = pushSignature(token, timestamp, nonce);
      return { query: new URLSearchParams({ signature, timestamp, nonce }).toString(), body: message };
    }
    const encrypted = encryptPushMessage(message, encodingAesKey, appId);
    const query = new URLSearchParams({
      signature: pushSignature(token, timestamp, nonce),
      timestamp,
      nonce,
      encrypt_type: 'aes',
      msg_signature: pushSignature(token, timestamp, nonce, encrypted),
    });
    return { query: query.toString(), body: JSON.stringify({ ToUserName: 'gh_sandbox0000', Encrypt: encrypted }) };
  }
}

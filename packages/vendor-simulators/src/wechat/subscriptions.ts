import { subscribeValueProblem } from '@banshi/vendor-clients/wechat';

export interface SentSubscribeMessage {
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, string>;
  miniprogramState: string;
  at: number;
}

type Answer = { errcode: number; errmsg: string };

/**
 * One-time subscriptions (一次性订阅): each acceptance of a template by a user in
 * `requestSubscribeMessage` allows one message of that template to that user. Without one WeChat
 * answers 43101 and sends nothing. Every message sent is recorded for tests.
 */
export class SubscriptionDesk {
  readonly sent: SentSubscribeMessage[] = [];
  /** Every refused attempt (43101, 47003 …), for tests that assert nothing was sent. */
  readonly refused: { touser: string; templateId: string; errcode: number }[] = [];
  private readonly acceptances = new Map<string, number>();
  /** Knob: messages WeChat still lets the app send today; 45009 after that. */
  dailyQuota = Number.POSITIVE_INFINITY;
  /** Knob: the next sends answer these codes (e.g. −1 busy, 45009 quota). */
  nextErrors: number[] = [];

  constructor(private readonly knownTemplates?: ReadonlySet<string>) {}

  accept(openid: string, templateId: string, count = 1): void {
    const key = `${openid}|${templateId}`;
    this.acceptances.set(key, (this.acceptances.get(key) ?? 0) + count);
  }

  /** Acceptances left for this user and template. */
  remaining(openid: string, templateId: string): number {
    return this.acceptances.get(`${openid}|${templateId}`) ?? 0;
  }

  sentTo(openid: string): SentSubscribeMessage[] {
    return this.sent.filter((message) => message.touser === openid);
  }

  send(body: Record<string, unknown> | undefined, now: number): Answer {
    const touser = typeof body?.touser === 'string' ? body.touser : '';
    const templateId = typeof body?.template_id === 'string' ? body.template_id : '';
    const answer = this.decide(body, touser, templateId, now);
    if (answer.errcode !== 0) this.refused.push({ touser, templateId, errcode: answer.errcode });
    return answer;
  }

  private decide(body: Record<string, unknown> | undefined, touser: string, templateId: string, now: number): Answer {
    const forced = this.nextErrors.shift();
    if (forced !== undefined) return { errcode: forced, errmsg: forced === -1 ? 'system error' : 'forced error' };
    if (!touser) return { errcode: 40003, errmsg: 'invalid openid' };
    if (!templateId || (this.knownTemplates && !this.knownTemplates.has(templateId))) {
      return { errcode: 40037, errmsg: 'invalid template_id' };
    }
    const data = readData(body?.data);
    if (!data) return { errcode: 47003, errmsg: 'argument invalid! data invalid' };
    for (const [key, value] of Object.entries(data)) {
      const problem = subscribeValueProblem(key, value);
      if (problem) return { errcode: 47003, errmsg: `argument invalid! ${problem}` };
    }
    const key = `${touser}|${templateId}`;
    const left = this.acceptances.get(key) ?? 0;
    if (left <= 0) return { errcode: 43101, errmsg: 'user refuse to accept the msg' };
    if (this.sent.length >= this.dailyQuota) return { errcode: 45009, errmsg: 'reach max api daily quota limit' };
    this.acceptances.set(key, left - 1);
    this.sent.push({
      touser,
      templateId,
      page: typeof body?.page === 'string' ? body.page : undefined,
      data,
      miniprogramState: typeof body?.miniprogram_state === 'string' ? body.miniprogram_state : 'formal',
      at: now,
    });
    return { errcode: 0, errmsg: 'ok' };
  }
}

function readData(data: unknown): Record<string, string> | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const out: Record<string, string> = {};
  for (const [key, entry] of Object.entries(data as Record<string, unknown>)) {
    const value = (entry as { value?: unknown } | null)?.value;
    if (typeof value !== 'string' && typeof value !== 'number') return undefined;
    out[key] = String(value);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

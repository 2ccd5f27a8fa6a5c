import type { WechatSimulator } from '@banshi/vendor-simulators/wechat';
import { JobScheduler } from '../../src/common/locks/job-scheduler.service.js';
import { OUTBOX_JOB } from '../../src/notifications/subscribe/outbox-sender.js';
import { User } from '../../src/users/user.entity.js';
import type { TestApp } from '../support/test-app.js';

export const wechat = (t: TestApp) => t.sandbox.get<WechatSimulator>('wechat');

/** The openid the server knows the user of this token by. */
export async function openidOf(t: TestApp, token: string): Promise<string> {
  const me = await t.http
    .get('/api/me')
    .set({ Authorization: `Bearer ${token}` })
    .expect(200);
  return (await t.dataSource.getRepository(User).findOneByOrFail({ id: me.body.id })).openid;
}

/** What the mini-program does around requestSubscribeMessage, in sandbox: WeChat's side, then ours. */
export async function answerSubscription(t: TestApp, token: string, kind: string, answer: 'accept' | 'reject') {
  const headers = { Authorization: `Bearer ${token}` };
  const templates = await t.http
    .get('/api/notifications/subscriptions/templates')
    .query({ kind })
    .set(headers)
    .expect(200);
  const templateIds = templates.body.templateIds as string[];
  if (answer === 'accept')
    await t.http.post('/api/sandbox/wechat/subscribe').set(headers).send({ templateIds }).expect(204);
  await t.http
    .post('/api/notifications/subscriptions')
    .set(headers)
    .send({ results: templateIds.map((templateId) => ({ templateId, answer })) })
    .expect(204);
  return templateIds;
}

export const sendOutbox = (t: TestApp) => t.app.get(JobScheduler).runNow(OUTBOX_JOB);

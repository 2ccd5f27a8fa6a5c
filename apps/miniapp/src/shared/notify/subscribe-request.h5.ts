import { request } from '../api/request';
import type { SubscribeAnswer } from './subscribe-types';

/**
 * A browser has no subscribe dialog: in sandbox mode the server's WeChat simulator plays it, as a user
 * who ticks 允许, so the message the server sends later can be seen in the simulator.
 */
export async function requestSubscribe(templateIds: string[]): Promise<SubscribeAnswer[]> {
  await request<void>({ method: 'POST', path: '/api/sandbox/wechat/subscribe', data: { templateIds }, silent: true });
  return templateIds.map((templateId) => ({ templateId, answer: 'accept' }));
}

import Taro from '@tarojs/taro';
import type { SubscribeAnswer } from './subscribe-types';

/**
 * WeChat's own dialog. It must run inside the tap that submits (a gesture), which is why the template
 * ids come from a cache and nothing is awaited before it.
 */
export async function requestSubscribe(templateIds: string[]): Promise<SubscribeAnswer[]> {
  const result = (await Taro.requestSubscribeMessage({ tmplIds: templateIds, entityIds: [] })) as unknown as Record<
    string,
    string
  >;
  return templateIds
    .map((templateId) => ({ templateId, answer: result[templateId] as SubscribeAnswer['answer'] }))
    .filter((entry) => ['accept', 'reject', 'ban', 'filter'].includes(entry.answer));
}

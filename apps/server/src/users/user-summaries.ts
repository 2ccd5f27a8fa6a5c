import { In, type DataSource } from 'typeorm';
import { User } from './user.entity.js';

export type UserSummary = Pick<User, 'id' | 'nickname' | 'phoneLast4'>;

/**
 * Who placed a page of orders or payments, without decrypting anything (the last four digits of
 * the phone are stored in clear): what the merchant's lists show of a user.
 */
export async function userSummaries(dataSource: DataSource, ids: number[]): Promise<Map<number, UserSummary>> {
  if (ids.length === 0) return new Map();
  const users = await dataSource
    .getRepository(User)
    .find({ where: { id: In([...new Set(ids)]) }, select: { id: true, nickname: true, phoneLast4: true } });
  return new Map(users.map((user) => [user.id, user]));
}

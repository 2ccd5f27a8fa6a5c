import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error.js';
import { decodeCursor, toPage } from '../../common/keyset.js';
import { insertRow } from '../../database/row-statements.js';
import { isUniqueViolation } from '../../database/transactions.js';
import type { NoticeDto, NoticePageDto } from './notice.dto.js';
import { Notice } from './notice.entity.js';

export interface NewNotice {
  userId: number;
  kind: string;
  title: string;
  body: string;
  link?: string | null;
  /** Same key, one notice: replaying the event behind it adds nothing. */
  dedupeKey?: string | null;
}

/** The user's in-app notice list. Texts are written with masked data only. */
@Injectable()
export class NoticesService {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds a notice inside the caller's transaction; answers false when its key was already used. */
  async add(manager: EntityManager, notice: NewNotice): Promise<boolean> {
    try {
      await insertRow(manager, Notice, {
        userId: notice.userId,
        kind: notice.kind,
        title: notice.title.slice(0, 64),
        body: notice.body.slice(0, 500),
        link: notice.link ?? null,
        dedupeKey: notice.dedupeKey ?? null,
        readAt: null,
        createdAt: new Date(),
      });
      return true;
    } catch (error) {
      // The unique key answers "already sent" in the same statement. On MySQL and SQLite a failed
      // statement undoes only itself, so the caller's transaction goes on.
      if (notice.dedupeKey && isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async list(userId: number, cursor?: string, limit = 20): Promise<NoticePageDto> {
    const before = decodeCursor(cursor);
    const query = this.dataSource
      .getRepository(Notice)
      .createQueryBuilder('n')
      .where('n.user_id = :userId', { userId });
    if (before !== undefined) query.andWhere('n.id < :before', { before });
    const rows = await query
      .orderBy('n.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    return { ...toPage(rows, limit, toNoticeDto), unread: await this.unread(userId) };
  }

  unread(userId: number): Promise<number> {
    return this.dataSource.getRepository(Notice).countBy({ userId, readAt: IsNull() });
  }

  async markRead(userId: number, id: number): Promise<NoticeDto> {
    const repository = this.dataSource.getRepository(Notice);
    const notice = await repository.findOneBy({ id, userId });
    if (!notice) throw AppError.notFound('通知不存在');
    if (!notice.readAt) {
      notice.readAt = new Date();
      await repository.update({ id }, { readAt: notice.readAt });
    }
    return toNoticeDto(notice);
  }

  async markAllRead(userId: number): Promise<{ unread: number }> {
    await this.dataSource.getRepository(Notice).update({ userId, readAt: IsNull() }, { readAt: new Date() });
    return { unread: 0 };
  }
}

export function toNoticeDto(notice: Notice): NoticeDto {
  return {
    id: notice.id,
    kind: notice.kind,
    title: notice.title,
    body: notice.body,
    link: notice.link,
    read: notice.readAt !== null,
    createdAt: notice.createdAt.toISOString(),
  };
}

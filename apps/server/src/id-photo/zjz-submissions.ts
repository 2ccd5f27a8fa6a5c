import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PublicUrl } from '../common/http/public-url.js';
import { ZjzSubmission } from './entities/zjz-submission.entity.js';

/** 32 characters of base64url: 192 random bits. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

export function tokenHashOf(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function isWellFormedToken(token: string | undefined): token is string {
  return typeof token === 'string' && TOKEN_PATTERN.test(token);
}

export interface OpenedSubmission {
  submission: ZjzSubmission;
  noticeUrl: string;
}

/**
 * Every submission round gets its own `notice_url` token: stored (hashed) before the vendor is
 * called, so that a callback racing our own commit finds its round and is retried until the order
 * is stored; discarded when the vendor refuses, so that nothing is left half-stored.
 */
@Injectable()
export class ZjzSubmissions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly publicUrl: PublicUrl,
  ) {}

  async open(input: {
    orderId: number | null;
    round: number;
    sessionId: number;
    picId: string;
  }): Promise<OpenedSubmission> {
    const token = randomBytes(24).toString('base64url');
    const repository = this.dataSource.getRepository(ZjzSubmission);
    const submission = await repository.save(
      repository.create({ ...input, tokenHash: tokenHashOf(token), vendorOrderNo: null, createdAt: new Date() }),
    );
    return { submission, noticeUrl: this.publicUrl.api(`/callbacks/zjz/${token}`) };
  }

  async discard(submission: ZjzSubmission): Promise<void> {
    await this.dataSource.getRepository(ZjzSubmission).delete({ id: submission.id });
  }

  async findByToken(token: string): Promise<ZjzSubmission | null> {
    if (!isWellFormedToken(token)) return null;
    return this.dataSource.getRepository(ZjzSubmission).findOneBy({ tokenHash: tokenHashOf(token) });
  }
}

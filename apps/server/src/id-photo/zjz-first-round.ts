import { Injectable, Logger } from '@nestjs/common';
import { ZjzClient } from '@banshi/vendor-clients/zjz';
import { DataSource } from 'typeorm';
import type { AppError } from '../common/errors/app-error.js';
import { IdPhotoSession } from './entities/photo-session.entity.js';
import type { ZjzSubmission } from './entities/zjz-submission.entity.js';
import { isPicExpired, photoExpiredError } from './id-photo-photos.service.js';
import { isPicRefusal, submitError } from './order-input.js';
import { ZjzCalls } from './zjz-calls.js';
import { ZjzSubmissions } from './zjz-submissions.js';
import { isOutcomeUnknown } from '../outgoing-calls/call-outcome.js';

export type FirstRoundReceipt = Omit<Parameters<ZjzClient['submitReceipt']>[0], 'picId' | 'noticeUrl'>;

/** A round-1 submission the vendor answered (`orderNo`), or whose answer was lost (null). */
export interface FirstRoundSent {
  submission: ZjzSubmission;
  orderNo: string | null;
}

/** The pic_id of a photo still usable at the vendor; an expired one must be made again first. */
export function usablePic(session: IdPhotoSession): string {
  if (!session.picId || isPicExpired(session)) throw photoExpiredError();
  return session.picId;
}

/**
 * Sending a receipt's first round (《提交订单》), shared by the free order (sent when the user
 * submits) and the paid one (sent once its payment is known, by `IdPhotoPaidService`).
 */
@Injectable()
export class ZjzFirstRound {
  private readonly logger = new Logger(ZjzFirstRound.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly zjz: ZjzClient,
    private readonly submissions: ZjzSubmissions,
    private readonly calls: ZjzCalls,
  ) {}

  /**
   * Opens a round-1 submission and sends it. A refusal discards the submission and throws the
   * user's error (an `AppError`); when no answer came (the vendor may have the order) `orderNo` is null.
   */
  async send(session: IdPhotoSession, picId: string, receipt: FirstRoundReceipt): Promise<FirstRoundSent> {
    const { submission, noticeUrl } = await this.submissions.open({
      orderId: null,
      round: 1,
      sessionId: session.id,
      picId,
    });
    try {
      const { orderNo } = await this.calls.send('submit', submission, () =>
        this.zjz.submitReceipt({ picId, noticeUrl, ...receipt }),
      );
      return { submission, orderNo };
    } catch (error) {
      if (!isOutcomeUnknown(error)) {
        await this.submissions.discard(submission);
        throw await this.refused(error, session);
      }
      this.logger.warn({ err: error, sessionId: session.id }, 'zjz submit got no answer; kept unconfirmed');
      return { submission, orderNo: null };
    }
  }

  /** Maps a refused submission; a pic_id the vendor no longer knows is forgotten, so it is made again. */
  async refused(error: unknown, session: IdPhotoSession): Promise<AppError> {
    if (isPicRefusal(error)) {
      await this.dataSource.getRepository(IdPhotoSession).update({ id: session.id }, { picId: null });
    }
    return submitError(error);
  }
}

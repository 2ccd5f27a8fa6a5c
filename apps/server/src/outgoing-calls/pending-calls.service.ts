import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, LessThan, Not } from 'typeorm';
import type { AuthenticatedMerchant } from '../auth/auth-tokens.js';
import { MERCHANT_AUDIT, type MerchantAuditSink } from '../auth/merchant-audit.js';
import { AppError } from '../common/errors/app-error.js';
import { decodeCursor, toPage, type Page } from '../common/keyset.js';
import { CallSettlers } from './call-settlers.js';
import type { PendingCallDto, PendingCallQueryDto, SettleCallDto, SettleCallResultDto } from './dto.js';
import { OutgoingCallLedger } from './outgoing-call-ledger.service.js';
import { OPEN_CALL_STATUSES, OutgoingCall } from './outgoing-call.entity.js';

const NO_SETTLER_ADVICE = '请在服务商的商户后台按幂等键查询这次调用是否已被受理，再选择结果';

/** The merchant's 待处理 list of calls the job could not settle, and the person's settlement. */
@Injectable()
export class PendingCallsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: OutgoingCallLedger,
    private readonly settlers: CallSettlers,
    @Inject(MERCHANT_AUDIT) private readonly audit: MerchantAuditSink,
  ) {}

  count(): Promise<number> {
    return this.dataSource
      .getRepository(OutgoingCall)
      .countBy({ status: In([...OPEN_CALL_STATUSES]), attentionAt: Not(IsNull()) });
  }

  /** Oldest first would hide new ones behind a long tail: newest first, as the other lists. */
  async list(query: PendingCallQueryDto): Promise<Page<PendingCallDto>> {
    const limit = query.limit ?? 20;
    const before = decodeCursor(query.cursor);
    const rows = await this.dataSource.getRepository(OutgoingCall).find({
      where: {
        status: In([...OPEN_CALL_STATUSES]),
        attentionAt: Not(IsNull()),
        ...(before !== undefined ? { id: LessThan(before) } : {}),
      },
      order: { id: 'DESC' },
      take: limit + 1,
    });
    return toPage(rows, limit, (call) => this.toDto(call));
  }

  async settle(
    merchant: AuthenticatedMerchant,
    callId: number,
    body: SettleCallDto,
    ip: string,
  ): Promise<SettleCallResultDto> {
    const call = await this.dataSource.getRepository(OutgoingCall).findOneBy({ id: callId });
    if (!call) throw AppError.notFound('调用记录不存在');
    const choice = this.settlers.choicesOf(call.vendor, call.operation).find((each) => each.value === body.choice);
    if (!choice)
      throw AppError.badRequest('VALIDATION', '处理结果无效，请从列出的选项中选择', { choice: '处理结果无效' });
    const note = body.note.trim();
    const settled = await this.ledger.settle(
      call.id,
      { result: choice.result, choice: choice.value, summary: { label: choice.label } },
      { by: 'person', merchantId: merchant.id, note },
    );
    const target = `outgoing_call:${call.id}`;
    await this.audit.recordFor(
      merchant,
      'outgoing_call_settle',
      target,
      {
        ok: settled,
        vendor: call.vendor,
        operation: call.operation,
        subject: call.subjectId,
        choice: choice.value,
        note,
      },
      ip,
    );
    if (!settled)
      throw AppError.conflict('ALREADY_SETTLED', '这次调用已有结果（已由服务商回调、查询或他人处理），无需再处理');
    const after = await this.dataSource.getRepository(OutgoingCall).findOneByOrFail({ id: call.id });
    return { id: after.id, status: after.status };
  }

  private toDto(call: OutgoingCall): PendingCallDto {
    const settler = this.settlers.of(call.vendor, call.operation);
    return {
      id: call.id,
      vendor: call.vendor,
      operation: call.operation,
      subjectKind: call.subjectKind,
      subjectId: call.subjectId,
      idempotencyKey: call.idempotencyKey,
      attempts: call.attempts,
      errorClass: call.errorClass,
      requestSummary: call.requestSummary,
      createdAt: call.createdAt.toISOString(),
      attentionAt: (call.attentionAt as Date).toISOString(),
      advice: settler?.advice ?? NO_SETTLER_ADVICE,
      choices: this.settlers.choicesOf(call.vendor, call.operation).map(({ value, label }) => ({ value, label })),
    };
  }
}

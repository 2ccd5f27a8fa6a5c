import { Controller, Get, HttpCode, Inject, Ip, Param, Post, Query, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthenticatedMerchant } from '../../auth/auth-tokens.js';
import { CurrentMerchant, MerchantAuthGuard, Roles } from '../../auth/guards.js';
import { AppError } from '../../common/errors/app-error.js';
import { MERCHANT_AUDIT, type MerchantAuditSink } from '../../auth/merchant-audit.js';
import { PageQueryDto } from '../../orders/dto/page-query.dto.js';
import { whyNotReady } from './bill-days.js';
import { ReconciliationQueries } from './reconciliation-queries.js';
import { ReconciliationService } from './reconciliation.service.js';
import {
  MismatchQueryDto,
  ReconciliationMismatchPageDto,
  ReconciliationRunDto,
  ReconciliationRunPageDto,
} from './reconciliation.dto.js';
import { runView } from './reconciliation-view.js';

@ApiTags('merchant')
@ApiBearerAuth()
@UseGuards(MerchantAuthGuard)
@Controller('merchant/reconciliation')
export class ReconciliationController {
  constructor(
    private readonly reconciliation: ReconciliationService,
    private readonly queries: ReconciliationQueries,
    @Inject(MERCHANT_AUDIT) private readonly audit: MerchantAuditSink,
  ) {}

  @Get('runs')
  @ApiOperation({ summary: 'Daily reconciliations with WeChat Pay, newest day first; owner and staff' })
  @ApiOkResponse({ type: ReconciliationRunPageDto })
  runs(@Query() query: PageQueryDto): Promise<ReconciliationRunPageDto> {
    return this.queries.runs(query);
  }

  @Get('mismatches')
  @ApiOperation({ summary: "Differences found, newest first: one day's, or every day's; owner and staff" })
  @ApiOkResponse({ type: ReconciliationMismatchPageDto })
  mismatches(@Query() query: MismatchQueryDto): Promise<ReconciliationMismatchPageDto> {
    return this.queries.mismatches(query);
  }

  @Post('runs/:billDate/rerun')
  @HttpCode(200)
  @Roles('owner')
  @ApiOperation({
    summary: "Reconcile a day again now (owner only, audited): the day's mismatches are replaced, never added to",
  })
  @ApiOkResponse({ type: ReconciliationRunDto })
  @ApiBadRequestResponse({ description: 'NOT_READY: a bad date, a bill not made yet, or older than three months' })
  @ApiConflictResponse({ description: 'RECONCILING: the day is being reconciled right now' })
  @ApiForbiddenResponse({ description: 'Staff accounts' })
  async rerun(
    @CurrentMerchant() merchant: AuthenticatedMerchant,
    @Param('billDate') billDate: string,
    @Ip() ip: string,
  ): Promise<ReconciliationRunDto> {
    const notReady = whyNotReady(billDate, this.reconciliation.now());
    if (notReady) throw AppError.badRequest('NOT_READY', notReady);
    const run = await this.reconciliation.reconcile(billDate);
    if (run === 'busy') throw AppError.conflict('RECONCILING', '该日正在对账，请稍后刷新查看结果');
    await this.audit.recordFor(
      merchant,
      'reconciliation_rerun',
      `reconciliation:${billDate}`,
      { status: run.status, mismatches: run.mismatches, error: run.error },
      ip,
    );
    return runView(run);
  }
}

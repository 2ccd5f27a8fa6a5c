import { Controller, Get, HttpCode, Ip, Param, ParseIntPipe, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedMerchant } from '../../auth/auth-tokens.js';
import { CurrentMerchant, MerchantAuthGuard, Roles } from '../../auth/guards.js';
import { AppError } from '../../common/errors/app-error.js';
import {
  AttentionCallbackPageDto,
  AttentionCallbackQueryDto,
  AttentionSummaryDto,
  ReplayResultDto,
  StuckOrderPageDto,
  StuckOrderQueryDto,
} from './attention.dto.js';
import { AttentionService } from './attention.service.js';

const eventId = new ParseIntPipe({ exceptionFactory: () => AppError.notFound('回调记录不存在') });

@ApiTags('merchant')
@ApiBearerAuth()
@UseGuards(MerchantAuthGuard)
@Controller('merchant')
export class AttentionController {
  constructor(private readonly attention: AttentionService) {}

  @Get('attention/summary')
  @ApiOperation({ summary: 'How many callbacks and orders need attention' })
  @ApiOkResponse({ type: AttentionSummaryDto })
  summary(): Promise<AttentionSummaryDto> {
    return this.attention.summary();
  }

  @Get('attention/callbacks')
  @ApiOperation({ summary: 'Callbacks rejected by verification or failed while applying, newest first' })
  @ApiOkResponse({ type: AttentionCallbackPageDto })
  callbacks(@Query() query: AttentionCallbackQueryDto): Promise<AttentionCallbackPageDto> {
    return this.attention.callbacks(query);
  }

  @Get('attention/stuck-orders')
  @ApiOperation({ summary: "Orders longer than their kind's threshold in a non-final status" })
  @ApiOkResponse({ type: StuckOrderPageDto })
  stuckOrders(@Query() query: StuckOrderQueryDto): Promise<StuckOrderPageDto> {
    return this.attention.stuckOrders(query);
  }

  @Post('callbacks/:id/replay')
  @HttpCode(200)
  // Replaying changes orders on the vendor's word: the owner's decision, as managing accounts is.
  @Roles('owner')
  @ApiOperation({ summary: 'Apply a callback that failed while applying, once (owner only; staff get 403)' })
  @ApiOkResponse({ type: ReplayResultDto })
  @ApiConflictResponse({ description: 'NOT_REPLAYABLE (not a failed one), NO_HANDLER, REPLAY_FAILED' })
  replay(
    @CurrentMerchant() merchant: AuthenticatedMerchant,
    @Param('id', eventId) id: number,
    @Ip() ip: string,
  ): Promise<ReplayResultDto> {
    return this.attention.replay(merchant, id, ip);
  }
}

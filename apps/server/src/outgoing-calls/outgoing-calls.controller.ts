import { Body, Controller, Get, HttpCode, Ip, Param, ParseIntPipe, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedMerchant } from '../auth/auth-tokens.js';
import { CurrentMerchant, MerchantAuthGuard, Roles } from '../auth/guards.js';
import { AppError } from '../common/errors/app-error.js';
import { PendingCallPageDto, PendingCallQueryDto, SettleCallDto, SettleCallResultDto } from './dto.js';
import { PendingCallsService } from './pending-calls.service.js';

const callId = new ParseIntPipe({ exceptionFactory: () => AppError.notFound('调用记录不存在') });

@ApiTags('merchant')
@ApiBearerAuth()
@UseGuards(MerchantAuthGuard)
@Controller('merchant')
export class OutgoingCallsController {
  constructor(private readonly pending: PendingCallsService) {}

  @Get('attention/outgoing-calls')
  @ApiOperation({ summary: 'Vendor calls whose outcome neither the query nor a callback could settle, newest first' })
  @ApiOkResponse({ type: PendingCallPageDto })
  list(@Query() query: PendingCallQueryDto): Promise<PendingCallPageDto> {
    return this.pending.list(query);
  }

  @Post('outgoing-calls/:id/settle')
  @HttpCode(200)
  // Settling moves orders and money on a person's word: the owner's decision, as replaying a callback is.
  @Roles('owner')
  @ApiOperation({ summary: 'Settle an unknown vendor call with what the vendor console shows (owner only; audited)' })
  @ApiOkResponse({ type: SettleCallResultDto })
  @ApiConflictResponse({ description: 'ALREADY_SETTLED' })
  settle(
    @CurrentMerchant() merchant: AuthenticatedMerchant,
    @Param('id', callId) id: number,
    @Body() body: SettleCallDto,
    @Ip() ip: string,
  ): Promise<SettleCallResultDto> {
    return this.pending.settle(merchant, id, body, ip);
  }
}

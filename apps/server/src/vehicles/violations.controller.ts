import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/auth-tokens.js';
import { CurrentUser, UserAuthGuard } from '../auth/guards.js';
import { ManualQuoteDto, QuoteDto, QuoteRequestDto, ViolationListDto } from './dto/violation.dto.js';
import { carId } from './garage.controller.js';
import { ViolationOrdersService } from './orders/violation-orders.service.js';
import { DirectQuoteService } from './violations/direct-quote.service.js';
import { ViolationQueryService } from './violations/violation-query.service.js';

@ApiTags('vehicles')
@ApiBearerAuth()
@UseGuards(UserAuthGuard)
@Controller('vehicles/cars/:id')
export class ViolationsController {
  constructor(
    private readonly queries: ViolationQueryService,
    private readonly directQuotes: DirectQuoteService,
    private readonly orders: ViolationOrdersService,
  ) {}

  @Get('violations')
  @ApiOperation({ summary: 'The last stored violations of the car, at once' })
  @ApiOkResponse({ type: ViolationListDto })
  stored(@CurrentUser() user: AuthenticatedUser, @Param('id', carId) id: number): Promise<ViolationListDto> {
    return this.queries.stored(user.id, id);
  }

  @Post('violations/query')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Query the vendor now (one query per car at a time; concurrent requests share it)',
    description: 'When the vendor is busy or down, the stored list is answered with stale=true and the reason',
  })
  @ApiOkResponse({ type: ViolationListDto })
  query(@CurrentUser() user: AuthenticatedUser, @Param('id', carId) id: number): Promise<ViolationListDto> {
    return this.queries.query(user.id, id);
  }

  @Post('quote')
  @HttpCode(200)
  @ApiOperation({ summary: 'Price of the chosen violations: fines, service fees, point-deduction fees, total' })
  @ApiOkResponse({ type: QuoteDto })
  quote(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', carId) id: number,
    @Body() body: QuoteRequestDto,
  ): Promise<QuoteDto> {
    return this.orders.quote(user.id, id, body.codes);
  }

  @Post('manual-quote')
  @HttpCode(200)
  @ApiOperation({ summary: '直通车: price violations typed in from a ticket; they join the car’s list' })
  @ApiOkResponse({ type: ViolationListDto })
  manualQuote(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', carId) id: number,
    @Body() body: ManualQuoteDto,
  ): Promise<ViolationListDto> {
    return this.directQuotes.quote(user.id, id, body);
  }
}

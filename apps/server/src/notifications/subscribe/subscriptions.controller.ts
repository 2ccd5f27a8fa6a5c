import { Body, Controller, Get, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../auth/auth-tokens.js';
import { CurrentUser, UserAuthGuard } from '../../auth/guards.js';
import { SubscribeAnswersDto, SubscribeTemplatesDto, SubscribeTemplatesQueryDto } from './subscription.dto.js';
import { SubscriptionsService } from './subscriptions.service.js';

@ApiTags('notifications')
@ApiBearerAuth()
@UseGuards(UserAuthGuard)
@Controller('notifications/subscriptions')
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Get('templates')
  @ApiOperation({ summary: 'The subscribe-message templates to ask for before submitting an order of a kind' })
  @ApiOkResponse({ type: SubscribeTemplatesDto })
  templates(@Query() query: SubscribeTemplatesQueryDto): SubscribeTemplatesDto {
    return { templateIds: this.subscriptions.templatesFor([query.kind]) };
  }

  @Post()
  @HttpCode(204)
  @ApiOperation({ summary: "Records the user's answers to requestSubscribeMessage (accept/reject per template)" })
  @ApiNoContentResponse()
  async record(@CurrentUser() user: AuthenticatedUser, @Body() body: SubscribeAnswersDto): Promise<void> {
    await this.subscriptions.record(user.id, body.results);
  }
}

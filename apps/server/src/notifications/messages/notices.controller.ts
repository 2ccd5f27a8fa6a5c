import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../auth/auth-tokens.js';
import { CurrentUser, UserAuthGuard } from '../../auth/guards.js';
import { AppError } from '../../common/errors/app-error.js';
import { PageQueryDto } from '../../orders/dto/page-query.dto.js';
import { NoticeDto, NoticePageDto, UnreadDto } from './notice.dto.js';
import { NoticesService } from './notices.service.js';

const noticeId = new ParseIntPipe({ exceptionFactory: () => AppError.notFound('通知不存在') });

@ApiTags('notices')
@ApiBearerAuth()
@UseGuards(UserAuthGuard)
@Controller('notices')
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Get()
  @ApiOperation({ summary: 'My in-app notices, newest first, with the unread count' })
  @ApiOkResponse({ type: NoticePageDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQueryDto): Promise<NoticePageDto> {
    return this.notices.list(user.id, query.cursor, query.limit);
  }

  @Get('unread')
  @ApiOkResponse({ type: UnreadDto })
  async unread(@CurrentUser() user: AuthenticatedUser): Promise<UnreadDto> {
    return { unread: await this.notices.unread(user.id) };
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOkResponse({ type: UnreadDto })
  readAll(@CurrentUser() user: AuthenticatedUser): Promise<UnreadDto> {
    return this.notices.markAllRead(user.id);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOkResponse({ type: NoticeDto })
  read(@CurrentUser() user: AuthenticatedUser, @Param('id', noticeId) id: number): Promise<NoticeDto> {
    return this.notices.markRead(user.id, id);
  }
}

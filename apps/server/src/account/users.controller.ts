import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/auth-tokens.js';
import { CurrentUser, UserAuthGuard } from '../auth/guards.js';
import { MeDto } from '../users/dto/me.dto.js';
import { PhoneBindingService } from '../users/phone-binding.service.js';
import { BindPhoneDto, MyPhoneDto } from '../users/phone.dto.js';
import { UsersService } from '../users/users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@UseGuards(UserAuthGuard)
@Controller('me')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly phones: PhoneBindingService,
  ) {}

  @Get()
  @ApiOkResponse({ type: MeDto })
  me(@CurrentUser() user: AuthenticatedUser): Promise<MeDto> {
    return this.users.me(user.id);
  }

  @Post('phone')
  @HttpCode(200)
  @ApiOperation({ summary: "Binds the phone WeChat holds, from the phone-number button's code" })
  @ApiOkResponse({ type: MeDto })
  bindPhone(@CurrentUser() user: AuthenticatedUser, @Body() body: BindPhoneDto): Promise<MeDto> {
    return this.phones.bind(user.id, body.code);
  }

  @Get('phone')
  @ApiOperation({ summary: 'My bound phone in full, to prefill the forms that ask for one' })
  @ApiOkResponse({ type: MyPhoneDto })
  async myPhone(@CurrentUser() user: AuthenticatedUser): Promise<MyPhoneDto> {
    return { phone: await this.phones.myPhone(user.id) };
  }
}

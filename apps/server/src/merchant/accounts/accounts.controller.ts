import { Body, Controller, Get, Ip, Param, ParseIntPipe, Patch, Post, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthenticatedMerchant } from '../../auth/auth-tokens.js';
import { CurrentMerchant, MerchantAuthGuard, Roles } from '../../auth/guards.js';
import { AppError } from '../../common/errors/app-error.js';
import {
  CreateMerchantAccountDto,
  MerchantAccountDto,
  MerchantAccountListDto,
  UpdateMerchantAccountDto,
  UpdatedMerchantAccountDto,
} from './account.dto.js';
import { MerchantAccountsService } from './accounts.service.js';

const accountId = new ParseIntPipe({ exceptionFactory: () => AppError.notFound('账号不存在') });

@ApiTags('merchant')
@ApiBearerAuth()
@UseGuards(MerchantAuthGuard)
@Controller('merchant')
export class MerchantAccountsController {
  constructor(private readonly accounts: MerchantAccountsService) {}

  @Get('me')
  @ApiOperation({ summary: 'The signed-in merchant account (its current role)' })
  @ApiOkResponse({ type: MerchantAccountDto })
  me(@CurrentMerchant() merchant: AuthenticatedMerchant): Promise<MerchantAccountDto> {
    return this.accounts.profile(merchant);
  }

  @Get('accounts')
  @Roles('owner')
  @ApiOperation({ summary: 'Every merchant account (owner only)' })
  @ApiOkResponse({ type: MerchantAccountListDto })
  @ApiForbiddenResponse({ description: 'Staff accounts' })
  async list(): Promise<MerchantAccountListDto> {
    return { items: await this.accounts.list() };
  }

  @Post('accounts')
  @Roles('owner')
  @ApiOperation({ summary: 'Create a staff account (owner only)' })
  @ApiCreatedResponse({ type: MerchantAccountDto })
  @ApiConflictResponse({ description: 'The username is taken' })
  create(
    @CurrentMerchant() owner: AuthenticatedMerchant,
    @Body() body: CreateMerchantAccountDto,
    @Ip() ip: string,
  ): Promise<MerchantAccountDto> {
    return this.accounts.createStaff(owner, body, ip);
  }

  @Patch('accounts/:id')
  @Roles('owner')
  @ApiOperation({
    summary:
      "Reset a password, disable or enable an account (owner only). Changing one's own password needs the " +
      "current one; a password change ends the account's other sessions (the caller gets a new token)",
  })
  @ApiOkResponse({ type: UpdatedMerchantAccountDto })
  update(
    @CurrentMerchant() owner: AuthenticatedMerchant,
    @Param('id', accountId) id: number,
    @Body() body: UpdateMerchantAccountDto,
    @Ip() ip: string,
  ): Promise<UpdatedMerchantAccountDto> {
    return this.accounts.update(owner, id, body, ip);
  }
}

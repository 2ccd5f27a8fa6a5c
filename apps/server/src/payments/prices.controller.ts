import { Body, Controller, Get, Ip, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedMerchant } from '../auth/auth-tokens.js';
import { CurrentMerchant, MerchantAuthGuard, Roles } from '../auth/guards.js';
import { PriceListDto, PricesUpdateDto } from './dto/price.dto.js';
import { PricesService } from './prices.service.js';

@ApiTags('payments')
@Controller('prices')
export class PricesController {
  constructor(private readonly prices: PricesService) {}

  @Get()
  @ApiOperation({ summary: 'What each paid service costs (0 = free), shown before the user commits' })
  @ApiOkResponse({ type: PriceListDto })
  async list(): Promise<PriceListDto> {
    return { items: await this.prices.list() };
  }
}

@ApiTags('merchant')
@ApiBearerAuth()
@UseGuards(MerchantAuthGuard)
@Controller('merchant/prices')
export class MerchantPricesController {
  constructor(private readonly prices: PricesService) {}

  @Get()
  @ApiOperation({ summary: 'The prices of the paid services' })
  @ApiOkResponse({ type: PriceListDto })
  async list(): Promise<PriceListDto> {
    return { items: await this.prices.list() };
  }

  @Put()
  @Roles('owner')
  @ApiOperation({ summary: 'Set prices (owner only, audited); 0 makes a service free' })
  @ApiOkResponse({ type: PriceListDto })
  @ApiForbiddenResponse({ description: 'Staff accounts' })
  async update(
    @CurrentMerchant() merchant: AuthenticatedMerchant,
    @Body() body: PricesUpdateDto,
    @Ip() ip: string,
  ): Promise<PriceListDto> {
    return { items: await this.prices.update(merchant, body.items, ip) };
  }
}

import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MerchantAuthGuard, Roles } from '../../auth/guards.js';
import { AuditLogPageDto, AuditLogQueryDto } from './audit-log.dto.js';
import { MerchantAuditService } from './merchant-audit.service.js';

@ApiTags('merchant')
@ApiBearerAuth()
@UseGuards(MerchantAuthGuard)
@Controller('merchant/audit-log')
export class AuditLogController {
  constructor(private readonly audit: MerchantAuditService) {}

  @Get()
  @Roles('owner')
  @ApiOperation({ summary: 'What merchant accounts did, newest first (owner only)' })
  @ApiOkResponse({ type: AuditLogPageDto })
  @ApiForbiddenResponse({ description: 'Staff accounts' })
  list(@Query() query: AuditLogQueryDto): Promise<AuditLogPageDto> {
    return this.audit.page(query);
  }
}

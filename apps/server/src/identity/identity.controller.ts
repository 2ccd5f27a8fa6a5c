import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Query,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/auth-tokens.js';
import { CurrentUser, UserAuthGuard } from '../auth/guards.js';
import { AppError } from '../common/errors/app-error.js';
import { PageQueryDto } from '../orders/dto/page-query.dto.js';
import {
  CertificationDto,
  CertificationPageDto,
  CertificationResultDto,
  IdentityStatusDto,
} from './dto/certification.dto.js';
import { CertifyIdentityDto, CertifyIdentityFormDto } from './dto/certify.dto.js';
import { FACE_UPLOAD_OPTIONS, wipe } from './face-upload.js';
import { IdentityRecords } from './identity-records.service.js';
import { IdentityService } from './identity.service.js';

const certificationId = new ParseIntPipe({ exceptionFactory: () => AppError.notFound('找不到该认证记录') });

@ApiTags('identity')
@ApiBearerAuth()
@UseGuards(UserAuthGuard)
@Controller('identity')
export class IdentityController {
  constructor(
    private readonly identity: IdentityService,
    private readonly records: IdentityRecords,
  ) {}

  @Post('certifications')
  @HttpCode(201)
  @UseInterceptors(FileInterceptor('face', FACE_UPLOAD_OPTIONS))
  @ApiOperation({
    summary: 'Verify name + ID number + face photo (multipart). A pass or a fail is 201; no vendor answer is 503',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: CertifyIdentityFormDto })
  @ApiCreatedResponse({ type: CertificationResultDto })
  async certify(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CertifyIdentityDto,
    @UploadedFile() face: Express.Multer.File | undefined,
  ): Promise<CertificationResultDto> {
    try {
      return await this.identity.certify(user.id, body, face?.buffer);
    } finally {
      // The photo lives only as long as the request.
      wipe(face?.buffer);
    }
  }

  @Get('certifications')
  @ApiOperation({ summary: 'My attempts, newest first, masked' })
  @ApiOkResponse({ type: CertificationPageDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQueryDto): Promise<CertificationPageDto> {
    return this.records.list(user.id, query.cursor, query.limit);
  }

  @Get('certifications/:id')
  @ApiOkResponse({ type: CertificationDto })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', certificationId) id: number): Promise<CertificationDto> {
    return this.records.get(user.id, id);
  }

  @Get('orders/:orderId')
  @ApiOperation({ summary: 'The attempt behind one of my orders (我的订单 opens it)' })
  @ApiOkResponse({ type: CertificationDto })
  forOrder(
    @CurrentUser() user: AuthenticatedUser,
    @Param('orderId', certificationId) orderId: number,
  ): Promise<CertificationDto> {
    return this.records.getForOrder(user.id, orderId);
  }

  @Get('status')
  @ApiOperation({ summary: 'Whether I am verified, and how many attempts are left today' })
  @ApiOkResponse({ type: IdentityStatusDto })
  status(@CurrentUser() user: AuthenticatedUser): Promise<IdentityStatusDto> {
    return this.records.status(user.id);
  }
}

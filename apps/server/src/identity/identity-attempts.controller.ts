import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
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
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/auth-tokens.js';
import { CurrentUser, UserAuthGuard } from '../auth/guards.js';
import { AppError } from '../common/errors/app-error.js';
import { CertificationResultDto } from './dto/certification.dto.js';
import { IdentityAttemptDto, StartIdentityAttemptDto } from './dto/paid-attempt.dto.js';
import { FACE_UPLOAD_OPTIONS, wipe } from './face-upload.js';
import { IdentityPaidService } from './identity-paid.service.js';

const attemptId = new ParseIntPipe({ exceptionFactory: () => AppError.notFound('找不到该认证记录') });

class FaceFormDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'Face photo (JPEG, PNG, HEIC …), front camera' })
  face!: unknown;
}

/**
 * Priced identity attempts (when the merchant's price is above 0): 提交 creates the attempt 待支付
 * (pay through /payments/{orderNo}/start), then the face photo of the paid attempt goes to Zhima.
 */
@ApiTags('identity')
@ApiBearerAuth()
@UseGuards(UserAuthGuard)
@Controller('identity/attempts')
export class IdentityAttemptsController {
  constructor(private readonly paid: IdentityPaidService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'A priced attempt, 待支付, at the price the user was shown (no photo yet)' })
  @ApiCreatedResponse({ type: IdentityAttemptDto })
  start(@CurrentUser() user: AuthenticatedUser, @Body() body: StartIdentityAttemptDto): Promise<IdentityAttemptDto> {
    return this.paid.start(user.id, body);
  }

  @Get(':orderId')
  @ApiOkResponse({ type: IdentityAttemptDto })
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('orderId', attemptId) orderId: number,
  ): Promise<IdentityAttemptDto> {
    return this.paid.view(user.id, orderId);
  }

  @Post(':orderId/face')
  @HttpCode(201)
  @UseInterceptors(FileInterceptor('face', FACE_UPLOAD_OPTIONS))
  @ApiOperation({ summary: "The paid attempt's face photo (multipart): Zhima's verdict is 201; unpaid is 409" })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: FaceFormDto })
  @ApiCreatedResponse({ type: CertificationResultDto })
  async face(
    @CurrentUser() user: AuthenticatedUser,
    @Param('orderId', attemptId) orderId: number,
    @UploadedFile() face: Express.Multer.File | undefined,
  ): Promise<CertificationResultDto> {
    try {
      return await this.paid.submitFace(user.id, orderId, face?.buffer);
    } finally {
      wipe(face?.buffer);
    }
  }
}

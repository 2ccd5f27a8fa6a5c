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
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/auth-tokens.js';
import { CurrentUser, MerchantAuthGuard, UserAuthGuard } from '../auth/guards.js';
import { AppError } from '../common/errors/app-error.js';
import {
  CreateIdPhotoOrderDto,
  IdPhotoOrderDetailDto,
  MerchantIdPhotoOrderDetailDto,
  ResubmitIdPhotoOrderDto,
} from './dto/order.dto.js';
import { PhotoSessionDto, UploadPhotoBodyDto, UploadPhotoDto } from './dto/photo.dto.js';
import { SpecListDto, SpecQueryDto } from './dto/spec.dto.js';
import { IdPhotoDetailsService } from './id-photo-details.service.js';
import { IdPhotoOrdersService } from './id-photo-orders.service.js';
import { IdPhotoPhotosService } from './id-photo-photos.service.js';
import { IdPhotoPricing } from './id-photo-pricing.js';
import { ZjzSpecCatalogue } from './zjz-spec-catalogue.js';

/** Phones take large photos; they are fitted to the vendor's 5 MB after arriving. */
export const ID_PHOTO_UPLOAD_MAX_BYTES = 15 * 1024 * 1024;

const orderIdPipe = new ParseIntPipe({ exceptionFactory: () => AppError.notFound('订单不存在') });
const photoIdPipe = new ParseIntPipe({ exceptionFactory: () => AppError.notFound('照片不存在或已删除，请重新上传') });

@ApiTags('id-photo')
@ApiBearerAuth()
@UseGuards(UserAuthGuard)
@Controller('id-photo')
export class IdPhotoController {
  constructor(
    private readonly catalogue: ZjzSpecCatalogue,
    private readonly photos: IdPhotoPhotosService,
    private readonly orders: IdPhotoOrdersService,
    private readonly details: IdPhotoDetailsService,
    private readonly pricing: IdPhotoPricing,
  ) {}

  @Get('specs')
  @ApiOperation({ summary: 'Specs on offer, with sizes in mm and px; filter by words or category' })
  @ApiOkResponse({ type: SpecListDto })
  async specs(@Query() query: SpecQueryDto): Promise<SpecListDto> {
    return this.catalogue.search(query, await this.pricing.quote(true));
  }

  @Post('photos')
  @HttpCode(201)
  @ApiOperation({ summary: 'Upload a portrait: normalised, made to the spec, previews per background colour' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadPhotoBodyDto })
  @ApiOkResponse({ type: PhotoSessionDto })
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: ID_PHOTO_UPLOAD_MAX_BYTES, files: 1, fields: 5, fieldSize: 1024 } }),
  )
  upload(
    @CurrentUser() user: AuthenticatedUser,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: UploadPhotoDto,
  ): Promise<PhotoSessionDto> {
    return this.photos.upload(user.id, body.itemId, file);
  }

  @Get('photos/:id')
  @ApiOkResponse({ type: PhotoSessionDto })
  photo(@CurrentUser() user: AuthenticatedUser, @Param('id', photoIdPipe) id: number): Promise<PhotoSessionDto> {
    return this.photos.get(user.id, id);
  }

  @Post('photos/:id/remake')
  @HttpCode(200)
  @ApiOperation({ summary: 'Make the photo again from the kept upload (its pic_id expired)' })
  @ApiOkResponse({ type: PhotoSessionDto })
  remake(@CurrentUser() user: AuthenticatedUser, @Param('id', photoIdPipe) id: number): Promise<PhotoSessionDto> {
    return this.photos.remake(user.id, id);
  }

  @Post('orders')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Submit a receipt order (optionally printed and mailed); priced: created 待支付, sent to the vendor once paid',
  })
  @ApiOkResponse({ type: IdPhotoOrderDetailDto })
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateIdPhotoOrderDto,
  ): Promise<IdPhotoOrderDetailDto> {
    const orderId = await this.orders.create(user.id, body);
    return this.details.forUser(user.id, orderId);
  }

  @Get('orders/:id')
  @ApiOkResponse({ type: IdPhotoOrderDetailDto })
  order(@CurrentUser() user: AuthenticatedUser, @Param('id', orderIdPipe) id: number): Promise<IdPhotoOrderDetailDto> {
    return this.details.forUser(user.id, id);
  }

  @Post('orders/:id/resubmit')
  @HttpCode(200)
  @ApiOperation({ summary: 'After a rejection: send the order again with corrected params and/or a new photo' })
  @ApiOkResponse({ type: IdPhotoOrderDetailDto })
  async resubmit(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', orderIdPipe) id: number,
    @Body() body: ResubmitIdPhotoOrderDto,
  ): Promise<IdPhotoOrderDetailDto> {
    await this.orders.resubmit(user.id, id, body);
    return this.details.forUser(user.id, id);
  }

  @Post('orders/:id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Cancel while the vendor has not started reviewing (a paid order is refunded); an unpaid one is closed; a paid one rejected in review may be given up and refunded',
  })
  @ApiOkResponse({ type: IdPhotoOrderDetailDto })
  async cancel(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', orderIdPipe) id: number,
  ): Promise<IdPhotoOrderDetailDto> {
    await this.orders.cancel(user.id, id);
    return this.details.forUser(user.id, id);
  }
}

@ApiTags('merchant')
@ApiBearerAuth()
@UseGuards(MerchantAuthGuard)
@Controller('merchant/id-photo/orders')
export class MerchantIdPhotoController {
  constructor(private readonly details: IdPhotoDetailsService) {}

  @Get(':orderId')
  @ApiOperation({ summary: 'ID-photo details of an order, masked, with signed photo and receipt URLs' })
  @ApiOkResponse({ type: MerchantIdPhotoOrderDetailDto })
  order(@Param('orderId', orderIdPipe) orderId: number): Promise<MerchantIdPhotoOrderDetailDto> {
    return this.details.forMerchant(orderId);
  }
}

import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/auth-tokens.js';
import { CurrentUser, UserAuthGuard } from '../auth/guards.js';
import { AppError } from '../common/errors/app-error.js';
import { AreaDto, BrandDto, ModelDto, SeriesDto } from './dto/catalogue.dto.js';
import {
  CheckExemptionDto,
  ExemptionDto,
  InspectionCarDto,
  InspectionCarListDto,
  PreOrderDto,
  SaveInspectionCarDto,
} from './dto/car.dto.js';
import { checkExemption, isCalendarDate } from './exemption.js';
import { exemptionView, InspectionCars } from './inspection-cars.service.js';
import { InspectionVendor } from './inspection-vendor.service.js';

const id = (what: string) => new ParseIntPipe({ exceptionFactory: () => AppError.notFound(`找不到该${what}`) });

/** 年检代办: the rules, the vendor's catalogue and areas, and the user's cars. */
@ApiTags('inspection')
@ApiBearerAuth()
@UseGuards(UserAuthGuard)
@Controller('inspection')
export class InspectionController {
  constructor(
    private readonly cars: InspectionCars,
    private readonly vendor: InspectionVendor,
  ) {}

  @Post('exemption-check')
  @HttpCode(200)
  @ApiOperation({ summary: 'Whether a car qualifies for 免检, rule by rule (nothing is stored)' })
  @ApiOkResponse({ type: ExemptionDto })
  checkExemption(@Body() body: CheckExemptionDto): ExemptionDto {
    if (!isCalendarDate(body.registerDate)) {
      throw AppError.badRequest('VALIDATION', '注册日期无效', { registerDate: '注册日期无效' });
    }
    return exemptionView(checkExemption(body));
  }

  @Get('cars')
  @ApiOperation({ summary: 'My garage cars with their inspection facts, eligibility and open order' })
  @ApiOkResponse({ type: InspectionCarListDto })
  async listCars(@CurrentUser() user: AuthenticatedUser): Promise<InspectionCarListDto> {
    return { cars: await this.cars.list(user.id) };
  }

  @Get('cars/:garageCarId')
  @ApiOkResponse({ type: InspectionCarDto })
  getCar(
    @CurrentUser() user: AuthenticatedUser,
    @Param('garageCarId', id('车辆')) garageCarId: number,
  ): Promise<InspectionCarDto> {
    return this.cars.get(user.id, garageCarId);
  }

  @Put('cars/:garageCarId')
  @ApiOperation({ summary: "Save the car's model and facts; a car that qualifies is bound at the vendor" })
  @ApiOkResponse({ type: InspectionCarDto })
  saveCar(
    @CurrentUser() user: AuthenticatedUser,
    @Param('garageCarId', id('车辆')) garageCarId: number,
    @Body() body: SaveInspectionCarDto,
  ): Promise<InspectionCarDto> {
    return this.cars.save(user.id, garageCarId, body);
  }

  @Get('cars/:garageCarId/pre-order')
  @ApiOperation({ summary: 'Price, city and the materials to send (《免检待确认订单》)' })
  @ApiOkResponse({ type: PreOrderDto })
  preOrder(
    @CurrentUser() user: AuthenticatedUser,
    @Param('garageCarId', id('车辆')) garageCarId: number,
  ): Promise<PreOrderDto> {
    return this.cars.preOrder(user.id, garageCarId);
  }

  @Get('brands')
  @ApiOkResponse({ type: [BrandDto] })
  async brands(@CurrentUser() user: AuthenticatedUser): Promise<BrandDto[]> {
    const brands = await this.vendor.brands(user.id);
    return brands.map((b) => ({ id: b.brandId, name: b.brandName, initial: b.alphaCode }));
  }

  @Get('brands/:brandId/series')
  @ApiOkResponse({ type: [SeriesDto] })
  async series(
    @CurrentUser() user: AuthenticatedUser,
    @Param('brandId', id('品牌')) brandId: number,
  ): Promise<SeriesDto[]> {
    return (await this.vendor.series(user.id, brandId)).map((s) => ({ id: s.seriesId, name: s.seriesName }));
  }

  @Get('series/:seriesId/models')
  @ApiOkResponse({ type: [ModelDto] })
  async models(
    @CurrentUser() user: AuthenticatedUser,
    @Param('seriesId', id('车系')) seriesId: number,
  ): Promise<ModelDto[]> {
    return (await this.vendor.models(user.id, seriesId)).map((m) => ({ id: m.modelId, name: m.modelName }));
  }

  @Get('areas/provinces')
  @ApiOkResponse({ type: [AreaDto] })
  async provinces(@CurrentUser() user: AuthenticatedUser): Promise<AreaDto[]> {
    return (await this.vendor.provinces(user.id)).map(({ id, name }) => ({ id, name }));
  }

  @Get('areas/provinces/:provinceId/cities')
  @ApiOkResponse({ type: [AreaDto] })
  async cities(
    @CurrentUser() user: AuthenticatedUser,
    @Param('provinceId', id('省份')) provinceId: number,
  ): Promise<AreaDto[]> {
    return (await this.vendor.cities(user.id, provinceId)).map(({ id, name }) => ({ id, name }));
  }

  @Get('areas/cities/:cityId/districts')
  @ApiOkResponse({ type: [AreaDto] })
  async districts(
    @CurrentUser() user: AuthenticatedUser,
    @Param('cityId', id('城市')) cityId: number,
  ): Promise<AreaDto[]> {
    return (await this.vendor.districts(user.id, cityId)).map(({ id, name }) => ({ id, name }));
  }
}

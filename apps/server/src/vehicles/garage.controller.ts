import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Patch,
  Post,
  Put,
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
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { DOCLOUD_CAR_TYPES } from '@banshi/vendor-clients/docloud';
import type { AuthenticatedUser } from '../auth/auth-tokens.js';
import { CurrentUser, UserAuthGuard } from '../auth/guards.js';
import { AppError } from '../common/errors/app-error.js';
import { AddCarDto, CarDto, CitiesDto, GarageDto, MonitorSwitchDto, UpdateCarDto } from './dto/car.dto.js';
import { DeductSelfDto, DeductSelfResultDto, TravelLicenseStatusDto } from './dto/violation.dto.js';
import { CAR_TYPES } from './garage/car-numbers.js';
import { CityRulesService } from './garage/city-rules.service.js';
import { DriverDocumentsService, type LicenseSide } from './garage/driver-documents.service.js';
import { GarageService } from './garage/garage.service.js';
import { MonitorService } from './monitoring/monitor.service.js';
import { CountsService } from './violations/counts.service.js';

export const carId = new ParseIntPipe({ exceptionFactory: () => AppError.notFound('车辆不存在或已删除') });

const UPLOAD = { limits: { fileSize: 15 * 1024 * 1024 } };

@ApiTags('vehicles')
@ApiBearerAuth()
@UseGuards(UserAuthGuard)
@Controller('vehicles')
export class GarageController {
  constructor(
    private readonly cities: CityRulesService,
    private readonly garage: GarageService,
    private readonly monitor: MonitorService,
    private readonly counts: CountsService,
    private readonly documents: DriverDocumentsService,
  ) {}

  @Get('cities')
  @ApiOperation({ summary: 'Open cities and the VIN / engine-number part each asks for, to show before typing' })
  @ApiOkResponse({ type: CitiesDto })
  async listCities(): Promise<CitiesDto> {
    const cities = await this.cities.list();
    const carTypes = CAR_TYPES.map((value) => ({ value, label: DOCLOUD_CAR_TYPES[value] }));
    return { cities, carTypes };
  }

  @Get('cars')
  @ApiOkResponse({ type: GarageDto })
  list(@CurrentUser() user: AuthenticatedUser): Promise<GarageDto> {
    return this.garage.garage(user.id);
  }

  @Post('cars')
  @ApiOperation({ summary: 'Add a car (at most 3); numbers are checked against the city of its plate' })
  @ApiCreatedResponse({ type: CarDto })
  add(@CurrentUser() user: AuthenticatedUser, @Body() body: AddCarDto): Promise<CarDto> {
    return this.garage.add(user.id, body);
  }

  @Get('cars/:id')
  @ApiOkResponse({ type: CarDto })
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id', carId) id: number): Promise<CarDto> {
    return this.garage.view(await this.garage.owned(user.id, id));
  }

  @Patch('cars/:id')
  @ApiOperation({ summary: 'Change the car type, VIN, engine number or phone (the plate is fixed)' })
  @ApiOkResponse({ type: CarDto })
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', carId) id: number,
    @Body() body: UpdateCarDto,
  ): Promise<CarDto> {
    const car = await this.garage.update(user.id, id, body);
    if (car.monitor.state === 'pending') await this.monitor.syncSoon((await this.garage.owned(user.id, id)).plateIndex);
    return this.garage.view(await this.garage.owned(user.id, id));
  }

  @Delete('cars/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(@CurrentUser() user: AuthenticatedUser, @Param('id', carId) id: number): Promise<void> {
    const car = await this.garage.remove(user.id, id);
    if (car.monitorState === 'pending') await this.monitor.syncSoon(car.plateIndex);
  }

  @Put('cars/:id/monitor')
  @ApiOperation({ summary: 'Switch violation monitoring on or off' })
  @ApiOkResponse({ type: CarDto })
  setMonitor(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', carId) id: number,
    @Body() body: MonitorSwitchDto,
  ): Promise<CarDto> {
    return this.monitor.setSwitch(user.id, id, body.enabled);
  }

  @Post('cars/:id/counts')
  @HttpCode(200)
  @ApiOperation({ summary: 'Untreated violations in the city / province / elsewhere (kept 30 minutes)' })
  @ApiQuery({ name: 'force', required: false, type: Boolean })
  @ApiOkResponse({ type: CarDto })
  refreshCounts(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', carId) id: number,
    @Query('force') force?: string,
  ): Promise<CarDto> {
    return this.counts.refresh(user.id, id, force === 'true' || force === '1');
  }

  @Post('cars/:id/deduct-self')
  @HttpCode(200)
  @ApiOperation({ summary: 'Self-deduct check (driving licence number and file number) for point violations' })
  @ApiOkResponse({ type: DeductSelfResultDto })
  deductSelf(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', carId) id: number,
    @Body() body: DeductSelfDto,
  ): Promise<DeductSelfResultDto> {
    return this.documents.checkDeductSelf(user.id, id, body);
  }

  @Get('cars/:id/travel-license')
  @ApiOkResponse({ type: TravelLicenseStatusDto })
  licenseStatus(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', carId) id: number,
  ): Promise<TravelLicenseStatusDto> {
    return this.documents.licenseStatus(user.id, id);
  }

  @Post('cars/:id/travel-license/:side')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', UPLOAD))
  @ApiOperation({ summary: 'One page of the travel licence (front / back); both go to the vendor together' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ type: TravelLicenseStatusDto })
  uploadLicense(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', carId) id: number,
    @Param('side') side: string,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<TravelLicenseStatusDto> {
    if (side !== 'front' && side !== 'back') throw AppError.notFound('请上传行驶证正页（front）或副页（back）');
    return this.documents.uploadLicensePage(user.id, id, side as LicenseSide, file?.buffer);
  }
}

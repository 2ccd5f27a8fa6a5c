import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, Matches, MaxLength } from 'class-validator';
import type { DocloudCarType as CarType } from '@banshi/vendor-clients/docloud';
import { CAR_TYPES } from '../garage/car-numbers.js';
import { OptionalField } from '../../common/errors/optional-field.js';

/** A mainland mobile number (the vendors refuse others with 1035). */
export const PHONE = /^1[3-9]\d{9}$/;
const CONSENT_MESSAGE = '请先阅读并同意《车辆信息使用说明》后再提交';

export class AddCarDto {
  @ApiProperty({ example: '浙A66688', description: 'Ordinary (7), new-energy (8) or special-suffix plate' })
  @IsString({ message: '请填写车牌号' })
  @MaxLength(16, { message: '车牌号过长，请核对' })
  plateNumber!: string;

  @ApiPropertyOptional({ enum: CAR_TYPES, description: 'Docloud car type; by default from the plate' })
  @OptionalField()
  @IsIn(CAR_TYPES, { message: '请选择车辆类型' })
  carType?: (typeof CAR_TYPES)[number];

  @ApiPropertyOptional({ description: 'Whole VIN or the part the city asks for' })
  @OptionalField()
  @IsString({ message: '车架号格式有误' })
  @MaxLength(32, { message: '车架号过长，请核对' })
  vin?: string;

  @ApiPropertyOptional({ description: 'Whole engine number or the part the city asks for' })
  @OptionalField()
  @IsString({ message: '发动机号格式有误' })
  @MaxLength(32, { message: '发动机号过长，请核对' })
  engineNo?: string;

  @ApiPropertyOptional({ description: "The owner's phone; some provinces (浙江) cannot be queried without it" })
  @OptionalField()
  @Matches(PHONE, { message: '请填写正确的 11 位手机号' })
  phone?: string;

  @ApiProperty({ description: 'Agreement to how the car details are used (必须为 true)' })
  @IsIn([true], { message: CONSENT_MESSAGE })
  consent!: boolean;
}

export class UpdateCarDto {
  @ApiPropertyOptional({ enum: CAR_TYPES })
  @OptionalField()
  @IsIn(CAR_TYPES, { message: '请选择车辆类型' })
  carType?: (typeof CAR_TYPES)[number];

  @ApiPropertyOptional({ description: 'Leave out to keep the stored one' })
  @OptionalField()
  @IsString({ message: '车架号格式有误' })
  @MaxLength(32, { message: '车架号过长，请核对' })
  vin?: string;

  @ApiPropertyOptional({ description: 'Leave out to keep the stored one' })
  @OptionalField()
  @IsString({ message: '发动机号格式有误' })
  @MaxLength(32, { message: '发动机号过长，请核对' })
  engineNo?: string;

  @ApiPropertyOptional()
  @OptionalField()
  @Matches(PHONE, { message: '请填写正确的 11 位手机号' })
  phone?: string;
}

export class MonitorSwitchDto {
  @ApiProperty()
  @IsBoolean({ message: '请选择开启或关闭违章监控' })
  enabled!: boolean;
}

export class CityRuleDto {
  @ApiProperty() province!: string;
  @ApiProperty({ example: '浙' }) provincePrefix!: string;
  @ApiProperty() city!: string;
  @ApiProperty({ example: '浙A' }) cityPrefix!: string;
  @ApiProperty({ description: '-1 whole, 0 not needed, N the last N' }) vinLength!: number;
  @ApiProperty({ description: '-1 whole, 0 not needed, N the last N' }) engineNoLength!: number;
  @ApiProperty({ example: '车架号后6位' }) vinHint!: string;
  @ApiProperty({ example: '发动机号后6位' }) engineNoHint!: string;
  @ApiProperty({ enum: CAR_TYPES, isArray: true }) carTypes!: CarType[];
  @ApiProperty({ description: "Queries need the owner's phone" }) needsPhone!: boolean;
}

export class CarTypeDto {
  @ApiProperty({ enum: CAR_TYPES }) value!: CarType;
  @ApiProperty() label!: string;
}

export class CitiesDto {
  @ApiProperty({ type: [CityRuleDto] }) cities!: CityRuleDto[];
  @ApiProperty({ type: [CarTypeDto] }) carTypes!: CarTypeDto[];
}

export class CountsDto {
  @ApiProperty({ description: 'Untreated violations in the car’s own city' }) localCity!: number;
  @ApiProperty({ description: 'Elsewhere in its province' }) localProvince!: number;
  @ApiProperty({ description: 'In other provinces' }) otherProvince!: number;
  @ApiProperty({ description: 'All untreated (the vendor caps it at 10)' }) total!: number;
  @ApiProperty() updatedAt!: string;
}

export class ViolationSummaryDto {
  @ApiProperty() untreated!: number;
  @ApiProperty() totalFineFen!: number;
  @ApiProperty() totalPoints!: number;
  @ApiProperty({ description: 'Violations that can be paid here now' }) payable!: number;
  @ApiProperty({ nullable: true, type: String }) queriedAt!: string | null;
}

export class MonitorDto {
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ enum: ['off', 'pending', 'on', 'failed'] }) state!: string;
  @ApiProperty({ nullable: true, type: String }) message!: string | null;
}

export class CarDto {
  @ApiProperty() id!: number;
  @ApiProperty({ example: '浙A**688', description: 'Masked plate' }) plateNumber!: string;
  @ApiProperty({ enum: CAR_TYPES }) carType!: CarType;
  @ApiProperty() carTypeLabel!: string;
  @ApiProperty() city!: string;
  @ApiProperty() province!: string;
  @ApiProperty() cityPrefix!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Masked' }) vin!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Masked' }) engineNo!: string | null;
  @ApiProperty() vinHint!: string;
  @ApiProperty() engineNoHint!: string;
  @ApiProperty({ type: MonitorDto }) monitor!: MonitorDto;
  @ApiProperty({ type: CountsDto, nullable: true }) counts!: CountsDto | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why counts are unavailable' })
  countsNote!: string | null;
  @ApiProperty({ type: ViolationSummaryDto }) violations!: ViolationSummaryDto;
  @ApiProperty({ description: 'Self-deduct check passed: point violations can be ordered' })
  deductSelfReady!: boolean;
  @ApiProperty() travelLicenseUploaded!: boolean;
  @ApiProperty() createdAt!: string;
}

export class GarageDto {
  @ApiProperty({ type: [CarDto] }) items!: CarDto[];
  @ApiProperty({ example: 3 }) limit!: number;
  @ApiProperty({ nullable: true, type: String, description: 'The saved phone, masked' }) phone!: string | null;
}

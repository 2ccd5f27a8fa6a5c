import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, Matches, Max, Min } from 'class-validator';

export class CheckExemptionDto {
  @ApiProperty({ example: '2021-04-15', description: 'First registration date (行驶证注册日期), YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '请选择注册日期' })
  registerDate!: string;

  @ApiProperty({ minimum: 2, maximum: 50, example: 5 })
  @Type(() => Number)
  @IsInt({ message: '请填写座位数' })
  @Min(2, { message: '座位数至少为 2' })
  @Max(50, { message: '座位数最多为 50' })
  carSeats!: number;

  @ApiProperty({ enum: [0, 1], description: '1: operated commercially (营运)' })
  @Type(() => Number)
  @IsIn([0, 1], { message: '请选择是否为营运车辆' })
  operationType!: 0 | 1;

  @ApiProperty({ enum: [0, 1], description: '1: had an accident with casualties (伤亡事故)' })
  @Type(() => Number)
  @IsIn([0, 1], { message: '请选择是否发生过伤亡事故' })
  isAccidentCar!: 0 | 1;
}

export class SaveInspectionCarDto extends CheckExemptionDto {
  @ApiProperty()
  @Type(() => Number)
  @IsInt({ message: '请选择品牌' })
  @Min(1, { message: '请选择品牌' })
  brandId!: number;

  @ApiProperty()
  @Type(() => Number)
  @IsInt({ message: '请选择车系' })
  @Min(1, { message: '请选择车系' })
  seriesId!: number;

  @ApiProperty()
  @Type(() => Number)
  @IsInt({ message: '请选择车型' })
  @Min(1, { message: '请选择车型' })
  modelId!: number;

  @ApiProperty({ enum: [0, 1], description: '0 private car, 1 company car (公车)' })
  @Type(() => Number)
  @IsIn([0, 1], { message: '请选择车辆用途' })
  useFor!: 0 | 1;
}

export class ExemptionCheckDto {
  @ApiProperty({ enum: ['seats', 'operation', 'accident', 'age'] }) rule!: string;
  @ApiProperty({ example: '5座及以下' }) label!: string;
  @ApiProperty() passed!: boolean;
  @ApiProperty({ example: '您的车辆为 7 座' }) detail!: string;
}

export class ExemptionDto {
  @ApiProperty() eligible!: boolean;
  @ApiProperty({ type: [ExemptionCheckDto] }) checks!: ExemptionCheckDto[];
  @ApiProperty() summary!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Last day (China time) the car qualifies by age' })
  exemptUntil!: string | null;
  @ApiProperty({ description: 'Station inspection is not offered here: what to do instead' })
  stationNotice!: string;
}

export class CarProfileDto {
  @ApiProperty() brandId!: number;
  @ApiProperty() brandName!: string;
  @ApiProperty() seriesId!: number;
  @ApiProperty() seriesName!: string;
  @ApiProperty() modelId!: number;
  @ApiProperty() modelName!: string;
  @ApiProperty() registerDate!: string;
  @ApiProperty() carSeats!: number;
  @ApiProperty({ enum: [0, 1] }) useFor!: 0 | 1;
  @ApiProperty({ enum: [0, 1] }) operationType!: 0 | 1;
  @ApiProperty({ enum: [0, 1] }) isAccidentCar!: 0 | 1;
}

/** A garage car as annual inspection sees it. */
export class InspectionCarDto {
  @ApiProperty({ description: 'The car id in the garage (vehicles service)' }) garageCarId!: number;
  @ApiProperty() plateNumber!: string;
  @ApiProperty({ nullable: true, type: CarProfileDto, description: 'Null until the user filled it in' })
  profile!: CarProfileDto | null;
  @ApiProperty({ nullable: true, type: ExemptionDto }) exemption!: ExemptionDto | null;
  @ApiProperty({ description: 'Bound at the vendor, so a pre-order can be shown' }) bound!: boolean;
  @ApiProperty({ nullable: true, type: Number, description: 'Order id of an inspection still under way' })
  openOrderId!: number | null;
}

export class InspectionCarListDto {
  @ApiProperty({ type: [InspectionCarDto] }) cars!: InspectionCarDto[];
}

export class MaterialDto {
  @ApiProperty({ example: '行驶证正副本原件' }) text!: string;
  @ApiProperty({ type: [String] }) hints!: string[];
  @ApiProperty({ nullable: true, type: String, description: 'Sample picture URL' }) sampleUrl!: string | null;
}

export class ViolationCheckDto {
  @ApiProperty({ enum: ['clear', 'untreated', 'unknown', 'stale'] }) state!:
    'clear' | 'untreated' | 'unknown' | 'stale';
  @ApiProperty({ description: 'An order would be refused: untreated violations' }) blocking!: boolean;
  @ApiProperty() untreated!: number;
  @ApiProperty() totalFineFen!: number;
  @ApiProperty() totalPoints!: number;
  @ApiProperty({ nullable: true, type: String }) queriedAt!: string | null;
  @ApiProperty({ description: 'What to tell the user; empty when all is well' }) message!: string;
}

export class PreOrderDto {
  @ApiProperty() garageCarId!: number;
  @ApiProperty() plateNumber!: string;
  @ApiProperty({ description: 'Service fee, fen' }) priceFen!: number;
  @ApiProperty({ example: '宁波市' }) inspectionCityName!: string;
  @ApiProperty() registerCityName!: string;
  @ApiProperty({ enum: [0, 1] }) useFor!: 0 | 1;
  @ApiProperty({ type: [MaterialDto] }) materials!: MaterialDto[];
  @ApiProperty() quotedAt!: string;
  @ApiProperty({ type: ViolationCheckDto, description: "The car's violations as last queried, before the order" })
  violations!: ViolationCheckDto;
}

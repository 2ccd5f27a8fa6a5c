import { PaymentLineDto } from '../../payments/dto/payment.dto.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PHONE, ViolationSummaryDto } from './car.dto.js';
import { OptionalField } from '../../common/errors/optional-field.js';

export class ViolationDto {
  @ApiProperty({ description: "The vendor's record code" }) code!: string;
  @ApiProperty({ example: '2025-05-20 08:31:00', description: 'China time' }) time!: string;
  @ApiProperty() address!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ nullable: true, type: String }) city!: string | null;
  @ApiProperty() fineFen!: number;
  @ApiProperty() points!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Agency service fee' }) serviceFeeFen!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Point-deduction fee (self-deduct orders)' })
  markFeeFen!: number | null;
  @ApiProperty({ description: 'Can be put in an order now' }) canSelect!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Why it cannot be selected' }) selectNote!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: '1 未处理 2 处理中 3 已处理 4 不支持处理' })
  processStatus!: number | null;
  @ApiProperty() processStatusLabel!: string;
  @ApiProperty({ nullable: true, type: Number, description: '1 unpaid, 2 paid' }) paymentStatus!: number | null;
  @ApiProperty() needTravelLicense!: boolean;
}

export class ViolationListDto {
  @ApiProperty() carId!: number;
  @ApiProperty({ description: 'Masked' }) plateNumber!: string;
  @ApiProperty() city!: string;
  @ApiProperty({ nullable: true, type: String }) queriedAt!: string | null;
  @ApiProperty({ description: 'The list is the last stored one, not a fresh answer' }) stale!: boolean;
  @ApiProperty({ nullable: true, type: String }) staleReason!: string | null;
  @ApiProperty({ type: ViolationSummaryDto }) summary!: ViolationSummaryDto;
  @ApiProperty() deductSelfReady!: boolean;
  @ApiProperty() travelLicenseUploaded!: boolean;
  @ApiProperty({ type: [ViolationDto] }) items!: ViolationDto[];
}

export class QuoteRequestDto {
  @ApiProperty({ type: [String], description: 'Codes of the chosen violations' })
  @IsArray({ message: '请选择要缴纳的违章' })
  @ArrayMinSize(1, { message: '请至少选择一条违章' })
  @ArrayMaxSize(20, { message: '一次最多选择 20 条违章' })
  @IsString({ each: true, message: '违章编号有误，请刷新后重试' })
  @MaxLength(64, { each: true, message: '违章编号有误，请刷新后重试' })
  codes!: string[];
}

export class QuoteLineDto {
  @ApiProperty() code!: string;
  @ApiProperty() time!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() points!: number;
  @ApiProperty() fineFen!: number;
  @ApiProperty() serviceFeeFen!: number;
  @ApiProperty() markFeeFen!: number;
  @ApiProperty() totalFen!: number;
}

export class QuoteDto {
  @ApiProperty() carId!: number;
  @ApiProperty({ type: [QuoteLineDto] }) lines!: QuoteLineDto[];
  @ApiProperty() fineFen!: number;
  @ApiProperty({ description: '服务费' }) serviceFeeFen!: number;
  @ApiProperty({ description: '代扣分费' }) markFeeFen!: number;
  @ApiProperty() totalFen!: number;
  @ApiProperty({ description: 'A self-deduct order (point violations in it)' }) deductSelf!: boolean;
  @ApiProperty({ enum: ['credit', 'online'] }) paymentMode!: 'credit' | 'online';
  @ApiProperty({ description: 'How payment works in this mode, for the confirm page' }) paymentNote!: string;
  @ApiProperty({ description: 'The merchant’s own fee per violation (0: none), included in payFen' })
  servicePriceFen!: number;
  @ApiProperty({
    description:
      'What the user pays here (WeChat Pay) before the order is placed: totalFen plus servicePriceFen per violation; ' +
      '0 when there is no payment step here (online mode pays on the vendor’s page). Send it as `amountFen`.',
  })
  payFen!: number;
  @ApiProperty({ type: [PaymentLineDto], description: 'payFen broken down (罚款, 服务商手续费, 违章代缴服务费 ×n)' })
  payLines!: PaymentLineDto[];
  @ApiProperty({
    description: 'The order needs the owner’s phone first (the car was queried without one): send `phone` with it',
  })
  phoneNeeded!: boolean;
}

export class ManualViolationDto {
  @ApiProperty({ example: '杭州市' })
  @IsString({ message: '请填写违章城市' })
  @MinLength(2, { message: '请填写违章城市' })
  @MaxLength(16, { message: '违章城市过长' })
  city!: string;

  @ApiProperty({ example: '2025-05-20 08:31:00' })
  @Matches(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/, { message: '违章时间格式应为“2025-05-20 08:31”' })
  time!: string;

  @ApiProperty()
  @IsString({ message: '请填写违章地点' })
  @MinLength(2, { message: '请填写违章地点' })
  @MaxLength(64, { message: '违章地点过长' })
  location!: string;

  @ApiProperty({ example: '1039', description: 'Traffic-rule code printed on the ticket' })
  @Matches(/^[0-9A-Za-z-]{2,16}$/, { message: '违章代码有误，请对照处罚决定书填写' })
  lawCode!: string;

  @ApiProperty()
  @IsString({ message: '请填写违章行为' })
  @MinLength(2, { message: '请填写违章行为' })
  @MaxLength(100, { message: '违章行为过长' })
  reason!: string;

  @ApiProperty({ description: 'Fine in whole yuan' })
  @Type(() => Number)
  @IsInt({ message: '罚款金额应为整数（元）' })
  @Min(0, { message: '罚款金额不能为负' })
  @Max(100000, { message: '罚款金额过大，请核对' })
  fineYuan!: number;

  @ApiProperty()
  @Type(() => Number)
  @IsInt({ message: '扣分应为整数' })
  @Min(0, { message: '扣分不能为负' })
  @Max(12, { message: '扣分最多 12 分' })
  points!: number;

  @ApiPropertyOptional({ description: 'Ticket number (处罚决定书编号)' })
  @OptionalField()
  @Matches(/^[0-9A-Za-z]{6,32}$/, { message: '处罚决定书编号有误' })
  ticketNo?: string;
}

export class ManualQuoteDto {
  @ApiProperty({ type: [ManualViolationDto] })
  @IsArray({ message: '请填写违章信息' })
  @ArrayMinSize(1, { message: '请至少填写一条违章' })
  @ArrayMaxSize(10, { message: '一次最多填写 10 条违章' })
  @ValidateNested({ each: true })
  @Type(() => ManualViolationDto)
  items!: ManualViolationDto[];

  @ApiPropertyOptional({
    description: 'The owner’s phone when none is saved (the price query needs one); saved, encrypted',
  })
  @OptionalField()
  @Matches(PHONE, { message: '请填写正确的 11 位手机号' })
  phone?: string;
}

export class DeductSelfDto {
  @ApiProperty({ description: 'Driving licence number (the ID number)' })
  @Matches(/^\d{17}[\dXx]$/, { message: '请填写正确的驾驶证号（18 位身份证号）' })
  driveNum!: string;

  @ApiProperty({ description: 'File number (档案编号), 12 digits on the licence' })
  @Matches(/^\d{10,12}$/, { message: '请填写驾驶证上的档案编号（12 位数字）' })
  fileNum!: string;
}

export class DeductSelfResultDto {
  @ApiProperty() passed!: boolean;
  @ApiProperty() message!: string;
}

export class TravelLicenseStatusDto {
  @ApiProperty() front!: boolean;
  @ApiProperty() back!: boolean;
  @ApiProperty({ description: 'Both pages reached the vendor' }) uploaded!: boolean;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { ORDER_STATUSES, type OrderStatus } from '../../orders/order-status.js';
import { OrderEventDto, UserOrderEventDto } from '../../orders/dto/order.dto.js';
import { PaymentViewDto } from '../../payments/dto/payment.dto.js';
import { MaterialDto } from './car.dto.js';
import { OptionalField } from '../../common/errors/optional-field.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const MOBILE = /^1[3-9]\d{9}$/;

export class CreateInspectionOrderDto {
  @ApiProperty()
  @Type(() => Number)
  @IsInt({ message: '请选择车辆' })
  @Min(1, { message: '请选择车辆' })
  garageCarId!: number;

  @ApiProperty({ description: 'The price the user confirmed, fen' })
  @Type(() => Number)
  @IsInt({ message: '价格无效，请返回重新确认' })
  @Min(0, { message: '价格无效，请返回重新确认' })
  priceFen!: number;

  @ApiPropertyOptional({
    description:
      "What the user agreed to pay us: the merchant's price (GET /api/prices), fen. Required when it is above 0",
  })
  @OptionalField()
  @Type(() => Number)
  @IsInt({ message: '金额无效，请返回重新确认' })
  @Min(0, { message: '金额无效，请返回重新确认' })
  amountFen?: number;

  @ApiProperty({ example: '张三' })
  @Transform(trim)
  @IsString({ message: '请填写联系人姓名' })
  @MinLength(1, { message: '请填写联系人姓名' })
  @MaxLength(20, { message: '联系人姓名最多 20 个字' })
  contactName!: string;

  @ApiProperty({ example: '13800000000', description: 'Receives progress messages; the courier calls it' })
  @Transform(trim)
  @Matches(MOBILE, { message: '请填写正确的 11 位手机号' })
  contactPhone!: string;

  @ApiPropertyOptional({ description: "The registered owner's phone, when not the contact's" })
  @OptionalField()
  @Transform(trim)
  @Matches(MOBILE, { message: '车主手机号格式不正确' })
  ownerPhone?: string;

  @ApiProperty()
  @Type(() => Number)
  @IsInt({ message: '请选择省份' })
  provinceId!: number;

  @ApiProperty()
  @Type(() => Number)
  @IsInt({ message: '请选择城市' })
  cityId!: number;

  @ApiPropertyOptional({ description: 'Required when the city has districts' })
  @OptionalField()
  @Type(() => Number)
  @IsInt({ message: '请选择区县' })
  districtId?: number;

  @ApiProperty({ example: '天童南路588号' })
  @Transform(trim)
  @IsString({ message: '请填写详细地址' })
  @MinLength(4, { message: '请填写详细地址（街道、门牌号）' })
  @MaxLength(100, { message: '详细地址最多 100 个字' })
  address!: string;
}

export class InspectionStepDto {
  @ApiProperty() worderStatus!: number;
  @ApiProperty() label!: string;
  @ApiProperty() hint!: string;
  @ApiProperty() reached!: boolean;
  @ApiProperty() current!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'When we learnt of it' }) at!: string | null;
}

export class ShipmentDto {
  @ApiProperty({ nullable: true, type: String }) company!: string | null;
  @ApiProperty() number!: string;
}

export class ReturnAddressDto {
  @ApiProperty({ description: 'Masked' }) name!: string;
  @ApiProperty({ description: 'Masked' }) phone!: string;
  @ApiProperty() province!: string;
  @ApiProperty() city!: string;
  @ApiProperty() county!: string;
  @ApiProperty({ description: 'Masked' }) address!: string;
}

export class InspectionOrderSummaryDto {
  @ApiProperty({ description: 'Order id' }) id!: number;
  @ApiProperty() orderNo!: string;
  @ApiProperty({ enum: ORDER_STATUSES }) status!: OrderStatus;
  @ApiProperty() title!: string;
  @ApiProperty() amountFen!: number;
  @ApiProperty() plateNumber!: string;
  @ApiProperty() worderStatus!: number;
  @ApiProperty() worderLabel!: string;
  @ApiProperty() createdAt!: string;
}

export class InspectionOrderPageDto {
  @ApiProperty({ type: [InspectionOrderSummaryDto] }) items!: InspectionOrderSummaryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class InspectionOrderDto extends InspectionOrderSummaryDto {
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ enum: [0, 1] }) useFor!: 0 | 1;
  @ApiProperty() cityName!: string;
  @ApiProperty({ nullable: true, type: String }) shopName!: string | null;
  @ApiProperty({ nullable: true, type: String }) shopAddress!: string | null;
  @ApiProperty({ nullable: true, type: String }) shopPhone!: string | null;
  @ApiProperty({ type: [InspectionStepDto] }) steps!: InspectionStepDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Courier number to the station' })
  sendEmsNumber!: string | null;
  @ApiProperty({ nullable: true, type: ShipmentDto, description: 'The papers coming back' })
  returnShipment!: ShipmentDto | null;
  @ApiProperty({ type: [MaterialDto] }) materials!: MaterialDto[];
  @ApiProperty({ type: ReturnAddressDto }) returnAddress!: ReturnAddressDto;
  @ApiProperty({ description: 'Masked' }) ownerPhone!: string;
  @ApiProperty({ nullable: true, type: String, description: 'When Docloud was last asked' }) checkedAt!: string | null;
  @ApiProperty({ type: [UserOrderEventDto] }) events!: UserOrderEventDto[];
  @ApiProperty({ nullable: true, type: PaymentViewDto, description: 'Priced orders only: 待支付, 已支付, 退款中 …' })
  payment!: PaymentViewDto | null;
}

export class MerchantInspectionOrderDto extends InspectionOrderDto {
  @ApiProperty({ nullable: true, type: String }) vendorStatus!: string | null;
  @ApiProperty({ type: [OrderEventDto] }) declare events: OrderEventDto[];
  @ApiProperty() userId!: number;
  @ApiProperty() vendorOrderId!: string;
  @ApiProperty() vendorCarId!: string;
  @ApiProperty({ nullable: true, type: String }) checkError!: string | null;
}

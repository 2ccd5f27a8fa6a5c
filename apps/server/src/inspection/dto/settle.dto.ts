import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** The vendor's id of a 待核实 order, found with Docloud's support. */
export class AdoptVendorOrderDto {
  @ApiProperty({ description: "Docloud's orderId of the order (digits), as its support gave it" })
  @Transform(trim)
  @IsString({ message: '请填写供应商单号' })
  @Matches(/^\d{1,32}$/, { message: '供应商单号应为数字（最多 32 位），请核对' })
  vendorOrderId!: string;
}

export class CloseUnknownIdOrderDto {
  @ApiProperty({ description: 'Why the order is closed: shown to the user on the timeline and with the refund' })
  @Transform(trim)
  @IsString({ message: '请填写关闭原因' })
  @MinLength(2, { message: '请填写关闭原因' })
  @MaxLength(60, { message: '关闭原因最多 60 个字' })
  reason!: string;
}

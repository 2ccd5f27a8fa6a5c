import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class BindPhoneDto {
  @ApiProperty({ description: 'The code of <button open-type="getPhoneNumber"> (or of the sandbox in H5)' })
  @IsString({ message: '缺少手机号授权，请重新点击获取手机号' })
  @IsNotEmpty({ message: '缺少手机号授权，请重新点击获取手机号' })
  @MaxLength(128, { message: '手机号授权格式不正确' })
  code!: string;
}

export class MyPhoneDto {
  @ApiProperty({ nullable: true, type: String, description: 'The full number, to prefill forms; only to its owner' })
  phone!: string | null;
}

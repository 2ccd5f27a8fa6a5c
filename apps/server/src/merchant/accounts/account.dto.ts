import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { OptionalField } from '../../common/errors/optional-field.js';

export class MerchantAccountDto {
  @ApiProperty() id!: number;
  @ApiProperty() username!: string;
  @ApiProperty({ enum: ['owner', 'staff'] }) role!: 'owner' | 'staff';
  @ApiProperty() disabled!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class MerchantAccountListDto {
  @ApiProperty({ type: [MerchantAccountDto] }) items!: MerchantAccountDto[];
}

const PASSWORD_MESSAGE = '密码至少 10 位，建议使用一句好记的话';

export class CreateMerchantAccountDto {
  @ApiProperty({ description: '3–32 letters, digits, _ . - @' })
  @IsString({ message: '请填写账号' })
  @Matches(/^[\w.@-]{3,32}$/, { message: '账号为 3–32 位字母、数字或 _ . - @' })
  username!: string;

  @ApiProperty({ minLength: 10 })
  @IsString({ message: '请填写密码' })
  @MinLength(10, { message: PASSWORD_MESSAGE })
  @MaxLength(128, { message: '密码最长 128 位' })
  password!: string;
}

export class UpdateMerchantAccountDto {
  @ApiPropertyOptional({ minLength: 10, description: 'A new password' })
  @OptionalField()
  @IsString({ message: '请填写密码' })
  @MinLength(10, { message: PASSWORD_MESSAGE })
  @MaxLength(128, { message: '密码最长 128 位' })
  password?: string;

  @ApiPropertyOptional({ description: "Required when changing one's own password: the current one" })
  @OptionalField()
  @IsString({ message: '请填写当前密码' })
  @MaxLength(128, { message: '当前密码不正确' })
  currentPassword?: string;

  @ApiPropertyOptional({ description: 'true disables the account (its sessions end at once), false enables it' })
  @OptionalField()
  @IsBoolean({ message: '停用状态应为 true 或 false' })
  disabled?: boolean;
}

export class UpdatedMerchantAccountDto extends MerchantAccountDto {
  @ApiPropertyOptional({
    description:
      "A new token for the caller's session, when they changed their own password (every other session ends)",
  })
  token?: string;
}

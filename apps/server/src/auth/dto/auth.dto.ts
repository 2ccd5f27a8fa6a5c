import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { MeDto } from '../../users/dto/me.dto.js';
import { OptionalField } from '../../common/errors/optional-field.js';

export class WechatLoginDto {
  @ApiProperty({ description: 'The code from wx.login (or from the sandbox in H5)' })
  @IsString({ message: '缺少登录凭证，请重新进入小程序' })
  @IsNotEmpty({ message: '缺少登录凭证，请重新进入小程序' })
  @MaxLength(128, { message: '登录凭证格式不正确' })
  code!: string;
}

export class UserTokenDto {
  @ApiProperty()
  token!: string;

  @ApiProperty({ type: MeDto })
  user!: MeDto;
}

export class MerchantLoginDto {
  @ApiProperty()
  @IsString({ message: '请输入用户名' })
  @IsNotEmpty({ message: '请输入用户名' })
  @MaxLength(64, { message: '用户名太长' })
  username!: string;

  @ApiProperty()
  @IsString({ message: '请输入密码' })
  @IsNotEmpty({ message: '请输入密码' })
  @MaxLength(256, { message: '密码太长' })
  password!: string;
}

export class MerchantProfileDto {
  @ApiProperty()
  id!: number;

  @ApiProperty()
  username!: string;

  @ApiProperty({ enum: ['owner', 'staff'] })
  role!: 'owner' | 'staff';
}

export class MerchantTokenDto {
  @ApiProperty()
  token!: string;

  @ApiProperty({ type: MerchantProfileDto })
  merchant!: MerchantProfileDto;
}

export class SandboxCodeRequestDto {
  @ApiProperty({ required: false, description: 'A stable id of the browser, so it keeps one openid' })
  @OptionalField()
  @IsString({ message: 'deviceId 格式不正确' })
  @MaxLength(64, { message: 'deviceId 太长' })
  deviceId?: string;
}

export class SandboxCodeDto {
  @ApiProperty()
  code!: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, Matches, MaxLength } from 'class-validator';
import { OptionalField } from '../common/errors/optional-field.js';

export class SandboxPhoneCodeRequestDto {
  @ApiPropertyOptional({ description: 'The phone the sandbox WeChat account holds (default 13800138000)' })
  @OptionalField()
  @Matches(/^1\d{10}$/, { message: '请输入 11 位手机号' })
  phone?: string;
}

export class SandboxSubscribeDto {
  @ApiProperty({ type: [String] })
  @IsArray({ message: '订阅的消息类型不正确' })
  @ArrayMaxSize(5, { message: '一次最多订阅 5 种消息' })
  @IsString({ each: true, message: '订阅的消息类型不正确' })
  @MaxLength(64, { each: true, message: '订阅的消息类型不正确' })
  templateIds!: string[];
}

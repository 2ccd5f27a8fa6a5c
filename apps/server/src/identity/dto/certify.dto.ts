import { ApiProperty } from '@nestjs/swagger';
import {
  IsDefined,
  IsString,
  MaxLength,
  Validate,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { checkIdentityNumber, checkName, isConsentGiven } from '../identity-input.js';

@ValidatorConstraint({ name: 'consentGiven' })
class ConsentGiven implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isConsentGiven(value);
  }

  defaultMessage(): string {
    return '请先阅读并同意《实名认证服务说明》后再提交';
  }
}

@ValidatorConstraint({ name: 'chineseName' })
class ChineseName implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && checkName(value).valid;
  }

  defaultMessage(args: ValidationArguments): string {
    const check = checkName(String(args.value ?? ''));
    return check.valid ? '姓名有误，请核对' : check.message;
  }
}

@ValidatorConstraint({ name: 'idNumber' })
class IdNumber implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && checkIdentityNumber(value).valid;
  }

  defaultMessage(args: ValidationArguments): string {
    const check = checkIdentityNumber(String(args.value ?? ''));
    return check.valid ? '身份证号有误，请核对' : check.message;
  }
}

/**
 * The text fields of the multipart form; the face photo is the file field `face`. Every check
 * here runs before the vendor is called.
 */
export class CertifyIdentityDto {
  @ApiProperty({ description: 'Agreement to the privacy terms of the check: "true" or "1"', example: 'true' })
  @IsDefined({ message: '请先阅读并同意《实名认证服务说明》后再提交' })
  @Validate(ConsentGiven)
  consent!: string;

  @ApiProperty({ description: 'Name as printed on the identity card (2–30 Han characters or ·)', example: '张三' })
  @IsString({ message: '请填写身份证上的姓名' })
  @MaxLength(64, { message: '姓名过长，请核对' })
  @Validate(ChineseName)
  name!: string;

  @ApiProperty({ description: '18-character resident identity card number (GB 11643)' })
  @IsString({ message: '请填写18位身份证号' })
  @MaxLength(32, { message: '身份证号应为18位，请核对' })
  @Validate(IdNumber)
  idNumber!: string;
}

/** The multipart body as Swagger shows it. */
export class CertifyIdentityFormDto extends CertifyIdentityDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'Face photo (JPEG, PNG, HEIC …), front camera' })
  face!: unknown;
}

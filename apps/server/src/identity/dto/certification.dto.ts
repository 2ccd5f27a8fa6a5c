import { ApiProperty } from '@nestjs/swagger';

export class FailureAdviceDto {
  @ApiProperty({ description: 'What failed, e.g. 照片与身份证照片不是同一人' }) title!: string;
  @ApiProperty({ description: 'What to do next' }) detail!: string;
  @ApiProperty({ description: 'Whether retaking the photo is the likely fix' }) retakePhoto!: boolean;
}

/** One attempt, as its owner sees it: personal data masked. */
export class CertificationDto {
  @ApiProperty() id!: number;
  @ApiProperty() orderId!: number;
  @ApiProperty() orderNo!: string;
  @ApiProperty() passed!: boolean;
  @ApiProperty({ description: 'Masked, e.g. 张*' }) name!: string;
  @ApiProperty({ description: 'Masked, e.g. 110***********1234' }) idNumber!: string;
  @ApiProperty({ nullable: true, type: String, description: "The vendor's reason of a failure" })
  failedReason!: string | null;
  @ApiProperty({ nullable: true, type: FailureAdviceDto }) advice!: FailureAdviceDto | null;
  @ApiProperty() createdAt!: string;
}

export class CertificationResultDto extends CertificationDto {
  @ApiProperty({ description: 'Attempts still allowed today (China time)' }) attemptsLeftToday!: number;
}

export class CertificationPageDto {
  @ApiProperty({ type: [CertificationDto] }) items!: CertificationDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class IdentityStatusDto {
  @ApiProperty() verified!: boolean;
  @ApiProperty({ nullable: true, type: String }) verifiedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Masked name of the verified identity' })
  name!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Masked ID number of the verified identity' })
  idNumber!: string | null;
  @ApiProperty() dailyLimit!: number;
  @ApiProperty() attemptsToday!: number;
  @ApiProperty() attemptsLeftToday!: number;
  @ApiProperty({ description: 'What one attempt costs now, in fen (0: free, no payment step)' })
  priceFen!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'A priced attempt not finished yet (待支付, or paid and waiting for the photo): its order id',
  })
  openAttemptId!: number | null;
}

import { ApiProperty } from '@nestjs/swagger';

export class MeDto {
  @ApiProperty()
  id!: number;

  @ApiProperty()
  nickname!: string;

  @ApiProperty({ nullable: true, type: String, description: 'Masked, e.g. 138****8000' })
  phone!: string | null;

  @ApiProperty({ description: 'Whether the user passed identity verification' })
  verified!: boolean;

  @ApiProperty()
  createdAt!: string;
}

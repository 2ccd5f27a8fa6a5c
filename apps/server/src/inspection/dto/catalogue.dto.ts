import { ApiProperty } from '@nestjs/swagger';

export class BrandDto {
  @ApiProperty() id!: number;
  @ApiProperty({ example: '奥迪' }) name!: string;
  @ApiProperty({ description: 'First letter, for an A–Z index', example: 'A' }) initial!: string;
}

export class SeriesDto {
  @ApiProperty() id!: number;
  @ApiProperty({ example: 'A3' }) name!: string;
}

export class ModelDto {
  @ApiProperty() id!: number;
  @ApiProperty({ example: '2014款 30 TFSI 豪华型' }) name!: string;
}

export class AreaDto {
  @ApiProperty() id!: number;
  @ApiProperty({ example: '浙江省' }) name!: string;
}

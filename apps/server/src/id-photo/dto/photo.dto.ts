import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';

export class UploadPhotoDto {
  @ApiProperty({ description: 'Spec (item_id) to make the photo for' })
  @Type(() => Number)
  @IsInt({ message: '请先选择证件规格' })
  @Min(1, { message: '请先选择证件规格' })
  itemId!: number;
}

/** For the OpenAPI document: the multipart body of an upload. */
export class UploadPhotoBodyDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'The portrait (JPG or PNG, at most 15 MB)' })
  file!: unknown;
  @ApiProperty() itemId!: number;
}

export class PreviewDto {
  @ApiProperty({ example: 'white' }) color!: string;
  @ApiProperty({ description: 'Signed URL, valid one hour' }) url!: string;
}

export class PhotoSessionDto {
  @ApiProperty({ description: 'Photo id, to order with or to make again' }) id!: number;
  @ApiProperty() itemId!: number;
  @ApiProperty() specName!: string;
  @ApiProperty({ type: [PreviewDto], description: 'One per background colour of the spec' }) previews!: PreviewDto[];
  @ApiProperty({ description: "When the vendor's pic_id expires (50 minutes after making)" }) expiresAt!: string;
  @ApiProperty({ description: 'True when the photo must be made again (POST …/remake) before ordering' })
  expired!: boolean;
  @ApiProperty({ nullable: true, type: Number }) orderId!: number | null;
}

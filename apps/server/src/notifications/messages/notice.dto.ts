import { ApiProperty } from '@nestjs/swagger';

export class NoticeDto {
  @ApiProperty() id!: number;
  @ApiProperty({ description: 'new_violations, monitor_failed, order_finished …' }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Mini-program page to open' }) link!: string | null;
  @ApiProperty() read!: boolean;
  @ApiProperty() createdAt!: string;
}

export class NoticePageDto {
  @ApiProperty({ type: [NoticeDto] }) items!: NoticeDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
  @ApiProperty({ description: 'Unread notices in all' }) unread!: number;
}

export class UnreadDto {
  @ApiProperty() unread!: number;
}

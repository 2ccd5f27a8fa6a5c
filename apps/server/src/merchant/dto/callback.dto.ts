import { ApiProperty } from '@nestjs/swagger';

/** A stored vendor callback as the merchant sees it: masked, with what applying it did. */
export class VendorCallbackDto {
  @ApiProperty() id!: number;
  @ApiProperty({ description: 'zjz, yundou, docloud, …' }) vendor!: string;
  @ApiProperty() topic!: string;
  @ApiProperty({ enum: ['applied', 'rejected', 'failed'] }) status!: 'applied' | 'rejected' | 'failed';
  @ApiProperty({ description: 'false when the signature or format check failed (never applied)' })
  verified!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'transitioned, stale, same, no_order, …' })
  outcome!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why it was rejected or failed, masked' })
  reason!: string | null;
  @ApiProperty({ nullable: true, type: Number }) orderId!: number | null;
  @ApiProperty({ description: 'Further deliveries of the same event, acknowledged and not applied' })
  repeatCount!: number;
  @ApiProperty({ description: 'Times applying was tried' }) attempts!: number;
  @ApiProperty({ description: 'A failed one can be applied again by the merchant' }) replayable!: boolean;
  @ApiProperty() receivedAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The request as received, masked' })
  payload!: unknown;
}

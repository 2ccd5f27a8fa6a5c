/** The server's ID-photo contract (`/api/id-photo/…`), as its OpenAPI document describes it. */
import type { OrderSummaryDto, PaymentViewDto, UserOrderEventDto } from '../../../shared/api/types';

export type SpecParamKind = 'text' | 'idcard' | 'phone' | 'city' | 'image';

export interface SpecParam {
  name: string;
  label: string;
  kind: SpecParamKind;
  required: boolean;
}

export interface SpecDto {
  itemId: number;
  name: string;
  category: string;
  categoryId: number;
  widthMm: number;
  heightMm: number;
  widthPx: number;
  heightPx: number;
  dpi: number;
  colors: string[];
  fileSizeMsg: string;
  params: SpecParam[];
  oneOf: string[][];
  printLayout: boolean;
  priceFen: number;
  printPriceFen: number;
}

export interface SpecCategoryDto {
  id: number;
  name: string;
  count: number;
}

export interface SpecListDto {
  categories: SpecCategoryDto[];
  items: SpecDto[];
}

export interface PreviewDto {
  color: string;
  /** Signed, relative to the API origin. */
  url: string;
}

export interface PhotoSessionDto {
  id: number;
  itemId: number;
  specName: string;
  previews: PreviewDto[];
  expiresAt: string;
  expired: boolean;
  orderId: number | null;
}

export interface PrintAddress {
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  address: string;
}

export interface CreateOrderInput {
  photoId: number;
  color: string;
  param: Record<string, string>;
  agreePrivacy: true;
  print?: PrintAddress;
  /** The total the user confirmed, in fen (priced only). */
  amountFen?: number;
}

export interface ResubmitInput {
  photoId?: number;
  color?: string;
  param?: Record<string, string>;
  print?: PrintAddress;
}

export interface MaskedField {
  name: string;
  label: string;
  value: string;
}

export interface IdPhotoDetails {
  spec: {
    itemId: number;
    name: string;
    category: string;
    widthMm: number;
    heightMm: number;
    widthPx: number;
    heightPx: number;
    dpi: number;
    fileSizeMsg: string;
    colors: string[];
  };
  color: string;
  round: number;
  params: MaskedField[];
  isPrint: boolean;
  printAddress: { name: string; phone: string; region: string; address: string } | null;
  /** What the user paid for the receipt and for 打印邮寄 (0: free). */
  receiptPriceFen: number;
  printPriceFen: number;
  photoId: number;
  photoExpired: boolean;
  previews: PreviewDto[];
  receiptUrl: string | null;
  photoUrl: string | null;
  printUrl: string | null;
  filesDeleted: boolean;
  deleteAfter: string | null;
  rejectMsg: string | null;
  logistics: { expressName: string; expressNo: string } | null;
  /** The submission's answer was lost: kept until the vendor's first callback confirms it. */
  awaitingConfirmation: boolean;
  /** The official receipt is made (a print order then waits to be mailed). */
  receiptReady: boolean;
  /** Paid, and being submitted to the vendor. */
  submitting?: boolean;
  canCancel: boolean;
  canResubmit: boolean;
}

export interface IdPhotoOrderDto {
  order: OrderSummaryDto;
  events: UserOrderEventDto[];
  details: IdPhotoDetails;
  /** Priced orders only. */
  payment?: PaymentViewDto | null;
}

import { Injectable, type OnModuleInit } from '@nestjs/common';
import { OrderViewDescribers, type OrderViewDescriber, type ViewSection } from '../orders/view/order-view.js';
import { chinaMinute, image, link, orNotFound, section, text, yesNo, yuan } from '../orders/view/view-format.js';
import type { IdPhotoDetailsDto } from './dto/order.dto.js';
import { IdPhotoDetailsService } from './id-photo-details.service.js';
import { ZJZ_COLOR_LABELS as COLOR_LABELS } from '@banshi/vendor-clients/zjz';

/** zjzapi's order statuses (its callback `status`), and the two we record ourselves. */
const VENDOR_STATUS_LABELS: Record<string, string> = {
  '1': '待审核',
  '2': '审核中',
  '3': '办理完成',
  '4': '已打印寄出',
  '-1': '审核驳回',
  '-2': '已取消',
  待确认: '待确认（等待服务商回调）',
  待支付: '待支付',
  已支付: '已支付，待提交',
  提交失败: '提交失败（已退款）',
  已放弃: '驳回后用户放弃（已退款）',
};

const colour = (name: string) => COLOR_LABELS[name] ?? '其他底色';

/** The ID-photo order for the merchant: spec, the masked receipt fields, files, mailing. */
@Injectable()
export class IdPhotoOrderView implements OrderViewDescriber, OnModuleInit {
  readonly kind = 'id_photo' as const;

  constructor(
    private readonly describers: OrderViewDescribers,
    private readonly details: IdPhotoDetailsService,
  ) {}

  onModuleInit(): void {
    this.describers.register(this);
  }

  vendorStatusLabel(vendorStatus: string): string | null {
    return VENDOR_STATUS_LABELS[vendorStatus] ?? null;
  }

  async sections(orderId: number): Promise<ViewSection[]> {
    const found = await orNotFound(this.details.forMerchant(orderId));
    if (!found) return [];
    const details = found.details;
    return [specSection(details), receiptSection(details), filesSection(details), mailSection(details)].filter(
      (s) => s.fields.length > 0,
    );
  }
}

function specSection(d: IdPhotoDetailsDto): ViewSection {
  const spec = d.spec;
  return section('id_photo.spec', '证件照规格', [
    text('规格名称', spec.name),
    text('类别', spec.category),
    text('尺寸', spec.widthMm ? `${spec.widthMm} × ${spec.heightMm} 毫米` : null),
    text('像素', spec.widthPx ? `${spec.widthPx} × ${spec.heightPx} 像素，${spec.dpi} DPI` : null),
    text('文件大小要求', spec.fileSizeMsg),
    text('底色', colour(d.color)),
    text('可选底色', spec.colors.map(colour).join('、')),
    text('提交轮次', d.round === 1 ? '首次提交' : `第 ${d.round} 次提交（驳回后重交）`),
  ]);
}

function receiptSection(d: IdPhotoDetailsDto): ViewSection {
  return section('id_photo.receipt', '回执信息（已脱敏）', [
    ...d.params.map((param) => text(param.label, param.value)),
    text('回执费（用户支付）', d.receiptPriceFen > 0 ? yuan(d.receiptPriceFen) : '免费'),
    d.rejectMsg ? text('驳回原因', d.rejectMsg, 'danger') : null,
    text('可取消', yesNo(d.canCancel)),
    text('待用户重交', yesNo(d.canResubmit)),
  ]);
}

function filesSection(d: IdPhotoDetailsDto): ViewSection {
  if (d.filesDeleted) {
    return section('id_photo.files', '照片与回执', [text('文件', '已按保留期限删除')]);
  }
  return section('id_photo.files', '照片与回执', [
    image('成品照片', d.photoUrl, '办理完成后提供'),
    link('电子回执', d.receiptUrl, '打开回执', '办理完成后提供'),
    d.isPrint ? link('冲印排版', d.printUrl, '打开排版', '办理完成后提供') : null,
    ...d.previews.map((preview) => image(`${colour(preview.color)}预览`, preview.url)),
    text('照片已过期', d.photoExpired ? '是（重交前需重新制作）' : '否'),
    text('文件删除时间', d.deleteAfter ? chinaMinute(d.deleteAfter) : '订单结束后按保留期限删除'),
  ]);
}

function mailSection(d: IdPhotoDetailsDto): ViewSection {
  if (!d.isPrint) return section('id_photo.mail', '冲印邮寄', [text('冲印邮寄', '不需要')]);
  const address = d.printAddress;
  return section('id_photo.mail', '冲印邮寄', [
    text('打印邮寄费（用户支付）', d.printPriceFen > 0 ? yuan(d.printPriceFen) : '免费'),
    text('收件人', address?.name),
    text('收件电话', address?.phone),
    text('地区', address?.region),
    text('详细地址', address?.address),
    text('快递公司', d.logistics?.expressName ?? '未寄出'),
    text('快递单号', d.logistics?.expressNo ?? '未寄出'),
  ]);
}

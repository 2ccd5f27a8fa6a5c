import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { formatDateTime, formatFen } from '../../../shared/format';
import { fenOrFree } from '../pricing';
import type { IdPhotoOrderDto } from '../api/types';
import { colorLabel, sizeMm, sizePx } from '../labels';

/** The order's facts; personal data arrives masked from the server. */
export function OrderInfo({ detail }: { detail: IdPhotoOrderDto }) {
  const { order, details } = detail;
  const rows = [
    { label: '订单号', value: order.orderNo },
    { label: '证件规格', value: details.spec.name },
    ...(details.spec.widthMm
      ? [
          { label: '尺寸', value: sizeMm(details.spec) },
          { label: '像素', value: sizePx(details.spec) },
          { label: '分辨率', value: `${details.spec.dpi}dpi` },
        ]
      : []),
    { label: '背景颜色', value: colorLabel(details.color) },
    ...details.params.map((field) => ({ label: field.label, value: field.value })),
    ...(details.printAddress
      ? [
          { label: '收件人', value: `${details.printAddress.name} ${details.printAddress.phone}` },
          { label: '收件地址', value: `${details.printAddress.region} ${details.printAddress.address}` },
        ]
      : []),
    ...(details.logistics
      ? [{ label: '快递', value: `${details.logistics.expressName} ${details.logistics.expressNo}` }]
      : []),
    // What the user pays (a free order's amount is the vendor's charge to the merchant, not theirs).
    { label: '金额', value: detail.payment ? formatFen(detail.payment.amountFen) : fenOrFree(0) },
    { label: '下单时间', value: formatDateTime(order.createdAt) },
  ];
  return (
    <CellGroup className="id-photo-info">
      {rows.map((row) => (
        <Cell
          key={row.label}
          className="id-photo-info__row"
          title={row.label}
          extra={<View className="id-photo-info__value">{row.value}</View>}
        />
      ))}
    </CellGroup>
  );
}

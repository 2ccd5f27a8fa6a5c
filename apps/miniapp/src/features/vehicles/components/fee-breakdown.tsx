import { Text, View } from '@tarojs/components';
import { formatFen } from '../../../shared/format';
import './fee-breakdown.scss';

export interface FeeBreakdownProps {
  fineFen: number;
  serviceFeeFen: number;
  markFeeFen: number;
  totalFen: number;
  refundFen?: number;
}

/** 罚款, 服务费, 代扣分费 and the total, as every quote and order shows them. */
export function FeeBreakdown({ fineFen, serviceFeeFen, markFeeFen, totalFen, refundFen = 0 }: FeeBreakdownProps) {
  const rows: [string, string, number][] = [
    ['罚款金额', 'fine', fineFen],
    ['服务费', 'service', serviceFeeFen],
    ['代扣分费', 'mark', markFeeFen],
  ];
  return (
    <View className="fee-breakdown">
      {rows.map(([label, key, fen]) => (
        <View key={key} className={`fee-row fee-row--${key}`}>
          <Text className="fee-row__label">{label}</Text>
          <Text className="fee-row__value">{formatFen(fen)}</Text>
        </View>
      ))}
      <View className="fee-row fee-row--total">
        <Text className="fee-row__label">合计</Text>
        <Text className="fee-row__value fee-total">{formatFen(totalFen)}</Text>
      </View>
      {refundFen > 0 ? (
        <View className="fee-row fee-row--refund">
          <Text className="fee-row__label">已退款</Text>
          <Text className="fee-row__value">-{formatFen(refundFen)}</Text>
        </View>
      ) : null}
    </View>
  );
}

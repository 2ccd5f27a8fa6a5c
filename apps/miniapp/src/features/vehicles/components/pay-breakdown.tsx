import { Text, View } from '@tarojs/components';
import type { PaymentLineDto } from '../../../shared/api/types';
import { formatFen } from '../../../shared/format';
import './fee-breakdown.scss';

/**
 * What the user pays here before the order is placed (credit mode): 罚款, 服务商手续费, 违章代缴服务费
 * ×n and 应付合计, as the server priced them (the same lines the payment keeps).
 */
export function PayBreakdown({ lines, amountFen }: { lines: PaymentLineDto[]; amountFen: number }) {
  return (
    <View className="fee-breakdown pay-breakdown">
      {lines.map((line) => (
        <View key={line.label} className="fee-row pay-row">
          <Text className="fee-row__label">{line.label}</Text>
          <Text className="fee-row__value">{formatFen(line.amountFen)}</Text>
        </View>
      ))}
      <View className="fee-row fee-row--total">
        <Text className="fee-row__label">应付合计</Text>
        <Text className="fee-row__value fee-total">{formatFen(amountFen)}</Text>
      </View>
    </View>
  );
}

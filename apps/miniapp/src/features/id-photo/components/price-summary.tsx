import { Text, View } from '@tarojs/components';
import { formatFen } from '../../../shared/format';
import './price-summary.scss';

interface PriceSummaryProps {
  receiptFen: number;
  printFen: number;
  print: boolean;
}

export function totalFen({ receiptFen, printFen, print }: PriceSummaryProps): number {
  return receiptFen + (print ? printFen : 0);
}

/** What the order costs, line by line; charged only once the receipt is done. */
export function PriceSummary(props: PriceSummaryProps) {
  return (
    <View className="price-summary">
      <View className="price-summary__row">
        <Text>电子回执办理</Text>
        <Text>{formatFen(props.receiptFen)}</Text>
      </View>
      {props.print ? (
        <View className="price-summary__row">
          <Text>打印邮寄</Text>
          <Text>{formatFen(props.printFen)}</Text>
        </View>
      ) : null}
      <View className="price-summary__row price-summary__row--total">
        <Text>合计</Text>
        <Text className="price-summary__total">{formatFen(totalFen(props))}</Text>
      </View>
      <View className="price-summary__note">办理完成后才扣费；审核未通过可免费修改后重新提交</View>
    </View>
  );
}

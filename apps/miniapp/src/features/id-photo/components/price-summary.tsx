import { Text, View } from '@tarojs/components';
import { fenOrFree, priceLines, priceNote, totalFen, type IdPhotoPrice } from '../pricing';
import './price-summary.scss';

/** What the order costs, line by line, and when it is paid (or that it is free). */
export function PriceSummary(props: IdPhotoPrice) {
  return (
    <View className="price-summary">
      {priceLines(props).map((line) => (
        <View key={line.label} className="price-summary__row">
          <Text>{line.label}</Text>
          <Text>{line.value}</Text>
        </View>
      ))}
      <View className="price-summary__row price-summary__row--total">
        <Text>合计</Text>
        <Text className="price-summary__total">{fenOrFree(totalFen(props))}</Text>
      </View>
      <View className="price-summary__note">{priceNote(props)}</View>
    </View>
  );
}

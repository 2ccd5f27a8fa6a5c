import { Skeleton } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import './page-skeleton.scss';

/** Placeholder cards while the first answer is on its way, so the layout does not jump. */
export function PageSkeleton({ cards = 3 }: { cards?: number }) {
  return (
    <View className="page-skeleton">
      {Array.from({ length: cards }, (_, index) => (
        <View className="page-skeleton__card" key={index}>
          <Skeleton rows={3} animated />
        </View>
      ))}
    </View>
  );
}

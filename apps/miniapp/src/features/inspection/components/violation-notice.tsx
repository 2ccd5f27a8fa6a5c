import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ViolationCheckDto } from '../api/types';
import { INSPECTION_ROUTES } from '../routes';
import './violation-notice.scss';

/**
 * Before an inspection order: a car with untreated violations cannot pass, so the user is told why
 * and sent to pay them; a car never queried (or long ago) gets a warning and a link to query.
 */
export function ViolationNotice({ check, garageCarId }: { check: ViolationCheckDto; garageCarId: number }) {
  if (check.state === 'clear') return null;
  const blocking = check.blocking;
  return (
    <View className={`violation-notice violation-notice--${blocking ? 'blocking' : 'warning'}`}>
      <View className="violation-notice__title">{blocking ? '这辆车暂不能办理年检' : '下单前请确认违章'}</View>
      <View className="violation-notice__text">{check.message}</View>
      <Text
        className="violation-notice__action"
        onClick={() => void Taro.navigateTo({ url: INSPECTION_ROUTES.violations(garageCarId) })}
      >
        {blocking ? '去处理违章 ›' : '查询违章 ›'}
      </Text>
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { SpecDto } from '../api/types';
import { colorLabel, SHOOTING_TIPS, sizeLine } from '../labels';
import './shooting-tips.scss';

/** Width of the little frame in rpx; its height follows the spec's proportions. */
const FRAME_WIDTH = 120;

/** The spec being shot for and what the authorities reject, before the camera opens. */
export function ShootingTips({ spec }: { spec: SpecDto }) {
  return (
    <View className="shooting-tips">
      <View className="shooting-tips__spec">
        <View
          className="shooting-tips__frame"
          style={{ height: Taro.pxTransform(Math.round((FRAME_WIDTH * spec.heightMm) / spec.widthMm)) }}
        >
          <View className="shooting-tips__head" />
          <View className="shooting-tips__shoulders" />
        </View>
        <View className="shooting-tips__spec-text">
          <View className="shooting-tips__spec-name">{spec.name}</View>
          <View className="shooting-tips__spec-size">{sizeLine(spec)}</View>
          <View className="shooting-tips__spec-colors">
            可选底色：{spec.colors.map(colorLabel).join('、')}
            {spec.fileSizeMsg && spec.fileSizeMsg !== '不限' ? ` · 文件 ${spec.fileSizeMsg}` : ''}
          </View>
        </View>
      </View>
      <View className="shooting-tips__title">拍摄要求</View>
      {SHOOTING_TIPS.map((tip, index) => (
        <View key={tip.title} className="shooting-tip">
          <Text className="shooting-tip__index">{index + 1}</Text>
          <View className="shooting-tip__body">
            <Text className="shooting-tip__title">{tip.title}</Text>
            <Text className="shooting-tip__text">{tip.text}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}

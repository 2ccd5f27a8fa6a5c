import { View } from '@tarojs/components';
import { SERVICES } from '../../features/registry';
import { useMe } from '../../features/profile/hooks/use-me';
import { useUnreadBadge } from '../../shared/messages/use-messages';
import { ServiceGrid } from './service-grid';
import './index.scss';

function greeting(hour: number): string {
  if (hour < 6) return '夜深了';
  if (hour < 12) return '早上好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

export default function HomePage() {
  // Loading the profile is also what logs the user in on first launch.
  const { data: me } = useMe();
  // Every tab page keeps the 我的 tab's unread badge current.
  useUnreadBadge();
  return (
    <View className="home-page">
      <View className="home-hero">
        <View className="home-hero__greeting">
          {greeting(new Date().getHours())}
          {me?.nickname ? `，${me.nickname}` : ''}
        </View>
        <View className="home-hero__sub">常办的事，在手机上办好</View>
      </View>
      <View className="home-section">
        <View className="home-section__title">便民服务</View>
        <ServiceGrid services={SERVICES} />
      </View>
      <View className="privacy-notice">
        <View className="privacy-notice__title">隐私说明</View>
        <View className="privacy-notice__text">
          我们只在您使用某项服务时，收集办理该服务所必需的信息。身份证号、手机号等敏感信息加密保存，展示时做脱敏处理；人脸照片在核验结束后即删除。
        </View>
      </View>
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import './identity-notice.scss';

interface IdentityNoticeProps {
  /** Attempts a day, from the server. */
  dailyLimit?: number;
  compact?: boolean;
}

/**
 * What the check proves and what it does not, and what happens to the photo. Shown before the person
 * agrees, and on the service page: a still-photo comparison without liveness must not be sold as more.
 */
export function IdentityNotice({ dailyLimit, compact = false }: IdentityNoticeProps) {
  return (
    <View className={`identity-notice ${compact ? 'identity-notice--compact' : ''}`}>
      <View className="identity-notice__section">
        <Text className="identity-notice__title">认证核验什么</Text>
        <Text className="identity-notice__text">
          由支付宝芝麻认证核验：您填写的姓名与身份证号是否一致，以及您拍摄的照片与该身份证登记的照片是否为同一人。
        </Text>
      </View>
      <View className="identity-notice__section">
        <Text className="identity-notice__title">认证不能证明什么</Text>
        <Text className="identity-notice__text">
          比对使用的是一张静态照片，没有活体检测（如眨眼、转头），所以不能证明拍照时是本人在场操作。请勿使用他人或翻拍的照片，冒用他人身份须承担法律责任。
        </Text>
      </View>
      <View className="identity-notice__section">
        <Text className="identity-notice__title">照片和信息如何处理</Text>
        <Text className="identity-notice__text">
          人脸照片只用于本次比对，在内存中处理，比对结束即丢弃，不保存到服务器磁盘或数据库。姓名和身份证号加密保存，只以脱敏形式显示在您的认证记录中。
        </Text>
      </View>
      {compact ? null : (
        <View className="identity-notice__section">
          <Text className="identity-notice__title">次数限制</Text>
          <Text className="identity-notice__text">
            每次认证都会调用付费的认证服务，每人每天最多认证{dailyLimit ?? 5}次；信息填写有误被拦下的不计次数。
          </Text>
        </View>
      )}
    </View>
  );
}

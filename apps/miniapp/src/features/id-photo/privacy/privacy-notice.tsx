import { View } from '@tarojs/components';
import './privacy-notice.scss';

/** What is collected, why, who gets it and when it goes away. */
export function PrivacyNotice({ retentionDays = 7 }: { retentionDays?: number }) {
  const lines = [
    '办理回执需要您的姓名、身份证号、手机号和办理城市，以及一张本人正面照片；选择打印邮寄时还需要收件地址。',
    '这些信息仅提供给证件照服务商，用于制作证件照和办理官方回执，不作其他用途。',
    '身份证号、手机号、姓名和地址加密保存，页面上只显示脱敏后的内容。',
    `照片拍摄信息（含位置信息）在上传时即被清除；照片和回执在订单结束 ${retentionDays} 天后自动删除。`,
  ];
  return (
    <View className="id-photo-privacy__lines">
      {lines.map((line) => (
        <View key={line} className="id-photo-privacy__line">
          {line}
        </View>
      ))}
    </View>
  );
}

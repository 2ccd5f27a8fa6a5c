import { Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { MeDto } from '../../../shared/api/types';
import './profile-card.scss';

/** The user as the server shows them: nickname, user number and the phone already masked by the server. */
export function ProfileCard({ me, phoneAction }: { me: MeDto; phoneAction?: ReactNode }) {
  const initial = Array.from(me.nickname.trim())[0] ?? '办';
  return (
    <View className="profile-card">
      <View className="profile-card__avatar">{initial}</View>
      <View className="profile-card__info">
        <View className="profile-card__name-line">
          <Text className="profile-card__name">{me.nickname || '微信用户'}</Text>
          {me.verified ? (
            <Tag className="verified-badge" background="#07c160" round>
              已实名
            </Tag>
          ) : null}
        </View>
        <View className="profile-card__meta">用户编号 {me.id}</View>
        <View className="profile-card__meta profile-card__phone">
          <Text>手机号 {me.phone ?? '未绑定'}</Text>
          {phoneAction}
        </View>
      </View>
    </View>
  );
}

import { Badge, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { bindPhone } from '../../features/profile/api/bind-phone';
import { PhoneBindButton } from '../../features/profile/components/phone-bind';
import { ProfileCard } from '../../features/profile/components/profile-card';
import { useMe } from '../../features/profile/hooks/use-me';
import { usePullDownReload, useReloadOnReturn } from '../../shared/hooks/use-page-events';
import { useUnreadBadge } from '../../shared/messages/use-messages';
import { ROUTES } from '../../shared/routes';
import { PageState } from '../../shared/ui/page-state';
import './index.scss';

export default function MePage() {
  const me = useMe();
  const badge = useUnreadBadge();
  const [binding, setBinding] = useState(false);
  usePullDownReload(me.reload);
  // Coming back from a service (e.g. after passing identity verification) shows the new state.
  useReloadOnReturn(me.reload);

  const onPhoneCode = async (code: string) => {
    setBinding(true);
    try {
      await bindPhone(code);
      await me.reload();
      void Taro.showToast({ title: '手机号已绑定', icon: 'success' });
    } catch {
      // request() already showed the server's message.
    } finally {
      setBinding(false);
    }
  };

  return (
    <View className="me-page">
      <PageState {...me}>
        {(profile) => (
          <ProfileCard
            me={profile}
            phoneAction={
              profile.phone ? null : <PhoneBindButton busy={binding} onCode={(code) => void onPhoneCode(code)} />
            }
          />
        )}
      </PageState>
      <CellGroup className="me-links">
        <Cell
          className="me-link-messages"
          title="消息中心"
          extra={
            <View className="me-link-messages__extra">
              {badge.unread > 0 ? <Badge className="me-unread-badge" value={badge.unread} max={99} /> : null}
              <View className="me-link-arrow">›</View>
            </View>
          }
          clickable
          onClick={() => void Taro.navigateTo({ url: ROUTES.messages })}
        />
        <Cell
          className="me-link-orders"
          title="我的订单"
          extra="›"
          clickable
          onClick={() => void Taro.switchTab({ url: ROUTES.orders })}
        />
      </CellGroup>
      <View className="merchant-entry" onClick={() => void Taro.navigateTo({ url: ROUTES.merchantLogin })}>
        商家入口
      </View>
    </View>
  );
}

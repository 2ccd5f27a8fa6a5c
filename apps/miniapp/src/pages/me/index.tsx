import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ProfileCard } from '../../features/profile/components/profile-card';
import { useMe } from '../../features/profile/hooks/use-me';
import { usePullDownReload, useReloadOnReturn } from '../../shared/hooks/use-page-events';
import { ROUTES } from '../../shared/routes';
import { PageState } from '../../shared/ui/page-state';
import './index.scss';

export default function MePage() {
  const me = useMe();
  usePullDownReload(me.reload);
  // Coming back from a service (e.g. after passing identity verification) shows the new state.
  useReloadOnReturn(me.reload);
  return (
    <View className="me-page">
      <PageState {...me}>{(profile) => <ProfileCard me={profile} />}</PageState>
      <CellGroup className="me-links">
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

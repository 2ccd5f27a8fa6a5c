import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CertificationHistory } from '../../../features/identity/components/certification-history';
import { IdentityNotice } from '../../../features/identity/components/identity-notice';
import { VerifiedBadge } from '../../../features/identity/components/verified-badge';
import { useCertificationHistory, useIdentityStatus } from '../../../features/identity/hooks/use-identity';
import type { IdentityStatusDto } from '../../../features/identity/api/types';
import { IDENTITY_ROUTES } from '../../../features/identity/routes';
import { formatDateTime } from '../../../shared/format';
import { usePullDownReload, useReloadOnReturn } from '../../../shared/hooks/use-page-events';
import { PageState } from '../../../shared/ui/page-state';
import './index.scss';

function StatusCard({ status }: { status: IdentityStatusDto }) {
  if (status.verified) {
    return (
      <View className="identity-status identity-status--verified">
        <View className="identity-status__line">
          <Text className="identity-status__title">已完成实名认证</Text>
          <VerifiedBadge />
        </View>
        <View className="identity-status__who">{`${status.name}\u3000${status.idNumber}`}</View>
        {status.verifiedAt ? (
          <View className="identity-status__meta">认证时间 {formatDateTime(status.verifiedAt)}</View>
        ) : null}
      </View>
    );
  }
  const none = status.attemptsLeftToday <= 0;
  return (
    <View className="identity-status">
      <View className="identity-status__title">尚未实名认证</View>
      <View className="identity-status__sub">姓名 + 身份证号 + 一张本人正脸照片，约1分钟完成</View>
      <Button
        className="identity-start"
        type="primary"
        block
        disabled={none}
        onClick={() => void Taro.navigateTo({ url: IDENTITY_ROUTES.verify })}
      >
        {none ? '今日认证次数已用完' : '开始认证'}
      </Button>
      <View className="identity-status__meta">
        {none ? '请明天再试' : `今日还可认证 ${status.attemptsLeftToday} 次（每天最多 ${status.dailyLimit} 次）`}
      </View>
    </View>
  );
}

export default function IdentityIndexPage() {
  const status = useIdentityStatus();
  const history = useCertificationHistory();
  const reload = async () => {
    await Promise.all([status.reload(), history.refresh()]);
  };
  usePullDownReload(reload);
  useReloadOnReturn(reload);
  return (
    <View className="identity-index-page">
      <PageState {...status}>{(current) => <StatusCard status={current} />}</PageState>
      <View className="identity-section">
        <View className="identity-section__title">认证说明</View>
        <IdentityNotice compact />
      </View>
      <View className="identity-section identity-section--plain">
        <View className="identity-section__title">认证记录</View>
        <CertificationHistory
          list={history}
          onOpen={(item) => void Taro.navigateTo({ url: IDENTITY_ROUTES.result(item.id) })}
        />
      </View>
    </View>
  );
}

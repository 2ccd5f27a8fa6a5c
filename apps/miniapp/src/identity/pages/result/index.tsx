import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { CertificationResult } from '../../../features/identity/components/certification-result';
import { useCertification, useIdentityStatus } from '../../../features/identity/hooks/use-identity';
import { IDENTITY_ROUTES } from '../../../features/identity/routes';
import { ApiError } from '../../../shared/api/http';
import { parseIdParam } from '../../../shared/routes';
import { EmptyState } from '../../../shared/ui/empty-state';
import { PageState } from '../../../shared/ui/page-state';

/** One past attempt, from the history: the verdict and, for a failure, what to do next. */
export default function IdentityResultPage() {
  // From the history: the attempt's id; from 我的订单: its order's.
  const { params } = useRouter();
  const id = parseIdParam(params.id);
  const orderId = parseIdParam(params.orderId);
  const certification = useCertification(id !== null ? { id } : orderId !== null ? { orderId } : null);
  const status = useIdentityStatus();
  // A priced attempt before its verdict has no certification yet: its own page shows it (pay, photo).
  const unpaidAttempt =
    id === null && orderId !== null && certification.error instanceof ApiError && certification.error.status === 404;
  useEffect(() => {
    if (unpaidAttempt && orderId !== null) void Taro.redirectTo({ url: IDENTITY_ROUTES.attempt(orderId) });
  }, [unpaidAttempt, orderId]);
  if (id === null && orderId === null) {
    return <EmptyState title="记录不存在" description="链接有误，请从认证记录进入" />;
  }
  const retry = () => void Taro.redirectTo({ url: IDENTITY_ROUTES.verify });
  const verified = status.data?.verified ?? false;
  return (
    <View className="identity-result-page">
      <PageState {...certification}>
        {(result) => (
          <CertificationResult
            result={result}
            attemptsLeft={verified ? undefined : status.data?.attemptsLeftToday}
            onRetakePhoto={verified ? undefined : retry}
            onEditInfo={verified ? undefined : retry}
            onDone={() => void Taro.navigateBack().catch(() => Taro.redirectTo({ url: IDENTITY_ROUTES.index }))}
            doneText="返回"
          />
        )}
      </PageState>
    </View>
  );
}

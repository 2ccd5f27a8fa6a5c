import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback } from 'react';
import { getIdentityAttempt } from '../../../features/identity/api/identity-api';
import { submitAttemptFace } from '../../../features/identity/api/submit-certification';
import type { IdentityAttemptDto } from '../../../features/identity/api/types';
import { CertificationResult } from '../../../features/identity/components/certification-result';
import { FaceCapture } from '../../../features/identity/components/face-capture';
import { SubmitProgress } from '../../../features/identity/components/submit-progress';
import { useCertifyFlow } from '../../../features/identity/hooks/use-certify-flow';
import { IDENTITY_ROUTES } from '../../../features/identity/routes';
import { useRequest } from '../../../shared/api/use-request';
import { formatDateTime } from '../../../shared/format';
import { usePullDownReload } from '../../../shared/hooks/use-page-events';
import { PaymentPanel } from '../../../shared/payment/payment-panel';
import { parseIdParam } from '../../../shared/routes';
import { EmptyState } from '../../../shared/ui/empty-state';
import { PageState } from '../../../shared/ui/page-state';
import './index.scss';

const HINTS: Partial<Record<IdentityAttemptDto['state'], string>> = {
  awaiting_payment: '支付成功后拍摄本人正脸照片，即可完成认证',
  refused: '认证服务未受理本次认证，费用全额原路退回',
  expired: '支付后24小时内未拍照认证，费用全额原路退回',
  closed: '本次认证已关闭，未产生费用',
};

function leave() {
  void Taro.redirectTo({ url: IDENTITY_ROUTES.index });
}

/** A paid attempt's photo step: the shared capture, progress and verdict, sent to this attempt. */
function PhotoStep({ attempt, onChanged }: { attempt: IdentityAttemptDto; onChanged: () => Promise<void> }) {
  const sendFace = useCallback(
    (path: string, onProgress: (percent: number) => void) => submitAttemptFace(attempt.orderId, path, onProgress),
    [attempt.orderId],
  );
  const flow = useCertifyFlow({ initialStep: 'photo', sendFace });
  if (flow.step === 'submitting') return <SubmitProgress phase={flow.phase} uploadPercent={flow.uploadPercent} />;
  if (flow.step === 'result' && flow.result) {
    return <CertificationResult result={flow.result} onDone={() => void onChanged()} doneText="完成" />;
  }
  if (flow.step === 'error' && flow.error) {
    return (
      <View className="identity-attempt">
        <EmptyState title="未能完成认证" description={flow.error.message} />
        <View className="identity-attempt-actions">
          {flow.error.retryable ? (
            <Button type="primary" block onClick={() => void flow.submit()}>
              重新提交
            </Button>
          ) : (
            <Button type="primary" block onClick={() => void onChanged()}>
              查看结果
            </Button>
          )}
        </View>
      </View>
    );
  }
  return (
    <>
      {flow.photoMessage ? <View className="identity-photo-error">{flow.photoMessage}</View> : null}
      <FaceCapture
        photoPath={flow.photoPath}
        who={`${attempt.name}\u3000${attempt.idNumber}`}
        onTake={() => void flow.takePhoto()}
        onSubmit={() => void flow.submit()}
      />
      <View className="identity-attempt-deadline">
        请在 {formatDateTime(attempt.faceDueAt)} 前完成拍照认证，逾期费用全额退回
      </View>
    </>
  );
}

function AttemptBody({ attempt, onChanged }: { attempt: IdentityAttemptDto; onChanged: () => Promise<void> }) {
  const hint = HINTS[attempt.state];
  return (
    <>
      <View className="identity-attempt">
        <Text className="identity-attempt__label identity-attempt-label">{attempt.label}</Text>
        <View className="identity-attempt__who">{`${attempt.name}\u3000${attempt.idNumber}`}</View>
        {hint ? <View className="identity-attempt__hint">{hint}</View> : null}
        {attempt.refusedReason ? <View className="identity-attempt__hint">原因：{attempt.refusedReason}</View> : null}
      </View>
      <PaymentPanel payment={attempt.payment} onChanged={onChanged} />
      {attempt.state === 'awaiting_photo' ? <PhotoStep attempt={attempt} onChanged={onChanged} /> : null}
      {attempt.certification ? (
        <CertificationResult result={attempt.certification} onDone={leave} doneText="返回" />
      ) : null}
      {attempt.state !== 'awaiting_photo' && !attempt.certification ? (
        <View className="identity-attempt-actions">
          <Button fill="outline" type="primary" block onClick={leave}>
            返回实名认证
          </Button>
        </View>
      ) : null}
    </>
  );
}

/** A priced attempt: 待支付 → pay (the H5 cashier comes back here) → the face photo → the verdict. */
export default function IdentityAttemptPage() {
  const id = parseIdParam(useRouter().params.id);
  const attempt = useRequest(id === null ? null : `identity-attempt:${id}`, () => getIdentityAttempt(id as number));
  usePullDownReload(attempt.reload);
  if (id === null) return <EmptyState title="记录不存在" description="链接有误，请从实名认证进入" />;
  return (
    <View className="identity-attempt-page">
      <PageState {...attempt}>{(current) => <AttemptBody attempt={current} onChanged={attempt.reload} />}</PageState>
    </View>
  );
}

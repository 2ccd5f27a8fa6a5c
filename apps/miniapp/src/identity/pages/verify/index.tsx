import { Button, Step, Steps } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { CertificationResult } from '../../../features/identity/components/certification-result';
import { FaceCapture } from '../../../features/identity/components/face-capture';
import { IdentityForm } from '../../../features/identity/components/identity-form';
import { SubmitProgress } from '../../../features/identity/components/submit-progress';
import { useCertifyFlow, type FlowStep } from '../../../features/identity/hooks/use-certify-flow';
import { useIdentityStatus } from '../../../features/identity/hooks/use-identity';
import { checkIdNumber, checkName } from '../../../features/identity/identity-input';
import { ConsentStep } from '../../../features/identity/privacy/consent-step';
import { IDENTITY_ROUTES } from '../../../features/identity/routes';
import { EmptyState } from '../../../shared/ui/empty-state';
import { PageState } from '../../../shared/ui/page-state';
import './index.scss';

const STEP_INDEX: Record<FlowStep, number> = { consent: 1, form: 2, photo: 3, submitting: 3, error: 3, result: 4 };

function leave() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.redirectTo({ url: IDENTITY_ROUTES.index });
}

function masked(name: string, idNumber: string): string {
  const n = checkName(name);
  const id = checkIdNumber(idNumber);
  const shownName = n.valid ? `${Array.from(n.value)[0]}${'*'.repeat(Array.from(n.value).length - 1)}` : name;
  const shownId = id.valid ? `${id.value.slice(0, 3)}***********${id.value.slice(-4)}` : idNumber;
  return `${shownName}\u3000${shownId}`;
}

function Flow({ dailyLimit, attemptsLeft, priceFen }: { dailyLimit: number; attemptsLeft: number; priceFen: number }) {
  const flow = useCertifyFlow({ priceFen });
  const left = flow.result ? flow.result.attemptsLeftToday : attemptsLeft;
  // Each step starts at the top (the steps bar), not where the last tap left the page.
  useEffect(() => {
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  }, [flow.step]);
  return (
    <View className="identity-verify-page">
      <View className="identity-steps">
        <Steps value={STEP_INDEX[flow.step]} type="text" status="dynamic">
          <Step value={1} title="阅读须知" />
          <Step value={2} title="填写信息" />
          <Step value={3} title="拍摄照片" />
          <Step value={4} title="认证结果" />
        </Steps>
      </View>
      {flow.step === 'consent' ? <ConsentStep dailyLimit={dailyLimit} onAgree={flow.agree} /> : null}
      {flow.step === 'form' ? (
        <IdentityForm
          value={flow.fields}
          onChange={flow.setFields}
          serverErrors={flow.serverErrors}
          onNext={flow.confirmFields}
          priceFen={priceFen}
        />
      ) : null}
      {flow.step === 'photo' ? (
        <>
          {flow.photoMessage ? <View className="identity-photo-error">{flow.photoMessage}</View> : null}
          <FaceCapture
            photoPath={flow.photoPath}
            who={masked(flow.fields.name, flow.fields.idNumber)}
            attemptsLeft={left}
            onTake={() => void flow.takePhoto()}
            onSubmit={() => void flow.submit()}
            onEditInfo={flow.editInfo}
          />
        </>
      ) : null}
      {flow.step === 'submitting' ? <SubmitProgress phase={flow.phase} uploadPercent={flow.uploadPercent} /> : null}
      {flow.step === 'result' && flow.result ? (
        <CertificationResult
          result={flow.result}
          attemptsLeft={flow.result.attemptsLeftToday}
          onRetakePhoto={flow.retakePhoto}
          onEditInfo={flow.editInfo}
          onDone={leave}
          doneText={flow.result.passed ? '完成' : '返回'}
        />
      ) : null}
      {flow.step === 'error' && flow.error ? (
        <View className="identity-error">
          <EmptyState
            title={flow.error.retryable ? '暂时无法完成认证' : '未能完成认证'}
            description={flow.error.message}
          />
          <View className="identity-error__actions">
            {flow.error.retryable ? (
              <Button className="identity-error-retry" type="primary" block onClick={() => void flow.submit()}>
                重新提交
              </Button>
            ) : null}
            {!flow.error.final ? (
              <Button className="identity-error-retake" type="primary" fill="outline" block onClick={flow.retakePhoto}>
                重新拍照
              </Button>
            ) : null}
            {!flow.error.final ? (
              <Button className="identity-error-edit" fill="none" block onClick={flow.editInfo}>
                修改姓名或身份证号
              </Button>
            ) : null}
            <Button className="identity-error-leave" fill="none" block onClick={leave}>
              返回
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  );
}

export default function IdentityVerifyPage() {
  const status = useIdentityStatus();
  return (
    <PageState {...status}>
      {(current) => {
        if (current.verified) {
          return (
            <EmptyState
              className="identity-already"
              title="您已完成实名认证"
              description={`${current.name ?? ''}\u3000${current.idNumber ?? ''}`}
              action={{ text: '返回', onClick: leave }}
            />
          );
        }
        const openAttemptId = current.openAttemptId;
        if (openAttemptId !== null) {
          return (
            <EmptyState
              className="identity-open-attempt"
              title="您有一次实名认证尚未完成"
              description="请继续完成支付和拍照认证，或取消后重新提交"
              action={{
                text: '继续认证',
                onClick: () => void Taro.redirectTo({ url: IDENTITY_ROUTES.attempt(openAttemptId) }),
              }}
            />
          );
        }
        if (current.attemptsLeftToday <= 0) {
          return (
            <EmptyState
              className="identity-limit"
              title="今日认证次数已用完"
              description={`每人每天最多认证${current.dailyLimit}次，请于明天 00:00（北京时间）后再试`}
              action={{ text: '返回', onClick: leave }}
            />
          );
        }
        return (
          <Flow dailyLimit={current.dailyLimit} attemptsLeft={current.attemptsLeftToday} priceFen={current.priceFen} />
        );
      }}
    </PageState>
  );
}

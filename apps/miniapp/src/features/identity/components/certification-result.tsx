import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { formatDateTime } from '../../../shared/format';
import type { CertificationDto } from '../api/types';
import { VerifiedBadge } from './verified-badge';
import './certification-result.scss';

interface CertificationResultProps {
  result: CertificationDto;
  attemptsLeft?: number;
  /** Offered when the photo is the likely fix (or as the second option otherwise). */
  onRetakePhoto?: () => void;
  onEditInfo?: () => void;
  onDone: () => void;
  doneText?: string;
}

/** The verdict in plain Chinese: what passed, or what failed and what to do next. */
export function CertificationResult({
  result,
  attemptsLeft,
  onRetakePhoto,
  onEditInfo,
  onDone,
  doneText = '完成',
}: CertificationResultProps) {
  const canRetry = attemptsLeft === undefined || attemptsLeft > 0;
  const retakeFirst = result.advice?.retakePhoto ?? true;
  const retake = onRetakePhoto ? (
    <Button
      key="retake"
      className="result-retake"
      type="primary"
      fill={retakeFirst ? 'solid' : 'outline'}
      block
      onClick={onRetakePhoto}
    >
      重新拍照认证
    </Button>
  ) : null;
  const edit = onEditInfo ? (
    <Button
      key="edit"
      className="result-edit"
      type="primary"
      fill={retakeFirst ? 'outline' : 'solid'}
      block
      onClick={onEditInfo}
    >
      修改姓名或身份证号
    </Button>
  ) : null;

  return (
    <View className={`certification-result ${result.passed ? 'is-passed' : 'is-failed'}`}>
      <View className="certification-result__card">
        <View className="certification-result__icon">{result.passed ? '✓' : '!'}</View>
        <View className="certification-result__title">{result.passed ? '认证通过' : '认证未通过'}</View>
        {result.passed ? (
          <View className="certification-result__badge">
            <VerifiedBadge />
          </View>
        ) : null}
        <View className="certification-result__who">{`${result.name}\u3000${result.idNumber}`}</View>
        {result.passed ? (
          <View className="certification-result__text">
            姓名、身份证号与照片中的人一致。本次核验基于静态照片比对，不含活体检测。
          </View>
        ) : (
          <View className="certification-advice">
            <View className="certification-advice__title">{result.advice?.title ?? '认证未通过'}</View>
            <View className="certification-advice__row">
              <Text className="certification-advice__label">原因</Text>
              <Text className="certification-advice__value certification-reason">{result.failedReason}</Text>
            </View>
            <View className="certification-advice__row">
              <Text className="certification-advice__label">建议</Text>
              <Text className="certification-advice__value certification-next-step">{result.advice?.detail}</Text>
            </View>
          </View>
        )}
        <View className="certification-result__meta">
          订单号 {result.orderNo} · {formatDateTime(result.createdAt)}
        </View>
      </View>
      <View className="certification-result__actions">
        {!result.passed && canRetry ? (retakeFirst ? [retake, edit] : [edit, retake]) : null}
        {!result.passed && !canRetry ? (
          <View className="certification-result__limit">今日认证次数已用完，请明天再试</View>
        ) : null}
        {!result.passed && canRetry && attemptsLeft !== undefined ? (
          <View className="certification-result__limit">今日还可认证 {attemptsLeft} 次</View>
        ) : null}
        <Button className="result-done" fill={result.passed ? 'solid' : 'none'} type="primary" block onClick={onDone}>
          {doneText}
        </Button>
      </View>
    </View>
  );
}

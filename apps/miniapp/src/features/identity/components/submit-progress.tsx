import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import './submit-progress.scss';
import { ProgressCard } from '../../../shared/ui/progress-card';

export type SubmitPhase = 'uploading' | 'comparing';

interface SubmitProgressProps {
  phase: SubmitPhase;
  /** Upload progress, 0–100. */
  uploadPercent: number;
}

const UPLOAD_SHARE = 60;
const COMPARE_CEILING = 95;

/**
 * The wait, shown as it is: first the upload (real progress), then the vendor's comparison, whose
 * length nobody knows, as a bar that creeps towards the end without ever claiming to be done.
 */
export function SubmitProgress({ phase, uploadPercent }: SubmitProgressProps) {
  const [comparing, setComparing] = useState(UPLOAD_SHARE);
  useEffect(() => {
    if (phase !== 'comparing') return undefined;
    setComparing(UPLOAD_SHARE);
    const timer = setInterval(() => {
      setComparing((current) => Math.min(COMPARE_CEILING, current + Math.max(1, (COMPARE_CEILING - current) / 8)));
    }, 300);
    return () => clearInterval(timer);
  }, [phase]);

  const percent = phase === 'uploading' ? (uploadPercent * UPLOAD_SHARE) / 100 : comparing;
  return (
    <ProgressCard
      block="submit-progress"
      title={phase === 'uploading' ? '正在上传照片…' : '正在比对人脸与身份证照片…'}
      percent={percent}
      hint="通常几秒内完成，请不要离开本页面"
    >
      <View className="submit-progress__steps">
        <Text className={`submit-progress__step ${phase === 'uploading' ? 'is-active' : 'is-done'}`}>上传照片</Text>
        <Text className="submit-progress__arrow">›</Text>
        <Text className={`submit-progress__step ${phase === 'comparing' ? 'is-active' : ''}`}>芝麻认证比对</Text>
        <Text className="submit-progress__arrow">›</Text>
        <Text className="submit-progress__step">出结果</Text>
      </View>
    </ProgressCard>
  );
}

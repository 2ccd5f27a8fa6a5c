import { Text, View } from '@tarojs/components';
import type { UploadPhase } from '../hooks/use-scan-upload';
import './upload-progress.scss';
import { ProgressBar } from '../../../shared/ui/progress-bar';

interface UploadProgressProps {
  phase: UploadPhase;
  percent: number;
}

/** A sheet over the page while a photo goes up: real upload progress, then the hand-over to recognition. */
export function UploadProgress({ phase, percent }: UploadProgressProps) {
  if (phase === 'idle') return null;
  const shown = phase === 'processing' ? 100 : Math.min(99, Math.round(percent));
  return (
    <View className="upload-progress">
      <View className="upload-progress__card">
        <View className="upload-progress__spinner" />
        <View className="upload-progress__title">
          {phase === 'uploading' ? '正在上传票据照片…' : '上传完成，正在提交识别…'}
        </View>
        <View className="upload-progress__bar">
          <ProgressBar percent={shown} strokeWidth="8" />
        </View>
        <Text className="upload-progress__percent">{shown}%</Text>
        <View className="upload-progress__hint">原图上传，识别更准确；请不要离开本页面</View>
      </View>
    </View>
  );
}

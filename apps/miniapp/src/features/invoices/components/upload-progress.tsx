import { ProgressCard } from '../../../shared/ui/progress-card';
import type { UploadPhase } from '../hooks/use-scan-upload';

interface UploadProgressProps {
  phase: UploadPhase;
  percent: number;
}

/** A sheet over the page while a photo goes up: real upload progress, then the hand-over to recognition. */
export function UploadProgress({ phase, percent }: UploadProgressProps) {
  if (phase === 'idle') return null;
  return (
    <ProgressCard
      block="upload-progress"
      overlay
      title={phase === 'uploading' ? '正在上传票据照片…' : '上传完成，正在提交识别…'}
      percent={phase === 'processing' ? 100 : Math.min(99, percent)}
      hint="原图上传，识别更准确；请不要离开本页面"
    />
  );
}

import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import type { PhotoSessionDto, SpecDto } from '../api/types';
import { usePhotoUpload } from '../hooks/use-photo-upload';
import { BackgroundPicker } from './background-picker';
import { ShootingTips } from './shooting-tips';
import './photo-step.scss';
import { ProgressBar } from '../../../shared/ui/progress-bar';

interface PhotoStepProps {
  spec: SpecDto;
  /** The person picked a background: go on to the form. */
  onNext: (photo: PhotoSessionDto, color: string) => void;
}

/** Tips, then camera or album, the upload with its progress, and the previews to choose a background from. */
export function PhotoStep({ spec, onNext }: PhotoStepProps) {
  const { stage, start, chooseColor, reset } = usePhotoUpload(spec.itemId);

  if (stage.kind === 'done') {
    return (
      <View className="photo-step">
        <BackgroundPicker previews={stage.photo.previews} value={stage.color} onChange={chooseColor} />
        <View className="photo-step__note">
          已按「{spec.name}」规格裁剪为 {spec.widthPx}×{spec.heightPx} 像素、{spec.dpi}dpi，照片中的拍摄位置等信息已清除
        </View>
        <View className="photo-step__actions">
          <Button className="photo-step__retake" fill="outline" onClick={reset}>
            重新拍摄
          </Button>
          <Button className="photo-step__next" type="primary" onClick={() => onNext(stage.photo, stage.color)}>
            下一步：填写信息
          </Button>
        </View>
      </View>
    );
  }

  const busy = stage.kind === 'uploading' || stage.kind === 'making';
  return (
    <View className="photo-step">
      <ShootingTips spec={spec} />
      {stage.kind === 'idle' && stage.error ? <View className="photo-step__error">{stage.error}</View> : null}
      {busy ? (
        <View className="photo-step__progress">
          <View className="photo-step__progress-text">
            {stage.kind === 'uploading' ? `正在上传照片… ${stage.percent}%` : '正在按规格制作证件照，请稍候…'}
          </View>
          <ProgressBar percent={stage.kind === 'uploading' ? stage.percent : 100} animated />
        </View>
      ) : (
        <View className="photo-step__actions">
          <Button className="photo-step__album" fill="outline" onClick={() => void start('album')}>
            从相册选择
          </Button>
          <Button className="photo-step__camera" type="primary" onClick={() => void start('camera')}>
            拍照
          </Button>
        </View>
      )}
    </View>
  );
}

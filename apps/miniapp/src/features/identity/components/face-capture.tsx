import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { PhotoSlot } from '../../../shared/photo/photo-slot';
import './face-capture.scss';

export const FACE_TIPS = [
  '本人正对镜头，露出完整的额头、眉毛和下巴',
  '光线充足均匀，避免背光和强烈阴影',
  '摘下眼镜、帽子和口罩，头发不要遮住脸',
  '不要使用美颜、滤镜，也不要翻拍照片或屏幕',
];

interface FaceCaptureProps {
  photoPath: string | null;
  /** Masked, for the person to check whose identity they are about to verify. */
  who: string;
  attemptsLeft?: number;
  onTake: () => void;
  onSubmit: () => void;
  /** Absent for a paid attempt: its identity was fixed when it was created. */
  onEditInfo?: () => void;
}

/** Guidance first, then the front camera; the photo is shown back before it is sent. */
export function FaceCapture({ photoPath, who, attemptsLeft, onTake, onSubmit, onEditInfo }: FaceCaptureProps) {
  return (
    <View className="face-capture">
      <View className="face-capture__card">
        <View className="face-capture__who">
          认证身份：<Text className="face-capture__who-value">{who}</Text>
          {onEditInfo ? (
            <Text className="face-capture__edit" onClick={onEditInfo}>
              修改
            </Text>
          ) : null}
        </View>
        <PhotoSlot
          className="face-capture__frame"
          src={photoPath}
          imageClassName="face-capture__photo face-photo-preview"
          placeholder={
            <View className="face-capture__placeholder">
              <View className="face-capture__oval" />
              <Text className="face-capture__placeholder-text">点击拍摄本人正脸照片</Text>
            </View>
          }
          onPick={onTake}
        />
        <View className="face-tips">
          {FACE_TIPS.map((tip, index) => (
            <View key={tip} className="face-tips__item">
              <Text className="face-tips__index">{index + 1}</Text>
              <Text className="face-tips__text">{tip}</Text>
            </View>
          ))}
        </View>
      </View>
      <View className="face-capture__actions">
        {photoPath ? (
          <>
            <Button className="face-submit" type="primary" block onClick={onSubmit}>
              提交认证
            </Button>
            <Button className="face-retake" fill="outline" type="primary" block onClick={onTake}>
              重新拍摄
            </Button>
          </>
        ) : (
          <Button className="face-take" type="primary" block onClick={onTake}>
            拍摄人脸照片
          </Button>
        )}
        {attemptsLeft !== undefined ? (
          <View className="face-capture__attempts">今日还可认证 {attemptsLeft} 次</View>
        ) : null}
      </View>
    </View>
  );
}

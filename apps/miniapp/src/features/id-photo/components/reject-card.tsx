import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import './reject-card.scss';

interface RejectCardProps {
  reason: string;
  onEdit: () => void;
  onRetake: () => void;
}

/** Why the vendor refused, and the two ways to fix it. */
export function RejectCard({ reason, onEdit, onRetake }: RejectCardProps) {
  return (
    <View className="id-photo-reject">
      <View className="id-photo-reject__title">未通过原因</View>
      <View className="id-photo-reject__reason">{reason}</View>
      <View className="id-photo-reject__actions">
        <Button className="id-photo-reject__retake" fill="outline" onClick={onRetake}>
          重新拍照
        </Button>
        <Button className="id-photo-reject__edit" type="primary" onClick={onEdit}>
          修改信息重新提交
        </Button>
      </View>
    </View>
  );
}

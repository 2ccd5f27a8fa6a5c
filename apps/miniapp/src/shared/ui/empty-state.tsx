import { Button, Empty } from '@nutui/nutui-react-taro';
import { Image, View } from '@tarojs/components';
import emptyImage from '../../assets/empty.png';
import './empty-state.scss';

interface EmptyStateProps {
  title: string;
  description?: string;
  className?: string;
  action?: { text: string; onClick: () => void };
}

/** NutUI's Empty with our own picture (its default loads one from a third-party CDN) and one action. */
export function EmptyState({ title, description, className, action }: EmptyStateProps) {
  return (
    <View className={`empty-state ${className ?? ''}`}>
      <Empty
        image={<Image className="empty-state__image" src={emptyImage} mode="aspectFit" />}
        imageSize={120}
        title={title}
        description={description ?? ''}
      />
      {action ? (
        <View className="empty-state__actions">
          <Button className="empty-state__action" type="primary" size="small" onClick={action.onClick}>
            {action.text}
          </Button>
        </View>
      ) : null}
    </View>
  );
}

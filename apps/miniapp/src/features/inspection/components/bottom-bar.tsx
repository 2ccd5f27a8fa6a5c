import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { formatFen } from '../../../shared/format';
import './bottom-bar.scss';

interface BottomBarProps {
  priceFen?: number;
  priceLabel?: string;
  action: string;
  disabled?: boolean;
  loading?: boolean;
  onClick: () => void;
  className?: string;
}

/** The fixed bar at the foot of a step: the price so far and the one thing to do next. */
export function BottomBar({
  priceFen,
  priceLabel = '服务费',
  action,
  disabled,
  loading,
  onClick,
  className,
}: BottomBarProps) {
  return (
    <View className={`inspection-bottom-bar ${className ?? ''}`}>
      <View className="inspection-bottom-bar__price">
        {priceFen !== undefined ? (
          <>
            <Text className="inspection-bottom-bar__label">{priceLabel}</Text>
            <Text className="inspection-bottom-bar__amount">{formatFen(priceFen)}</Text>
          </>
        ) : null}
      </View>
      <Button
        className="inspection-bottom-bar__action"
        type="primary"
        disabled={disabled}
        loading={loading}
        onClick={onClick}
      >
        {action}
      </Button>
    </View>
  );
}

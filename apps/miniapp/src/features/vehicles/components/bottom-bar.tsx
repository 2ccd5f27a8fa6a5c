import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { formatFen } from '../../../shared/format';
import './bottom-bar.scss';

interface BottomBarProps {
  totalFen?: number;
  label?: ReactNode;
  action: string;
  disabled?: boolean;
  loading?: boolean;
  onClick: () => void;
}

/** The bar fixed at the foot of a page: the amount so far and the one thing to do next. */
export function BottomBar({ totalFen, label, action, disabled, loading, onClick }: BottomBarProps) {
  return (
    <View className="vehicles-bottom-bar">
      <View className="vehicles-bottom-bar__price">
        {label ? <Text className="vehicles-bottom-bar__label">{label}</Text> : null}
        {totalFen !== undefined ? <Text className="vehicles-bottom-bar__amount">{formatFen(totalFen)}</Text> : null}
      </View>
      <Button
        className="vehicles-bottom-bar__action"
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

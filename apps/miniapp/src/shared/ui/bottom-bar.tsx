import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { formatFen } from '../format';
import './bottom-bar.scss';

interface BottomBarProps {
  /** The feature's block beside `bottom-bar` (e.g. `vehicles-bottom-bar`): its tests select on it. */
  block: string;
  /** Said before the amount (合计, 应付, 服务费…), or alone when there is no amount yet. */
  label?: ReactNode;
  totalFen?: number;
  action: string;
  disabled?: boolean;
  loading?: boolean;
  onClick: () => void;
}

/**
 * The bar fixed at the foot of a step: the amount so far and the one thing to do next. The page above it
 * takes `with-bottom-bar`, so the bar never covers its last lines.
 */
export function BottomBar({ block, label, totalFen, action, disabled, loading, onClick }: BottomBarProps) {
  return (
    <View className={`bottom-bar ${block}`}>
      <View className={`bottom-bar__price ${block}__price`}>
        {label ? <Text className={`bottom-bar__label ${block}__label`}>{label}</Text> : null}
        {totalFen !== undefined ? (
          <Text className={`bottom-bar__amount ${block}__amount`}>{formatFen(totalFen)}</Text>
        ) : null}
      </View>
      <Button
        className={`bottom-bar__action ${block}__action`}
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

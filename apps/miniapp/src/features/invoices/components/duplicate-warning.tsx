import { Text, View } from '@tarojs/components';
import { formatDateTime } from '../../../shared/format';
import type { DuplicateRef } from '../api/types';
import './duplicate-warning.scss';

/** Says plainly that this bill was scanned before, which scan it repeats, and that it is not counted twice. */
export function DuplicateWarning({ original, onOpen }: { original: DuplicateRef; onOpen: () => void }) {
  return (
    <View className="duplicate-warning">
      <View className="duplicate-warning__title">重复票据</View>
      <View className="duplicate-warning__text">
        这张票据已于 {formatDateTime(original.scannedAt)} 扫描过（订单号 {original.orderNo}）
        {original.reimbursedAt ? '，并已标记为报销' : ''}。本次扫描不计入合计，请勿重复报销。
      </View>
      <Text className="duplicate-warning__link" onClick={onOpen}>
        查看原票据 ›
      </Text>
    </View>
  );
}

import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { showError } from '../../../shared/api/request';
import { orderExporter } from '../api/export-orders';
import type { ConsoleOrderQuery, ExportFormat } from '../api/types';
import './export-bar.scss';

const LABELS: Record<ExportFormat, string> = { csv: '导出 CSV', xlsx: '导出 Excel' };

/** Exports every order matching the current filters (not only the rows loaded so far). */
export function ExportBar({ query, total }: { query: ConsoleOrderQuery; total: number | undefined }) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const run = async (format: ExportFormat) => {
    setBusy(format);
    try {
      await orderExporter.exportOrders(query, format);
      void Taro.showToast({ title: '已导出', icon: 'success' });
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  };
  return (
    <View className="export-bar">
      <Text className="export-bar__hint">
        {total === undefined ? '按当前筛选导出' : `按当前筛选导出 ${total} 条（已脱敏）`}
      </Text>
      <View className="export-bar__buttons">
        {orderExporter.formats.map((format) => (
          <Button
            key={format}
            className={`export-bar__button export-${format}`}
            size="small"
            fill="outline"
            loading={busy === format}
            disabled={busy !== null || total === 0}
            onClick={() => void run(format)}
          >
            {LABELS[format]}
          </Button>
        ))}
      </View>
    </View>
  );
}

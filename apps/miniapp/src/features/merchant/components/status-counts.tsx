import { ScrollView, Text, View } from '@tarojs/components';
import type { OrderStatus } from '../../../shared/api/types';
import { ORDER_STATUSES, statusLabel } from '../../../shared/labels';
import type { OrderCountsDto } from '../api/types';
import './status-counts.scss';

interface StatusCountsProps {
  counts: OrderCountsDto | undefined;
  /** The status filter in use; null is 全部. */
  value: OrderStatus | null;
  onChange: (status: OrderStatus | null) => void;
}

/** How many orders the filters match, per status; a tap filters by that status. */
export function StatusCounts({ counts, value, onChange }: StatusCountsProps) {
  const items: Array<{ key: OrderStatus | null; label: string; count: number | undefined }> = [
    { key: null, label: '全部', count: counts?.total },
    ...ORDER_STATUSES.map((status) => ({ key: status, label: statusLabel(status), count: counts?.byStatus[status] })),
  ];
  return (
    <ScrollView className="status-counts" scrollX enhanced showScrollbar={false}>
      <View className="status-counts__row">
        {items.map((item) => (
          <View
            key={item.key ?? 'all'}
            className={`status-count status-count--${item.key ?? 'all'}${item.key === value ? ' status-count--active' : ''}`}
            onClick={() => onChange(item.key)}
          >
            <Text className="status-count__number">{item.count ?? '–'}</Text>
            <Text className="status-count__label">{item.label}</Text>
          </View>
        ))}
      </View>
    </ScrollView>
  );
}

import { Text, View } from '@tarojs/components';
import { formatFen } from '../../../shared/format';
import { ListFooter } from '../../../shared/ui/list-footer';
import { EmptyState } from '../../../shared/ui/empty-state';
import { LoadError } from '../../../shared/ui/load-error';
import { PageSkeleton } from '../../../shared/ui/page-skeleton';
import type { CursorListState } from '../../../shared/hooks/use-cursor-list';
import type { InvoiceScanSummary, MonthTotals } from '../api/types';
import { groupByMonth } from '../group-by-month';
import { monthLabel } from '../labels';
import { InvoiceCard } from './invoice-card';
import './invoice-month-list.scss';

interface InvoiceMonthListProps {
  list: CursorListState<InvoiceScanSummary>;
  months: MonthTotals[];
  filtered: boolean;
  onOpen: (scan: InvoiceScanSummary) => void;
}

function monthSummary(totals: MonthTotals | null): string {
  if (!totals) return '';
  const parts = [`${totals.count} 张`, formatFen(totals.amountFen)];
  if (totals.duplicates) parts.push(`重复 ${totals.duplicates} 张未计入`);
  return parts.join(' · ');
}

/** Scans grouped by the month of the bill, each month with its own count and amount. */
export function InvoiceMonthList({ list, months, filtered, onOpen }: InvoiceMonthListProps) {
  if (list.loading) return <PageSkeleton cards={3} />;
  if (list.items.length === 0 && list.error) {
    return <LoadError className="invoice-list-error" error={list.error} onRetry={() => void list.refresh()} />;
  }
  if (list.items.length === 0) {
    return (
      <EmptyState
        className="invoice-list-empty"
        title={filtered ? '没有符合条件的票据' : '还没有票据'}
        description={filtered ? '换个筛选条件试试' : '拍一张发票或扫一下发票二维码，识别结果会按月份整理在这里'}
      />
    );
  }
  return (
    <View className="invoice-month-list">
      {groupByMonth(list.items, months).map((group) => (
        <View key={group.month} className="invoice-month">
          <View className="invoice-month__head">
            <Text className="invoice-month__label">{monthLabel(group.month)}</Text>
            <Text className="invoice-month__totals">{monthSummary(group.totals)}</Text>
          </View>
          <View className="invoice-month__items">
            {group.items.map((scan) => (
              <InvoiceCard key={scan.id} scan={scan} onClick={() => onOpen(scan)} />
            ))}
          </View>
        </View>
      ))}
      <ListFooter
        loadingMore={list.loadingMore}
        hasMore={list.hasMore}
        failed={!!list.error}
        onLoadMore={() => void list.loadMore()}
      />
    </View>
  );
}

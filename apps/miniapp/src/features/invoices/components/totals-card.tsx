import { Text, View } from '@tarojs/components';
import { formatFen } from '../../../shared/format';
import type { InvoiceTotals } from '../api/types';
import './totals-card.scss';

interface TotalsCardProps {
  totals: InvoiceTotals | null;
  onExport: () => void;
  exporting: boolean;
}

/** What the filtered bills add up to, duplicates left out, and the export of exactly those bills. */
export function TotalsCard({ totals, onExport, exporting }: TotalsCardProps) {
  return (
    <View className="totals-card">
      <View className="totals-card__figures">
        <View className="totals-card__figure">
          <Text className="totals-card__value">{totals ? formatFen(totals.amountFen) : '—'}</Text>
          <Text className="totals-card__label">合计金额</Text>
        </View>
        <View className="totals-card__figure">
          <Text className="totals-card__value">{totals ? totals.count : '—'}</Text>
          <Text className="totals-card__label">票据张数</Text>
        </View>
        <View className="totals-card__export" hoverClass="totals-card__export--pressed" onClick={onExport}>
          {exporting ? '导出中…' : '导出'}
        </View>
      </View>
      {totals && totals.duplicates > 0 ? (
        <View className="totals-card__note">有 {totals.duplicates} 张重复扫描的票据，未计入合计</View>
      ) : null}
    </View>
  );
}

import { Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { InvoiceScanSummary } from '../api/types';
import { amountLabel, SCAN_STATUS_LABELS, typeLabelOf } from '../labels';
import './invoice-card.scss';

function badge(scan: InvoiceScanSummary): { text: string; color: string } | null {
  if (scan.status === 'unpaid') return { text: SCAN_STATUS_LABELS.unpaid, color: '#ff8f1f' };
  if (scan.status === 'closed') return { text: SCAN_STATUS_LABELS.closed, color: '#9a9a9a' };
  if (scan.status === 'recognising') return { text: SCAN_STATUS_LABELS.recognising, color: '#1677ff' };
  if (scan.status === 'failed') return { text: SCAN_STATUS_LABELS.failed, color: '#fa5151' };
  if (scan.duplicateOf) return { text: '重复', color: '#ff8f1f' };
  if (scan.reimbursedAt) return { text: '已报销', color: '#9a9a9a' };
  return null;
}

/** One bill in the list: its type, amount, date and number, and what needs attention. */
export function InvoiceCard({ scan, onClick }: { scan: InvoiceScanSummary; onClick: () => void }) {
  const tag = badge(scan);
  const number = scan.invoiceNumber ? `No. ${scan.invoiceNumber}` : null;
  return (
    <View
      className={`invoice-card invoice-card--${scan.status}${scan.duplicateOf ? ' invoice-card--duplicate' : ''}`}
      hoverClass="invoice-card--pressed"
      onClick={onClick}
    >
      <View className="invoice-card__main">
        <View className="invoice-card__title">
          <Text className="invoice-card__type">{typeLabelOf(scan)}</Text>
          {tag ? (
            <Tag className="invoice-card__tag" plain round background={tag.color}>
              {tag.text}
            </Tag>
          ) : null}
        </View>
        <Text className={`invoice-card__amount${scan.duplicateOf ? ' is-struck' : ''}`}>
          {scan.status === 'recognised' ? amountLabel(scan.amountFen) : ''}
        </Text>
      </View>
      <View className="invoice-card__meta">
        <Text>{scan.issueDate ?? (scan.status === 'failed' ? (scan.failureMessage ?? '') : '正在识别，请稍候')}</Text>
        {number ? <Text className="invoice-card__number">{number}</Text> : null}
      </View>
    </View>
  );
}

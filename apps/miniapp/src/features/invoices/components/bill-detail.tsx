import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { Bill, InvoiceScan, VatItem } from '../api/types';
import { billFields, partyFields, qrFields, type BillField } from '../bill-fields';
import { amountLabel, dateLabel, typeLabelOf } from '../labels';
import { formatFen } from '../../../shared/format';
import './bill-detail.scss';

function FieldList({ title, fields }: { title?: string; fields: BillField[] }) {
  if (fields.length === 0) return null;
  return (
    <CellGroup className="bill-fields" title={title}>
      {fields.map((field) => (
        <Cell
          key={field.label}
          className="bill-field"
          title={field.label}
          extra={<View className="bill-field__value">{field.value}</View>}
        />
      ))}
    </CellGroup>
  );
}

const pairs = (list: Array<[string, string | undefined]>): BillField[] =>
  list.filter((pair): pair is [string, string] => !!pair[1]).map(([label, value]) => ({ label, value }));

/** 货物或应税劳务、服务名称 …: one block per item, the amount on the right, the rest on a second line. */
function VatItems({ items }: { items: VatItem[] }) {
  if (items.length === 0) return null;
  return (
    <View className="vat-items">
      <View className="vat-items__title">货物或应税劳务、服务明细</View>
      {items.map((item, index) => {
        const quantity = item.quantity ? `${item.quantity}${item.unit ?? ''}` : undefined;
        const price = item.unitPrice ? `单价 ${item.unitPrice}` : undefined;
        const details = [item.specification, quantity && price ? `${quantity} × ${price}` : (quantity ?? price)];
        const tax = [
          item.taxRate ? `税率 ${item.taxRate}` : undefined,
          item.taxFen === undefined ? undefined : `税额 ${formatFen(item.taxFen)}`,
        ];
        return (
          <View key={index} className="vat-item">
            <View className="vat-item__main">
              <Text className="vat-item__name">{item.name ?? '（未识别名称）'}</Text>
              <Text className="vat-item__amount">{item.amountFen === undefined ? '—' : formatFen(item.amountFen)}</Text>
            </View>
            <View className="vat-item__sub">{details.filter(Boolean).join(' · ')}</View>
            <View className="vat-item__sub">{tax.filter(Boolean).join(' · ')}</View>
          </View>
        );
      })}
    </View>
  );
}

/** A railway or air ticket: laid out like the ticket, the passenger and ID number masked by the server. */
function TicketCard({ bill }: { bill: Bill }) {
  return (
    <View className={`ticket-card ticket-card--${bill.type}`}>
      <View className="ticket-card__row">
        <View className="ticket-card__cell">
          <Text className="ticket-card__label">{bill.type === 'train' ? '乘车人' : '旅客'}</Text>
          <Text className="ticket-card__value ticket-card__passenger">{bill.fullName ?? '—'}</Text>
        </View>
        <View className="ticket-card__cell ticket-card__cell--right">
          <Text className="ticket-card__label">票价</Text>
          <Text className="ticket-card__value">{amountLabel(bill.amountFen)}</Text>
        </View>
      </View>
      <View className="ticket-card__row">
        <View className="ticket-card__cell">
          <Text className="ticket-card__label">证件号码</Text>
          <Text className="ticket-card__value ticket-card__id">{bill.idNumber ?? '—'}</Text>
        </View>
        <View className="ticket-card__cell ticket-card__cell--right">
          <Text className="ticket-card__label">{bill.type === 'train' ? '乘车日期' : '乘机日期'}</Text>
          <Text className="ticket-card__value">{dateLabel(bill.signDate)}</Text>
        </View>
      </View>
    </View>
  );
}

/** A taxi receipt: the ride's time and the car, what a reimbursement clerk looks at. */
function TaxiCard({ bill }: { bill: Bill }) {
  return (
    <View className="taxi-card">
      <View className="taxi-card__item">
        <Text className="taxi-card__label">乘车时间</Text>
        <Text className="taxi-card__value">{bill.time ?? '—'}</Text>
      </View>
      <View className="taxi-card__item">
        <Text className="taxi-card__label">车号</Text>
        <Text className="taxi-card__value">{bill.licenseNumber ?? '—'}</Text>
      </View>
    </View>
  );
}

function BillBody({ bill }: { bill: Bill }) {
  switch (bill.type) {
    case 'train':
    case 'flight':
      return (
        <>
          <TicketCard bill={bill} />
          <FieldList
            title="票面信息"
            fields={billFields(bill).filter((field) => !/乘车人|旅客|证件|票价|日期/.test(field.label))}
          />
        </>
      );
    case 'taxi':
      return (
        <>
          <TaxiCard bill={bill} />
          <FieldList title="票面信息" fields={billFields(bill).filter((field) => !/乘车时间|车号/.test(field.label))} />
        </>
      );
    case 'vat_special':
    case 'vat_ordinary':
      return (
        <>
          <FieldList title="发票信息" fields={billFields(bill)} />
          <VatItems items={bill.items ?? []} />
          <FieldList title="购买方" fields={pairs(partyFields('', bill.payer))} />
          <FieldList title="销售方" fields={pairs(partyFields('', bill.payee))} />
        </>
      );
    default:
      return <FieldList title="票面信息" fields={billFields(bill)} />;
  }
}

/** The recognised bill: a summary on top, then a view made for its type (or the fields of its QR code). */
export function BillDetail({ scan }: { scan: InvoiceScan }) {
  return (
    <View className="bill-detail">
      <View className="bill-summary">
        <View className="bill-summary__type">
          {typeLabelOf(scan)}
          {scan.fullyDigital && !scan.typeLabel?.includes('数电') ? (
            <Text className="bill-summary__badge">数电</Text>
          ) : null}
        </View>
        <View className="bill-summary__amount">{amountLabel(scan.amountFen)}</View>
        <View className="bill-summary__meta">
          <Text>{dateLabel(scan.issueDate)}</Text>
          {scan.invoiceNumber ? <Text className="bill-summary__number">No. {scan.invoiceNumber}</Text> : null}
        </View>
      </View>
      {scan.bill ? <BillBody bill={scan.bill} /> : null}
      {!scan.bill && scan.qr ? <FieldList title="二维码信息" fields={qrFields(scan.qr)} /> : null}
      {scan.warnings.length ? (
        <View className="bill-warnings">部分内容未能识别，请与纸质票据核对：{scan.warnings.length} 项</View>
      ) : null}
    </View>
  );
}

import { Form, Input } from 'antd';
import { KIND_LABELS, ORDER_KINDS } from '@miniapp-shared/labels';
import {
  AmountRangeItem,
  appliesAtOnce,
  ChoiceItem,
  DateRangeItem,
  FilterActions,
  rangesFromForm,
  rangesToForm,
  type RangeFormValues,
} from '../shared/filter-form';
import { DEFAULT_PAYMENT_FILTERS, PAYMENT_STATUS_GROUPS, type PaymentFilters } from './payment-filters';

interface FormValues extends RangeFormValues {
  status?: string;
  kind?: string;
  orderNo?: string;
}

const STATUS_OPTIONS = Object.entries(PAYMENT_STATUS_GROUPS).map(([value, group]) => ({ value, label: group.label }));
const KIND_OPTIONS = ORDER_KINDS.map((value) => ({ value, label: KIND_LABELS[value] }));

function toForm(filters: PaymentFilters): FormValues {
  return { ...rangesToForm(filters), status: filters.status, kind: filters.kind, orderNo: filters.orderNo };
}

function fromForm(values: FormValues, size: PaymentFilters['size']): PaymentFilters {
  return {
    ...rangesFromForm(values),
    size,
    status: (values.status || undefined) as PaymentFilters['status'],
    kind: (values.kind || undefined) as PaymentFilters['kind'],
    orderNo: values.orderNo?.trim() || undefined,
  };
}

/** The payments' filters, always visible above the table: choices apply at once, typed ones on Enter or 查询. */
export function PaymentFilterBar({
  filters,
  onApply,
}: {
  filters: PaymentFilters;
  onApply(next: PaymentFilters): void;
}) {
  const [form] = Form.useForm<FormValues>();
  const apply = () => onApply(fromForm(form.getFieldsValue(), filters.size));
  return (
    <Form
      form={form}
      key={JSON.stringify(filters)}
      className="filter-bar payment-filter-bar"
      layout="inline"
      initialValues={toForm(filters)}
      onFinish={apply}
      onValuesChange={(changed: FormValues) => {
        if (appliesAtOnce(changed, ['kind', 'status', 'range'])) apply();
      }}
    >
      <ChoiceItem
        name="status"
        label="支付状态"
        className="pay-filter-status"
        placeholder="全部"
        options={STATUS_OPTIONS}
        width={110}
      />
      <ChoiceItem
        name="kind"
        label="业务"
        className="pay-filter-kind"
        placeholder="全部业务"
        options={KIND_OPTIONS}
        width={130}
      />
      <DateRangeItem prefix="pay-filter" />
      <Form.Item name="orderNo" label="订单号">
        <Input className="pay-filter-order-no" placeholder="订单号 / 商户订单号" style={{ width: 180 }} allowClear />
      </Form.Item>
      <AmountRangeItem prefix="pay-filter" />
      <FilterActions prefix="pay-filter" onReset={() => onApply({ ...DEFAULT_PAYMENT_FILTERS, size: filters.size })} />
    </Form>
  );
}

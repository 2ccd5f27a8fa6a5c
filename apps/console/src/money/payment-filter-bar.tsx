import { Form, Input, Select } from 'antd';
import { KIND_LABELS, ORDER_KINDS } from '@miniapp-shared/labels';
import {
  AmountRangeItem,
  appliesAtOnce,
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
      <Form.Item name="status" label="支付状态">
        <Select
          className="pay-filter-status"
          allowClear
          placeholder="全部"
          options={STATUS_OPTIONS}
          style={{ width: 110 }}
        />
      </Form.Item>
      <Form.Item name="kind" label="业务">
        <Select
          className="pay-filter-kind"
          allowClear
          placeholder="全部业务"
          options={KIND_OPTIONS}
          style={{ width: 130 }}
        />
      </Form.Item>
      <DateRangeItem prefix="pay-filter" />
      <Form.Item name="orderNo" label="订单号">
        <Input className="pay-filter-order-no" placeholder="订单号 / 商户订单号" style={{ width: 180 }} allowClear />
      </Form.Item>
      <AmountRangeItem prefix="pay-filter" />
      <FilterActions prefix="pay-filter" onReset={() => onApply({ ...DEFAULT_PAYMENT_FILTERS, size: filters.size })} />
    </Form>
  );
}

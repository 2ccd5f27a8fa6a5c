import { Form, Input } from 'antd';
import { KIND_LABELS, ORDER_KINDS, ORDER_STATUSES, STATUS_LABELS } from '@miniapp-shared/labels';
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
import { DEFAULT_FILTERS, type OrderFilters } from './filters';

interface FormValues extends RangeFormValues {
  kind?: string;
  status?: string;
  phoneLast4?: string;
  vendorRef?: string;
  orderNo?: string;
}

const KIND_OPTIONS = ORDER_KINDS.map((value) => ({ value, label: KIND_LABELS[value] }));
const STATUS_OPTIONS = ORDER_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }));

function toForm(filters: OrderFilters): FormValues {
  return {
    ...rangesToForm(filters),
    kind: filters.kind,
    status: filters.status,
    phoneLast4: filters.phoneLast4,
    vendorRef: filters.vendorRef,
    orderNo: filters.orderNo,
  };
}

function fromForm(values: FormValues, base: OrderFilters): OrderFilters {
  return {
    ...rangesFromForm(values),
    sort: base.sort,
    size: base.size,
    kind: (values.kind || undefined) as OrderFilters['kind'],
    status: (values.status || undefined) as OrderFilters['status'],
    phoneLast4: values.phoneLast4?.trim() || undefined,
    vendorRef: values.vendorRef?.trim() || undefined,
    orderNo: values.orderNo?.trim() || undefined,
  };
}

/**
 * Every filter, always visible above the table. Choices (service, status, dates) apply at once;
 * typed ones on Enter or 查询. The form is re-made from the URL whenever the URL changes.
 */
export function FilterBar({ filters, onApply }: { filters: OrderFilters; onApply(next: OrderFilters): void }) {
  const [form] = Form.useForm<FormValues>();
  const apply = () => onApply(fromForm(form.getFieldsValue(), filters));
  return (
    <Form
      form={form}
      key={JSON.stringify(filters)}
      className="filter-bar"
      layout="inline"
      initialValues={toForm(filters)}
      onFinish={apply}
      onValuesChange={(changed: FormValues) => {
        if (appliesAtOnce(changed, ['kind', 'status', 'range'])) apply();
      }}
    >
      <ChoiceItem
        name="kind"
        label="业务"
        className="filter-kind"
        placeholder="全部业务"
        options={KIND_OPTIONS}
        width={130}
      />
      <ChoiceItem
        name="status"
        label="状态"
        className="filter-status"
        placeholder="全部状态"
        options={STATUS_OPTIONS}
        width={110}
      />
      <DateRangeItem prefix="filter" />
      <Form.Item name="phoneLast4" label="手机尾号" rules={[{ pattern: /^\d{4}$/, message: '请输入 4 位数字' }]}>
        <Input className="filter-phone" placeholder="4 位数字" maxLength={4} style={{ width: 96 }} allowClear />
      </Form.Item>
      <Form.Item name="vendorRef" label="服务商单号">
        <Input className="filter-vendor-ref" placeholder="完整单号" style={{ width: 140 }} allowClear />
      </Form.Item>
      <Form.Item name="orderNo" label="订单号">
        <Input className="filter-order-no" placeholder="完整订单号" style={{ width: 150 }} allowClear />
      </Form.Item>
      <AmountRangeItem prefix="filter" />
      <FilterActions prefix="filter" onReset={() => onApply({ ...DEFAULT_FILTERS, size: filters.size })} />
    </Form>
  );
}

import { Button, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { KIND_LABELS, ORDER_KINDS } from '@miniapp-shared/labels';
import { DEFAULT_PAYMENT_FILTERS, PAYMENT_STATUS_GROUPS, type PaymentFilters } from './payment-filters';

interface FormValues {
  status?: string;
  kind?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
  orderNo?: string;
  minYuan?: number | null;
  maxYuan?: number | null;
}

const STATUS_OPTIONS = Object.entries(PAYMENT_STATUS_GROUPS).map(([value, group]) => ({ value, label: group.label }));
const KIND_OPTIONS = ORDER_KINDS.map((value) => ({ value, label: KIND_LABELS[value] }));
const DAY = 'YYYY-MM-DD';
const day = (text?: string) => (text ? dayjs(text) : null);
const yuanText = (value: number | null | undefined) =>
  value === null || value === undefined ? undefined : String(Math.round(value * 100) / 100);

function toForm(filters: PaymentFilters): FormValues {
  return {
    status: filters.status,
    kind: filters.kind,
    range: filters.from || filters.to ? [day(filters.from), day(filters.to)] : null,
    orderNo: filters.orderNo,
    minYuan: filters.minYuan ? Number(filters.minYuan) : null,
    maxYuan: filters.maxYuan ? Number(filters.maxYuan) : null,
  };
}

function fromForm(values: FormValues, size: PaymentFilters['size']): PaymentFilters {
  const [from, to] = values.range ?? [null, null];
  return {
    size,
    status: (values.status || undefined) as PaymentFilters['status'],
    kind: (values.kind || undefined) as PaymentFilters['kind'],
    from: from?.format(DAY),
    to: to?.format(DAY),
    orderNo: values.orderNo?.trim() || undefined,
    minYuan: yuanText(values.minYuan),
    maxYuan: yuanText(values.maxYuan),
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
        if ('kind' in changed || 'status' in changed || 'range' in changed) apply();
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
      <Form.Item name="range" label="下单日期">
        <DatePicker.RangePicker className="pay-filter-range" allowEmpty={[true, true]} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="orderNo" label="订单号">
        <Input className="pay-filter-order-no" placeholder="订单号 / 商户订单号" style={{ width: 180 }} allowClear />
      </Form.Item>
      <Form.Item label="金额(元)">
        <Space.Compact>
          <Form.Item name="minYuan" noStyle>
            <InputNumber className="pay-filter-min" min={0} precision={2} placeholder="最低" style={{ width: 90 }} />
          </Form.Item>
          <Form.Item name="maxYuan" noStyle>
            <InputNumber className="pay-filter-max" min={0} precision={2} placeholder="最高" style={{ width: 90 }} />
          </Form.Item>
        </Space.Compact>
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" className="pay-filter-submit">
            查询
          </Button>
          <Button
            className="pay-filter-reset"
            onClick={() => onApply({ ...DEFAULT_PAYMENT_FILTERS, size: filters.size })}
          >
            重置
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}

import { Button, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { KIND_LABELS, ORDER_KINDS, ORDER_STATUSES, STATUS_LABELS } from '@miniapp-shared/labels';
import { DEFAULT_FILTERS, type OrderFilters } from './filters';

interface FormValues {
  kind?: string;
  status?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
  phoneLast4?: string;
  vendorRef?: string;
  orderNo?: string;
  minYuan?: number | null;
  maxYuan?: number | null;
}

const KIND_OPTIONS = ORDER_KINDS.map((value) => ({ value, label: KIND_LABELS[value] }));
const STATUS_OPTIONS = ORDER_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }));
const DAY = 'YYYY-MM-DD';

function toForm(filters: OrderFilters): FormValues {
  return {
    kind: filters.kind,
    status: filters.status,
    range:
      filters.from || filters.to
        ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]
        : null,
    phoneLast4: filters.phoneLast4,
    vendorRef: filters.vendorRef,
    orderNo: filters.orderNo,
    minYuan: filters.minYuan ? Number(filters.minYuan) : null,
    maxYuan: filters.maxYuan ? Number(filters.maxYuan) : null,
  };
}

const yuanText = (value: number | null | undefined) =>
  value === null || value === undefined ? undefined : String(Math.round(value * 100) / 100);

function fromForm(values: FormValues, base: OrderFilters): OrderFilters {
  const [from, to] = values.range ?? [null, null];
  return {
    sort: base.sort,
    size: base.size,
    kind: (values.kind || undefined) as OrderFilters['kind'],
    status: (values.status || undefined) as OrderFilters['status'],
    from: from?.format(DAY),
    to: to?.format(DAY),
    phoneLast4: values.phoneLast4?.trim() || undefined,
    vendorRef: values.vendorRef?.trim() || undefined,
    orderNo: values.orderNo?.trim() || undefined,
    minYuan: yuanText(values.minYuan),
    maxYuan: yuanText(values.maxYuan),
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
        if ('kind' in changed || 'status' in changed || 'range' in changed) apply();
      }}
    >
      <Form.Item name="kind" label="业务">
        <Select
          className="filter-kind"
          allowClear
          placeholder="全部业务"
          options={KIND_OPTIONS}
          style={{ width: 130 }}
        />
      </Form.Item>
      <Form.Item name="status" label="状态">
        <Select
          className="filter-status"
          allowClear
          placeholder="全部状态"
          options={STATUS_OPTIONS}
          style={{ width: 110 }}
        />
      </Form.Item>
      <Form.Item name="range" label="下单日期">
        <DatePicker.RangePicker className="filter-range" allowEmpty={[true, true]} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="phoneLast4" label="手机尾号" rules={[{ pattern: /^\d{4}$/, message: '请输入 4 位数字' }]}>
        <Input className="filter-phone" placeholder="4 位数字" maxLength={4} style={{ width: 96 }} allowClear />
      </Form.Item>
      <Form.Item name="vendorRef" label="服务商单号">
        <Input className="filter-vendor-ref" placeholder="完整单号" style={{ width: 140 }} allowClear />
      </Form.Item>
      <Form.Item name="orderNo" label="订单号">
        <Input className="filter-order-no" placeholder="完整订单号" style={{ width: 150 }} allowClear />
      </Form.Item>
      <Form.Item label="金额(元)">
        <Space.Compact>
          <Form.Item name="minYuan" noStyle>
            <InputNumber className="filter-min" min={0} precision={2} placeholder="最低" style={{ width: 90 }} />
          </Form.Item>
          <Form.Item name="maxYuan" noStyle>
            <InputNumber className="filter-max" min={0} precision={2} placeholder="最高" style={{ width: 90 }} />
          </Form.Item>
        </Space.Compact>
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" className="filter-submit">
            查询
          </Button>
          <Button className="filter-reset" onClick={() => onApply({ ...DEFAULT_FILTERS, size: filters.size })}>
            重置
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}

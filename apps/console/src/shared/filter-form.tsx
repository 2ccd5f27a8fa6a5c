import { Button, DatePicker, Form, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

/**
 * What the merchant's filter bars share: the 下单日期 range, the 金额(元) range and the 查询 / 重置
 * buttons, with their conversions between the URL's filters (`YYYY-MM-DD`, yuan as typed) and the
 * form's values (dayjs, numbers). Each bar adds its own fields around them.
 */
export interface RangeFormValues {
  range?: [Dayjs | null, Dayjs | null] | null;
  minYuan?: number | null;
  maxYuan?: number | null;
}

export interface RangeFilters {
  from?: string;
  to?: string;
  minYuan?: string;
  maxYuan?: string;
}

const DAY = 'YYYY-MM-DD';
const day = (text?: string) => (text ? dayjs(text) : null);
const yuanNumber = (text?: string) => (text ? Number(text) : null);
const yuanText = (value: number | null | undefined) =>
  value === null || value === undefined ? undefined : String(Math.round(value * 100) / 100);

export function rangesToForm(filters: RangeFilters): RangeFormValues {
  return {
    range: filters.from || filters.to ? [day(filters.from), day(filters.to)] : null,
    minYuan: yuanNumber(filters.minYuan),
    maxYuan: yuanNumber(filters.maxYuan),
  };
}

export function rangesFromForm(values: RangeFormValues): RangeFilters {
  const [from, to] = values.range ?? [null, null];
  return {
    from: from?.format(DAY),
    to: to?.format(DAY),
    minYuan: yuanText(values.minYuan),
    maxYuan: yuanText(values.maxYuan),
  };
}

/** A change of one of these fields applies the filters at once; typed ones wait for Enter or 查询. */
export const appliesAtOnce = (changed: object, fields: string[]) => fields.some((field) => field in changed);

/** `prefix` keeps each bar's class names (`filter-range`, `pay-filter-range`, …) that tests select on. */
export function DateRangeItem({ prefix }: { prefix: string }) {
  return (
    <Form.Item name="range" label="下单日期">
      <DatePicker.RangePicker className={`${prefix}-range`} allowEmpty={[true, true]} style={{ width: 220 }} />
    </Form.Item>
  );
}

export function AmountRangeItem({ prefix }: { prefix: string }) {
  return (
    <Form.Item label="金额(元)">
      <Space.Compact>
        <Form.Item name="minYuan" noStyle>
          <InputNumber className={`${prefix}-min`} min={0} precision={2} placeholder="最低" style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="maxYuan" noStyle>
          <InputNumber className={`${prefix}-max`} min={0} precision={2} placeholder="最高" style={{ width: 90 }} />
        </Form.Item>
      </Space.Compact>
    </Form.Item>
  );
}

export function FilterActions({ prefix, onReset }: { prefix: string; onReset(): void }) {
  return (
    <Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" className={`${prefix}-submit`}>
          查询
        </Button>
        <Button className={`${prefix}-reset`} onClick={onReset}>
          重置
        </Button>
      </Space>
    </Form.Item>
  );
}

/** A choice among a few values (status, service), cleared back to 全部. */
export function ChoiceItem(props: {
  name: string;
  label: string;
  className: string;
  placeholder: string;
  options: { value: string; label: string }[];
  width: number;
}) {
  return (
    <Form.Item name={props.name} label={props.label}>
      <Select
        className={props.className}
        allowClear
        placeholder={props.placeholder}
        options={props.options}
        style={{ width: props.width }}
      />
    </Form.Item>
  );
}

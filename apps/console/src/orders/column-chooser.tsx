import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover } from 'antd';
import { useState } from 'react';
import { DEFAULT_VISIBLE, ORDER_COLUMNS, type OrderColumnKey } from './order-columns';

const STORAGE_KEY = 'banshi.console.order-columns';

/** The visible columns, remembered in this browser. */
export function useVisibleColumns(): [OrderColumnKey[], (keys: OrderColumnKey[]) => void] {
  const [visible, setVisible] = useState<OrderColumnKey[]>(() => {
    try {
      const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as string[] | null;
      const known = stored?.filter((key): key is OrderColumnKey => ORDER_COLUMNS.some((c) => c.key === key));
      return known && known.length > 0 ? known : DEFAULT_VISIBLE;
    } catch {
      return DEFAULT_VISIBLE;
    }
  });
  const update = (keys: OrderColumnKey[]) => {
    setVisible(keys);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(keys));
  };
  return [visible, update];
}

export function ColumnChooser({
  visible,
  onChange,
}: {
  visible: OrderColumnKey[];
  onChange(keys: OrderColumnKey[]): void;
}) {
  const content = (
    <Checkbox.Group
      className="column-chooser"
      style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
      value={visible}
      options={ORDER_COLUMNS.map((c) => ({ value: c.key, label: c.title, disabled: c.key === 'orderNo' }))}
      onChange={(keys) => onChange(keys as OrderColumnKey[])}
    />
  );
  return (
    <Popover content={content} title="显示的列" trigger="click" placement="bottomRight">
      <Button className="column-chooser-button" icon={<SettingOutlined />}>
        列设置
      </Button>
    </Popover>
  );
}

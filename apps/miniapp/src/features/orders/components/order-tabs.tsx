import { Tabs } from '@nutui/nutui-react-taro';
import type { MyOrderTab } from '../api/list-my-orders';
import './order-tabs.scss';

export const ORDER_TABS: { value: MyOrderTab; title: string }[] = [
  { value: 'all', title: '全部' },
  { value: 'awaiting_payment', title: '待支付' },
  { value: 'in_progress', title: '办理中' },
  { value: 'action_required', title: '待处理' },
  { value: 'completed', title: '已完成' },
  { value: 'closed', title: '已关闭' },
];

/** The status tabs over 我的订单. */
export function OrderTabs({ value, onChange }: { value: MyOrderTab; onChange: (tab: MyOrderTab) => void }) {
  return (
    <Tabs className="order-tabs" value={value} onChange={(next) => onChange(next as MyOrderTab)}>
      {ORDER_TABS.map((tab) => (
        <Tabs.TabPane key={tab.value} value={tab.value} title={tab.title} />
      ))}
    </Tabs>
  );
}

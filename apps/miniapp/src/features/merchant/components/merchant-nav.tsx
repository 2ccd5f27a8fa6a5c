import { Articles, Category, Order, User, Warning } from '@nutui/icons-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState, type ComponentType } from 'react';
import { ROUTES } from '../../../shared/routes';
import { getAttentionSummary } from '../api/attention';
import { MERCHANT_ROUTES } from '../routes';
import { getMerchantAccount } from '../session';
import './merchant-nav.scss';

export type MerchantTab = 'orders' | 'dashboard' | 'attention' | 'accounts' | 'audit';

interface TabDef {
  key: MerchantTab;
  text: string;
  url: string;
  Icon: ComponentType<{ size?: number | string; color?: string }>;
  ownerOnly?: boolean;
}

const TABS: TabDef[] = [
  { key: 'orders', text: '订单', url: ROUTES.merchantOrders, Icon: Order },
  { key: 'dashboard', text: '看板', url: MERCHANT_ROUTES.dashboard, Icon: Category },
  { key: 'attention', text: '待处理', url: MERCHANT_ROUTES.attention, Icon: Warning },
  { key: 'accounts', text: '账号', url: MERCHANT_ROUTES.accounts, Icon: User, ownerOnly: true },
  { key: 'audit', text: '日志', url: MERCHANT_ROUTES.auditLog, Icon: Articles, ownerOnly: true },
];

/** The tabs an account sees: staff do not get the owner's pages. */
export function tabsFor(role: string | undefined): TabDef[] {
  return TABS.filter((tab) => !tab.ownerOnly || role === 'owner');
}

/**
 * The merchant pages' own tab bar (a subpackage cannot use the app's): switching replaces the page,
 * as tabs do, and 待处理 carries the number of things waiting.
 */
export function MerchantNav({ current, waiting: known }: { current: MerchantTab; waiting?: number }) {
  const [fetched, setFetched] = useState(0);
  const role = getMerchantAccount()?.role;
  useEffect(() => {
    // The attention page knows the number itself (and keeps it current after a replay).
    if (known !== undefined) return;
    getAttentionSummary()
      .then((summary) => setFetched(summary.failedCallbacks + summary.stuckOrders))
      .catch(() => undefined);
  }, [known]);
  const waiting = known ?? fetched;
  return (
    <View className="merchant-nav">
      <View className="merchant-nav__bar">
        {tabsFor(role).map(({ key, text, url, Icon }) => {
          const active = key === current;
          return (
            <View
              key={key}
              className={`merchant-nav__item merchant-nav__item--${key}${active ? ' merchant-nav__item--active' : ''}`}
              onClick={() => (active ? undefined : void Taro.redirectTo({ url }))}
            >
              <View className="merchant-nav__icon">
                <Icon size={22} color={active ? '#07c160' : '#8a8f99'} />
                {key === 'attention' && waiting > 0 ? (
                  <Text className="merchant-nav__badge">{waiting > 99 ? '99+' : waiting}</Text>
                ) : null}
              </View>
              <Text className="merchant-nav__text">{text}</Text>
            </View>
          );
        })}
      </View>
    </View>
  );
}

import {
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  LogoutOutlined,
  MoneyCollectOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Breadcrumb, Button, Layout, Menu, Space, Spin, Tag, Typography, type MenuProps } from 'antd';
import { Suspense, type ReactNode } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { ROLE_LABELS } from '../shared/labels';
import { session } from '../api/session';

interface NavItem {
  path: string;
  label: string;
  icon?: ReactNode;
  ownerOnly: boolean;
  /** Pages of a group sit under its heading in the menu (资金). */
  group?: keyof typeof NAV_GROUPS;
}

const NAV_GROUPS = { money: { label: '资金', icon: <MoneyCollectOutlined /> } };

/** The side menu: every page, with the owner's pages only for the owner. */
export const NAV: NavItem[] = [
  { path: '/orders', label: '订单', icon: <UnorderedListOutlined />, ownerOnly: false },
  { path: '/attention', label: '待处理', icon: <AlertOutlined />, ownerOnly: false },
  { path: '/dashboard', label: '数据看板', icon: <BarChartOutlined />, ownerOnly: false },
  { path: '/money/payments', label: '支付与退款', ownerOnly: false, group: 'money' },
  { path: '/money/prices', label: '价格设置', ownerOnly: false, group: 'money' },
  { path: '/money/reconciliation', label: '对账', ownerOnly: false, group: 'money' },
  { path: '/accounts', label: '账号管理', icon: <TeamOutlined />, ownerOnly: true },
  { path: '/audit-log', label: '操作日志', icon: <AuditOutlined />, ownerOnly: true },
];

type MenuItems = NonNullable<MenuProps['items']>;

/** The menu's items: a group's pages under one heading, where its first page would be. */
function menuItems(items: NavItem[]): MenuItems {
  const entry = (item: NavItem) => ({
    key: item.path,
    icon: item.icon,
    label: <Link to={item.path}>{item.label}</Link>,
  });
  const out: MenuItems = [];
  for (const item of items) {
    if (!item.group) out.push(entry(item));
    else if (!out.some((existing) => existing?.key === item.group)) {
      const group = NAV_GROUPS[item.group];
      const children = items.filter((other) => other.group === item.group).map(entry);
      out.push({ key: item.group, icon: group.icon, label: group.label, children });
    }
  }
  return out;
}

export function ConsoleLayout() {
  const location = useLocation();
  const navigate = useNavigate();
  const merchant = session.merchant();
  if (!session.token() || !merchant)
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  const items = NAV.filter((item) => !item.ownerOnly || merchant.role === 'owner');
  const current = items.find((item) => location.pathname.startsWith(item.path));
  const logout = () => {
    session.clear();
    navigate('/login', { replace: true });
  };
  return (
    <Layout className="console-layout">
      <Layout.Sider width={184} breakpoint="lg" collapsedWidth={64} theme="dark" className="console-sider">
        <div className="console-brand">办事 · 工作台</div>
        <Menu
          theme="dark"
          mode="inline"
          className="console-menu"
          selectedKeys={current ? [current.path] : []}
          defaultOpenKeys={Object.keys(NAV_GROUPS)}
          items={menuItems(items)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="console-header">
          <Breadcrumb
            className="console-breadcrumb"
            items={[
              { title: '商家工作台' },
              ...(current?.group ? [{ title: NAV_GROUPS[current.group].label }] : []),
              ...(current ? [{ title: current.label }] : []),
            ]}
          />
          <Space className="console-account">
            <Typography.Text className="console-username">{merchant.username}</Typography.Text>
            <Tag color={merchant.role === 'owner' ? 'gold' : 'blue'} className="console-role">
              {ROLE_LABELS[merchant.role]}
            </Tag>
            <Button size="small" icon={<LogoutOutlined />} onClick={logout}>
              退出
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content className="console-content">
          <Suspense fallback={<Spin className="route-loading" />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

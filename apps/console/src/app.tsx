import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import 'dayjs/locale/zh-cn';
import { lazy, useEffect } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router-dom';
import { setUnauthorizedHandler } from './api/client';
import LoginPage from './auth/login-page';
import { ConsoleLayout } from './layout/console-layout';

// Every page but the login is its own chunk: the first load carries the layout and the page opened.
const OrdersPage = lazy(() => import('./orders/orders-page'));
const AttentionPage = lazy(() => import('./attention/attention-page'));
const DashboardPage = lazy(() => import('./dashboard/dashboard-page'));
const AccountsPage = lazy(() => import('./accounts/accounts-page'));
const AuditPage = lazy(() => import('./audit/audit-page'));
const PaymentsPage = lazy(() => import('./money/payments-page'));
const PricesPage = lazy(() => import('./money/prices-page'));
const ReconciliationPage = lazy(() => import('./money/reconciliation-page'));

const router = createBrowserRouter(
  [
    { path: '/login', element: <LoginPage /> },
    {
      path: '/',
      element: <ConsoleLayout />,
      children: [
        { index: true, element: <Navigate to="/orders" replace /> },
        { path: 'orders', element: <OrdersPage /> },
        { path: 'attention', element: <AttentionPage /> },
        { path: 'dashboard', element: <DashboardPage /> },
        { path: 'accounts', element: <AccountsPage /> },
        { path: 'audit-log', element: <AuditPage /> },
        { path: 'money/payments', element: <PaymentsPage /> },
        { path: 'money/prices', element: <PricesPage /> },
        { path: 'money/reconciliation', element: <ReconciliationPage /> },
        { path: '*', element: <Navigate to="/orders" replace /> },
      ],
    },
  ],
  { basename: '/console' },
);

export function ConsoleApp() {
  useEffect(() => setUnauthorizedHandler(() => void router.navigate('/login')), []);
  return (
    <ConfigProvider
      locale={zhCN}
      theme={{ token: { colorPrimary: '#07c160', borderRadius: 4 }, components: { Table: { cellPaddingBlockSM: 4 } } }}
    >
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  );
}

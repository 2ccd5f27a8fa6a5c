/**
 * Main package: the three tab pages and the user's order detail. Everything a single service needs lives in
 * that service's subpackage (WeChat caps every package at 2 MB); service subpackages are added here together
 * with their entry in `features/registry.ts`.
 */
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/orders/index', 'pages/me/index', 'pages/order/index', 'pages/messages/index'],
  subPackages: [
    {
      root: 'vehicles',
      pages: [
        'pages/garage/index',
        'pages/car-form/index',
        'pages/violations/index',
        'pages/confirm/index',
        'pages/order/index',
        'pages/license/index',
        'pages/ticket/index',
      ],
    },
    {
      root: 'merchant',
      pages: [
        'pages/login/index',
        'pages/orders/index',
        'pages/order-detail/index',
        'pages/attention/index',
        'pages/accounts/index',
        'pages/audit-log/index',
      ],
    },
    {
      // The dashboard alone: its chart library is bigger than the rest of the merchant pages together,
      // and the merchant package loads (orders, a detail) without it.
      root: 'merchant-dashboard',
      pages: ['pages/index/index'],
    },
    {
      root: 'id-photo',
      pages: ['pages/index/index', 'pages/shoot/index', 'pages/form/index', 'pages/order/index'],
    },
    {
      root: 'identity',
      pages: ['pages/index/index', 'pages/verify/index', 'pages/result/index', 'pages/attempt/index'],
    },
    {
      root: 'invoices',
      pages: ['pages/index/index', 'pages/detail/index', 'pages/qr/index'],
    },
    {
      root: 'inspection',
      pages: [
        'pages/index/index',
        'pages/car/index',
        'pages/materials/index',
        'pages/address/index',
        'pages/confirm/index',
        'pages/order/index',
      ],
    },
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f5f6f7',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '办事',
    navigationBarTextStyle: 'black',
    // WeChat's default; said explicitly because Taro's H5 build only draws its navigation bar (title and
    // back button) when it is set.
    navigationStyle: 'default',
  },
  tabBar: {
    color: '#8a8f99',
    selectedColor: '#07c160',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/orders/index',
        text: '订单',
        iconPath: 'assets/tabbar/orders.png',
        selectedIconPath: 'assets/tabbar/orders-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tabbar/me.png',
        selectedIconPath: 'assets/tabbar/me-active.png',
      },
    ],
  },
});

export default definePageConfig({
  navigationBarTitleText: '待处理',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
});

export default definePageConfig({
  navigationBarTitleText: '票据识别',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
});

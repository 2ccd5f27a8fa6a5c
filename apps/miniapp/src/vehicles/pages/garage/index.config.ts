export default definePageConfig({
  navigationBarTitleText: '我的车库',
  enablePullDownRefresh: true,
});

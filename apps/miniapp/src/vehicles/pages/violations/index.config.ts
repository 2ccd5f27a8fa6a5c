export default definePageConfig({
  navigationBarTitleText: '违章查询',
  enablePullDownRefresh: true,
});

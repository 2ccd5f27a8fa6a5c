export default definePageConfig({
  navigationBarTitleText: '代缴订单',
  enablePullDownRefresh: true,
});

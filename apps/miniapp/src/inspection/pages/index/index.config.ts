export default definePageConfig({
  navigationBarTitleText: '年检代办',
  enablePullDownRefresh: true,
});

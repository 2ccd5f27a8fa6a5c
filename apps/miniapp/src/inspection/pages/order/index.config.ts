export default definePageConfig({
  navigationBarTitleText: '年检进度',
  enablePullDownRefresh: true,
});

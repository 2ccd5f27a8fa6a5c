export default definePageConfig({
  navigationBarTitleText: '发票扫码',
});

export default definePageConfig({
  navigationBarTitleText: '回寄地址',
});

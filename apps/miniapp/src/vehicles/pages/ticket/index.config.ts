export default definePageConfig({
  navigationBarTitleText: '罚单报价',
});

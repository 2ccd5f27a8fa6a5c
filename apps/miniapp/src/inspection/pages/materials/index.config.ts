export default definePageConfig({
  navigationBarTitleText: '所需材料',
});

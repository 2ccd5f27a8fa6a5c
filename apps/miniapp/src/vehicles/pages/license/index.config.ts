export default definePageConfig({
  navigationBarTitleText: '扣分违章办理',
});

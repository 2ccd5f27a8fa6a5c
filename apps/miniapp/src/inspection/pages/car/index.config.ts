export default definePageConfig({
  navigationBarTitleText: '车辆信息',
});

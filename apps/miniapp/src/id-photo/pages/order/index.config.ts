export default definePageConfig({ navigationBarTitleText: '回执订单', enablePullDownRefresh: true });

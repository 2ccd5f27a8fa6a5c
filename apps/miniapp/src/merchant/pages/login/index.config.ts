export default definePageConfig({ navigationBarTitleText: '商家登录' });

import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { loginMerchant, type MerchantCredentials } from '../../../features/merchant/api/login-merchant';
import { LoginForm } from '../../../features/merchant/components/login-form';
import { hasMerchantSession, saveMerchantSession } from '../../../features/merchant/session';
import { ROUTES } from '../../../shared/routes';
import './index.scss';

export default function MerchantLoginPage() {
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    // Already signed in (the token is checked by the first list request): go straight to the orders.
    if (hasMerchantSession()) void Taro.redirectTo({ url: ROUTES.merchantOrders });
  }, []);

  const submit = async (credentials: MerchantCredentials) => {
    setSubmitting(true);
    try {
      saveMerchantSession(await loginMerchant(credentials));
      // redirectTo, so that "back" from the list does not return to the form.
      await Taro.redirectTo({ url: ROUTES.merchantOrders });
    } catch {
      // The request wrapper has shown the server's message (e.g. a wrong password).
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className="merchant-login-page">
      <View className="merchant-login-header">
        <View className="merchant-login-header__title">商家后台</View>
        <View className="merchant-login-header__sub">登录后可查看本小程序的全部订单</View>
      </View>
      <LoginForm submitting={submitting} onSubmit={(credentials) => void submit(credentials)} />
    </View>
  );
}

import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { ROUTES } from '../../../shared/routes';
import { hasMerchantSession } from '../session';

/** Merchant pages without a merchant session go to the login form instead of showing a 401 toast. */
export function useMerchantGuard(): boolean {
  const [signedIn] = useState(hasMerchantSession);
  useEffect(() => {
    if (!signedIn) void Taro.redirectTo({ url: ROUTES.merchantLogin });
  }, [signedIn]);
  return signedIn;
}

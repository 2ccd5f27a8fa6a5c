import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { showError } from '../api/request';
import type { PaymentViewDto } from '../api/types';
import { formatDateTime, formatFen } from '../format';
import { useCountdown } from './countdown';
import { payOrder } from './pay';
import { cancelPayment, syncPayment } from './payment-api';
import type { PayResult } from './types';
import './payment-panel.scss';

const UNPAID = new Set(['created', 'paying']);

const RESULT_TOAST: Record<Exclude<PayResult, 'redirected'>, string> = {
  paid: '支付成功',
  unpaid: '支付结果确认中，请稍后查看，不要重复支付',
  cancelled: '支付未完成',
};

function toast(result: PayResult): void {
  if (result === 'redirected') return;
  void Taro.showToast({ title: RESULT_TOAST[result], icon: result === 'paid' ? 'success' : 'none', duration: 2500 });
}

/**
 * The time left to pay, live; at 0 the server is asked (it closes the order when unpaid) and the
 * order is read again, so it shows closed.
 */
function PaymentDeadline(props: { expiresAt: string; orderNo: string; onChanged: () => Promise<void> }) {
  const { expiresAt, orderNo, onChanged } = props;
  const left = useCountdown(expiresAt, () => {
    void syncPayment(orderNo)
      .catch(() => undefined)
      .then(onChanged);
  });
  return (
    <View className="payment-panel__deadline">
      <Text className={`payment-panel__countdown${left.expired ? ' payment-panel__countdown--over' : ''}`}>
        {left.expired ? '支付已超时，订单正在关闭' : left.text}
      </Text>
      <Text className="payment-panel__hint">请在 {formatDateTime(expiresAt)} 前完成支付，超时订单将自动关闭</Text>
    </View>
  );
}

/**
 * An order's payment on its page: 待支付 with the amount, the time it closes and 去支付; or what was
 * paid and refunded. Back from the H5 cashier (`wechatpay_result` in the route) the server is asked
 * once, and the result shown.
 */
export function PaymentPanel({ payment, onChanged }: { payment: PaymentViewDto; onChanged: () => Promise<void> }) {
  const cashierResult = useRouter().params.wechatpay_result;
  const [paying, setPaying] = useState(false);
  const synced = useRef(false);
  const { orderNo } = payment;

  useEffect(() => {
    if (!cashierResult || synced.current) return;
    synced.current = true;
    void syncPayment(orderNo)
      .then((view) => toast(cashierResult === 'cancel' ? 'cancelled' : UNPAID.has(view.status) ? 'unpaid' : 'paid'))
      .then(onChanged)
      .catch(() => undefined);
  }, [cashierResult, orderNo, onChanged]);

  const pay = async () => {
    setPaying(true);
    try {
      toast(await payOrder(orderNo));
      await onChanged();
    } catch (error) {
      showError(error);
    } finally {
      setPaying(false);
    }
  };

  const cancel = async () => {
    const { confirm } = await Taro.showModal({ title: '取消订单', content: '取消后订单将关闭，确定取消吗？' });
    if (!confirm) return;
    try {
      await cancelPayment(orderNo);
      await onChanged();
    } catch (error) {
      showError(error);
    }
  };

  const unpaid = UNPAID.has(payment.status);
  return (
    <View className={`payment-panel${unpaid ? ' payment-panel--due' : ''}`}>
      <View className="payment-panel__line">
        <Text className="payment-panel__label">{payment.label}</Text>
        <Text className="payment-panel__amount">{formatFen(payment.amountFen)}</Text>
      </View>
      {payment.lines.length > 1
        ? payment.lines.map((line) => (
            <View key={line.label} className="payment-panel__item">
              <Text>{line.label}</Text>
              <Text>{formatFen(line.amountFen)}</Text>
            </View>
          ))
        : null}
      {unpaid ? (
        <>
          <PaymentDeadline expiresAt={payment.expiresAt} orderNo={orderNo} onChanged={onChanged} />
          <Button className="payment-panel__pay" type="primary" block loading={paying} onClick={() => void pay()}>
            去支付
          </Button>
          <View className="payment-panel__cancel" onClick={() => void cancel()}>
            取消订单
          </View>
        </>
      ) : null}
      {payment.refundedFen > 0 ? (
        <View className="payment-panel__hint">已退回 {formatFen(payment.refundedFen)}，原路退回到您的支付账户</View>
      ) : null}
    </View>
  );
}

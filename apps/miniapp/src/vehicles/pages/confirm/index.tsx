import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { vehiclesApi } from '../../../features/vehicles/api/vehicles-api';
import type { QuoteDto } from '../../../features/vehicles/api/types';
import { BottomBar } from '../../../shared/ui/bottom-bar';
import { FeeBreakdown } from '../../../features/vehicles/components/fee-breakdown';
import { PayBreakdown } from '../../../features/vehicles/components/pay-breakdown';
import { OrderPhoneCard, isMobilePhone } from '../../../features/vehicles/components/order-phone-card';
import { newIdempotencyKey } from '../../../features/vehicles/fees';
import { VEHICLE_ROUTES } from '../../../features/vehicles/routes';
import { ApiError } from '../../../shared/api/http';
import { useRequest } from '../../../shared/api/use-request';
import { formatFen } from '../../../shared/format';
import { askForUpdates, usePrepareUpdates } from '../../../shared/notify/ask-for-updates';
import { parseIdParam } from '../../../shared/routes';
import { EmptyState } from '../../../shared/ui/empty-state';
import { PageState } from '../../../shared/ui/page-state';
import './index.scss';

/** How this order is paid: here first through WeChat Pay, on the vendor's page, or by the merchant's account. */
function paymentMethod(q: QuoteDto): string {
  if (q.payFen > 0) return '微信支付（提交后在订单页支付）';
  return q.paymentMode === 'credit' ? '平台代缴（挂账）' : '在线支付';
}

function Confirm({ carId, codes }: { carId: number; codes: string[] }) {
  const quote = useRequest(`${carId}:${codes.join(',')}`, () => vehiclesApi.quote(carId, codes));
  const [submitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState<{ message: string; retry: boolean } | null>(null);
  // Asked only when the car was queried without a phone and none is saved (the vendor needs one to order).
  const [phone, setPhone] = useState('');
  const [phoneAsked, setPhoneAsked] = useState(false);
  const [phoneError, setPhoneError] = useState<string | null>(null);
  // One key for this payment: pressing again after a network failure repeats the same order, never a new one.
  const key = useRef(newIdempotencyKey());
  usePrepareUpdates('violation_payment');

  const pay = async ({ totalFen, payFen }: { totalFen: number; payFen: number }, needsPhone: boolean) => {
    if (needsPhone && !isMobilePhone(phone)) {
      setPhoneError(phone ? '请填写正确的 11 位手机号' : '请填写车主手机号');
      return;
    }
    askForUpdates('violation_payment');
    setSubmitting(true);
    setProblem(null);
    try {
      // payFen: what the user agreed to pay here (credit mode); the server refuses it if it changed.
      const amount = payFen > 0 ? { amountFen: payFen } : {};
      const input = { carId, codes, expectedTotalFen: totalFen, ...amount, ...(needsPhone ? { phone } : {}) };
      const order = await vehiclesApi.createOrder(input, key.current);
      await Taro.redirectTo({ url: VEHICLE_ROUTES.order(order.id) });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'PHONE_REQUIRED') {
        setPhoneAsked(true);
        setPhoneError(error.message);
      } else if (error instanceof ApiError && error.code === 'PRICE_CHANGED') {
        key.current = newIdempotencyKey();
        setProblem({ message: error.message, retry: false });
        await quote.reload();
      } else if (error instanceof ApiError && error.status !== 0 && error.status < 500) {
        key.current = newIdempotencyKey();
        setProblem({ message: error.message, retry: false });
      } else {
        setProblem({
          message: `${error instanceof ApiError ? error.message : '网络异常'}。可以放心重试：同一笔缴费不会重复扣款`,
          retry: true,
        });
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <PageState {...quote}>
      {(q) => (
        <View className="confirm-page with-bottom-bar">
          <View className="confirm-card">
            <View className="confirm-card__title">缴纳 {q.lines.length} 条违章</View>
            {q.lines.map((line) => (
              <View key={line.code} className="confirm-line">
                <View className="confirm-line__head">
                  <Text className="confirm-line__time">{line.time.slice(0, 16)}</Text>
                  <Text className="confirm-line__total">{formatFen(line.totalFen)}</Text>
                </View>
                <View className="confirm-line__reason">{line.reason}</View>
                <View className="confirm-line__fees">
                  罚款 {formatFen(line.fineFen)} · 服务费 {formatFen(line.serviceFeeFen)}
                  {line.markFeeFen ? ` · 代扣分费 ${formatFen(line.markFeeFen)}（${line.points}分）` : ''}
                </View>
              </View>
            ))}
          </View>
          <View className="confirm-card">
            <View className="confirm-card__title">费用明细</View>
            {q.payFen > 0 ? <PayBreakdown lines={q.payLines} amountFen={q.payFen} /> : <FeeBreakdown {...q} />}
          </View>
          <View className="confirm-card confirm-card--note">
            <View className="confirm-card__title">支付方式：{paymentMethod(q)}</View>
            <View className="confirm-note">{q.paymentNote}</View>
            <View className="confirm-note">
              罚款由服务商代为缴纳至交管部门，办理结果以交管系统为准；未能办理的部分将退款。
            </View>
          </View>
          {q.phoneNeeded || phoneAsked ? (
            <OrderPhoneCard
              value={phone}
              error={phoneError}
              onChange={(text) => {
                setPhone(text);
                setPhoneError(null);
              }}
            />
          ) : null}
          {problem ? <View className="confirm-problem">{problem.message}</View> : null}
          <BottomBar
            block="vehicles-bottom-bar"
            label={q.payFen > 0 ? '应付' : '合计'}
            totalFen={q.payFen > 0 ? q.payFen : q.totalFen}
            action={problem?.retry ? '重试提交' : q.payFen > 0 ? '提交订单' : '确认缴费'}
            loading={submitting}
            onClick={() => void pay(q, q.phoneNeeded || phoneAsked)}
          />
        </View>
      )}
    </PageState>
  );
}

export default function ConfirmPage() {
  const { params } = useRouter();
  const carId = parseIdParam(params.carId);
  const codes = decodeURIComponent(params.codes ?? '')
    .split(',')
    .filter(Boolean);
  if (carId === null || codes.length === 0) {
    return <EmptyState title="没有选择违章" description="请返回违章列表选择要缴纳的违章" />;
  }
  return <Confirm carId={carId} codes={codes} />;
}

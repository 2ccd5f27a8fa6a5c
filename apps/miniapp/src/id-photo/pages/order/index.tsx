import { Button, CellGroup } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { cancelOrder } from '../../../features/id-photo/api/id-photo-api';
import type { IdPhotoOrderDto } from '../../../features/id-photo/api/types';
import { OrderInfo } from '../../../features/id-photo/components/order-info';
import { OrderStatusCard } from '../../../features/id-photo/components/order-status-card';
import { RejectCard } from '../../../features/id-photo/components/reject-card';
import { ResultImages } from '../../../features/id-photo/components/result-images';
import { useIdPhotoOrder } from '../../../features/id-photo/hooks/use-id-photo-order';
import { ID_PHOTO_ROUTES } from '../../../features/id-photo/routes';
import { formatFen } from '../../../shared/format';
import { PaymentPanel } from '../../../shared/payment/payment-panel';
import { usePullDownReload, useReloadOnReturn } from '../../../shared/hooks/use-page-events';
import { parseIdParam } from '../../../shared/routes';
import { EmptyState } from '../../../shared/ui/empty-state';
import { OrderTimeline } from '../../../shared/ui/order-timeline';
import { PageState } from '../../../shared/ui/page-state';
import './index.scss';

function OrderView({ detail, reload }: { detail: IdPhotoOrderDto; reload: () => Promise<void> }) {
  const [cancelling, setCancelling] = useState(false);
  const { order, details, payment } = detail;

  // A paid order rejected in review may be given up instead of resubmitted: refunded in full.
  const givingUp = order.status === 'action_required';
  const cancel = async () => {
    const refund = payment?.paidFen ? `已支付的 ${formatFen(payment.paidFen)} 将全额原路退回` : '';
    const { confirm } = await Taro.showModal({
      title: givingUp ? '放弃办理' : '取消订单',
      content: givingUp
        ? `放弃后订单将关闭，${refund}。确定放弃吗？`
        : refund
          ? `审核开始前可以取消，${refund}。确定取消吗？`
          : '审核开始前可以取消，取消后不产生费用。确定取消吗？',
      confirmText: '取消订单',
      cancelText: '再想想',
    });
    if (!confirm) return;
    setCancelling(true);
    try {
      await cancelOrder(order.id);
      void Taro.showToast({ title: '订单已取消', icon: 'success' });
    } catch {
      // The request wrapper has shown the reason (e.g. review has already started).
    } finally {
      setCancelling(false);
      await reload();
    }
  };

  return (
    <View className="id-photo-order">
      <OrderStatusCard detail={detail} />
      {payment ? <PaymentPanel payment={payment} onChanged={reload} /> : null}
      {details.canResubmit ? (
        <RejectCard
          reason={details.rejectMsg ?? '照片或信息不符合要求'}
          onEdit={() => void Taro.navigateTo({ url: ID_PHOTO_ROUTES.form({ orderId: order.id }) })}
          onRetake={() => void Taro.navigateTo({ url: ID_PHOTO_ROUTES.shoot(details.spec.itemId, order.id) })}
        />
      ) : null}
      {details.filesDeleted ? (
        <View className="id-photo-order__notice">为保护隐私，照片和回执已在订单结束后按期删除</View>
      ) : (
        <ResultImages details={details} />
      )}
      <OrderInfo detail={detail} />
      <CellGroup className="id-photo-order__timeline" title="办理进度">
        <OrderTimeline events={detail.events} />
      </CellGroup>
      {details.canCancel ? (
        <View className="id-photo-order__actions">
          <Button
            className="id-photo-order__cancel"
            block
            fill="outline"
            loading={cancelling}
            onClick={() => void cancel()}
          >
            {givingUp ? '放弃办理并退款' : '取消订单'}
          </Button>
        </View>
      ) : null}
    </View>
  );
}

export default function IdPhotoOrderPage() {
  const id = parseIdParam(useRouter().params.id);
  const order = useIdPhotoOrder(id);
  usePullDownReload(order.reload);
  useReloadOnReturn(order.reload);
  if (id === null) return <EmptyState title="订单不存在" description="链接有误，请从订单列表进入" />;
  return (
    <View className="id-photo-page id-photo-order-page">
      <PageState {...order}>{(detail) => <OrderView detail={detail} reload={order.reload} />}</PageState>
    </View>
  );
}

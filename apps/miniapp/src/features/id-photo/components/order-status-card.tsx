import { Text, View } from '@tarojs/components';
import { StatusTag } from '../../../shared/ui/status-tag';
import type { IdPhotoOrderDto } from '../api/types';
import './order-status-card.scss';

export interface StatusDescription {
  title: string;
  text: string;
  /** 1-based step of 提交 → 审核 → 办理完成 (→ 寄出) the order is at; 0 for no steps (cancelled). */
  step: number;
}

/** Where the order stands, in words a person can act on. */
export function describeStatus({ order, details, payment }: IdPhotoOrderDto): StatusDescription {
  const last = details.isPrint ? 4 : 3;
  const refunded = payment && payment.refundedFen > 0 ? `，${payment.label}，原路退回` : '';
  switch (order.status) {
    case 'pending':
      if (payment && (payment.status === 'created' || payment.status === 'paying')) {
        return { title: '待支付', text: '支付完成后提交给服务商审核；超时未支付，订单将自动关闭', step: 1 };
      }
      // The vendor's answer to the submission was lost: it is kept, never sent twice blindly.
      if (details.awaitingConfirmation) {
        return {
          title: '提交结果确认中',
          text: '服务商响应超时，订单已保存。服务商开始审核时这里会自动更新，无需重新提交',
          step: 1,
        };
      }
      return {
        title: details.round > 1 ? '已重新提交，等待审核' : '已提交，等待审核',
        text: '审核开始前可以取消订单',
        step: 2,
      };
    case 'processing':
      if (details.submitting) return { title: '已支付，正在提交', text: '正在提交给服务商审核，请稍候', step: 1 };
      return details.receiptReady
        ? { title: '回执已办理完成，等待打印寄出', text: '打印好的照片寄出后，这里会显示快递单号', step: 4 }
        : { title: '审核中', text: '工作时间（9:00–18:00）约15分钟完成，完成后这里会显示回执', step: 2 };
    case 'action_required':
      return { title: '审核未通过', text: '请按下方原因修改信息或重新拍照后再次提交，不另外收费', step: 2 };
    case 'completed':
      return {
        title: details.isPrint ? '办理完成，照片已寄出' : '办理完成',
        text: '请保存回执和证件照，用于网上办事',
        step: last,
      };
    case 'cancelled':
      if (payment?.status === 'refunding') return { title: '订单已取消', text: '已支付的款项退款中', step: 0 };
      return { title: '订单已取消', text: refunded ? `订单已取消${refunded}` : '未产生费用', step: 0 };
    default:
      if (payment?.status === 'refunding') return { title: '办理失败', text: '服务商未受理，款项退款中', step: 0 };
      return { title: '办理失败', text: refunded ? `服务商未受理${refunded}` : '如有疑问请联系客服', step: 0 };
  }
}

type StepState = 'done' | 'current' | 'warn' | 'todo';

function stepState(position: number, step: number, status: string): StepState {
  if (position < step) return 'done';
  if (position > step) return 'todo';
  if (status === 'action_required') return 'warn';
  return status === 'completed' ? 'done' : 'current';
}

const MARKS: Record<StepState, (position: number) => string> = {
  done: () => '✓',
  warn: () => '!',
  current: (position) => String(position),
  todo: (position) => String(position),
};

export function OrderStatusCard({ detail }: { detail: IdPhotoOrderDto }) {
  const { title, text, step } = describeStatus(detail);
  const labels = ['提交', '审核', '办理完成', ...(detail.details.isPrint ? ['寄出'] : [])];
  const { status } = detail.order;
  return (
    <View className={`id-photo-status id-photo-status--${status}`}>
      <View className="id-photo-status__head">
        <View className="id-photo-status__title">{title}</View>
        <StatusTag status={status} />
      </View>
      <View className="id-photo-status__text">{text}</View>
      {step > 0 ? (
        <View className="id-photo-steps">
          {labels.map((label, index) => {
            const state = stepState(index + 1, step, status);
            return (
              <View key={label} className={`id-photo-steps__item id-photo-steps__item--${state}`}>
                <View className="id-photo-steps__dot">
                  <Text>{MARKS[state](index + 1)}</Text>
                </View>
                <Text className="id-photo-steps__label">{state === 'warn' ? '未通过' : label}</Text>
              </View>
            );
          })}
        </View>
      ) : null}
    </View>
  );
}

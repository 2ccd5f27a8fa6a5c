import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { ApiError, NETWORK_ERROR_MESSAGE } from '../../../shared/api/http';
import { askForUpdates, usePrepareUpdates } from '../../../shared/notify/ask-for-updates';
import { createOrder, remakePhoto, resubmitOrder } from '../api/id-photo-api';
import { FieldsError } from '../api/send';
import type { IdPhotoOrderDto, PrintAddress } from '../api/types';

export interface OrderSubmission {
  /** Resubmitting this order; a new order when absent. */
  orderId?: number;
  photoId: number;
  color: string;
  param: Record<string, string>;
  print?: PrintAddress;
  /** On a resubmission: whether the photo is a new one (then photoId and color are sent). */
  newPhoto?: boolean;
  /** A new order: the total the user confirmed (sent when above 0). */
  amountFen?: number;
}

/** Asks whether to make the expired photo again; the upload is kept, so nothing has to be chosen again. */
async function confirmRemake(): Promise<boolean> {
  const { confirm } = await Taro.showModal({
    title: '照片已过期，请重新生成',
    content: '制作好的证件照有效期为50分钟，已经过期。重新生成无需重新上传照片，完成后将自动提交。',
    confirmText: '重新生成',
    cancelText: '稍后再说',
  });
  return confirm;
}

function send(input: OrderSubmission): Promise<IdPhotoOrderDto> {
  if (input.orderId === undefined) {
    return createOrder({
      photoId: input.photoId,
      color: input.color,
      param: input.param,
      agreePrivacy: true,
      ...(input.print ? { print: input.print } : {}),
      ...(input.amountFen ? { amountFen: input.amountFen } : {}),
    });
  }
  return resubmitOrder(input.orderId, {
    ...(input.newPhoto ? { photoId: input.photoId } : {}),
    color: input.color,
    param: input.param,
    ...(input.print ? { print: input.print } : {}),
  });
}

/**
 * Sends the order. Field problems come back to the form; an expired photo is made again (after asking)
 * and the order sent once more; anything else is shown as the server worded it.
 */
export function useSubmitOrder(onDone: (order: IdPhotoOrderDto) => void) {
  const [submitting, setSubmitting] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  usePrepareUpdates('id_photo');

  const submit = useCallback(
    async (input: OrderSubmission) => {
      askForUpdates('id_photo');
      setSubmitting(true);
      setFieldErrors({});
      try {
        try {
          onDone(await send(input));
        } catch (error) {
          if (!(error instanceof ApiError) || error.code !== 'PHOTO_EXPIRED') throw error;
          if (!(await confirmRemake())) return;
          void Taro.showLoading({ title: '正在重新生成…', mask: true });
          try {
            await remakePhoto(input.photoId);
          } finally {
            void Taro.hideLoading();
          }
          onDone(await send(input));
        }
      } catch (error) {
        if (error instanceof FieldsError && Object.keys(error.fields).length > 0) setFieldErrors(error.fields);
        const message = error instanceof ApiError ? error.message : NETWORK_ERROR_MESSAGE;
        void Taro.showToast({ title: message, icon: 'none', duration: 3000 });
      } finally {
        setSubmitting(false);
      }
    },
    [onDone],
  );

  return { submit, submitting, fieldErrors, setFieldErrors };
}

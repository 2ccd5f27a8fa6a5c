import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback } from 'react';
import { getOrder, getPhoto } from '../../../features/id-photo/api/id-photo-api';
import type { IdPhotoOrderDto, PhotoSessionDto, SpecDto } from '../../../features/id-photo/api/types';
import { OrderForm } from '../../../features/id-photo/components/order-form';
import { loadSpec } from '../../../features/id-photo/hooks/use-specs';
import { ID_PHOTO_ROUTES } from '../../../features/id-photo/routes';
import { useRequest } from '../../../shared/api/use-request';
import { parseIdParam } from '../../../shared/routes';
import { EmptyState } from '../../../shared/ui/empty-state';
import { PageState } from '../../../shared/ui/page-state';

interface FormData {
  spec: SpecDto;
  photo: PhotoSessionDto;
  color: string;
  order?: IdPhotoOrderDto;
}

/** A new order from `photoId`, or (with `orderId`) a rejected order sent again, with a new photo or not. */
async function loadForm(photoId: number | null, orderId: number | null, color: string | undefined): Promise<FormData> {
  const order = orderId !== null ? await getOrder(orderId) : undefined;
  const photo = await getPhoto(photoId ?? (order as IdPhotoOrderDto).details.photoId);
  const spec = await loadSpec(photo.itemId);
  return { spec, photo, order, color: color ?? order?.details.color ?? photo.previews[0]?.color ?? 'white' };
}

export default function IdPhotoFormPage() {
  const { params } = useRouter();
  const photoId = parseIdParam(params.photoId);
  const orderId = parseIdParam(params.orderId);
  const color = params.color ? decodeURIComponent(params.color) : undefined;
  const key = photoId === null && orderId === null ? null : `${photoId}:${orderId}:${color}`;
  const form = useRequest(key, () => loadForm(photoId, orderId, color));
  const done = useCallback((order: IdPhotoOrderDto) => {
    void Taro.redirectTo({ url: ID_PHOTO_ROUTES.order(order.order.id) });
  }, []);

  if (key === null) return <EmptyState title="请先拍摄证件照" description="链接有误，请从证件照首页进入" />;
  return (
    <View className="id-photo-page id-photo-form-page">
      <PageState {...form}>
        {(data) => (
          <OrderForm spec={data.spec} photo={data.photo} color={data.color} resubmitting={data.order} onDone={done} />
        )}
      </PageState>
    </View>
  );
}

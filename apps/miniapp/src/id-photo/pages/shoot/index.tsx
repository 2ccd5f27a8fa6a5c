import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { PhotoStep } from '../../../features/id-photo/components/photo-step';
import { useSpec } from '../../../features/id-photo/hooks/use-specs';
import { ID_PHOTO_ROUTES } from '../../../features/id-photo/routes';
import { parseIdParam } from '../../../shared/routes';
import { EmptyState } from '../../../shared/ui/empty-state';
import { PageState } from '../../../shared/ui/page-state';

export default function IdPhotoShootPage() {
  const { params } = useRouter();
  const itemId = parseIdParam(params.itemId);
  // Set when a rejected order gets a new photo.
  const orderId = parseIdParam(params.orderId) ?? undefined;
  const spec = useSpec(itemId);
  if (itemId === null) return <EmptyState title="请先选择证件规格" description="链接有误，请从证件照首页进入" />;
  return (
    <View className="id-photo-page id-photo-shoot-page">
      <PageState {...spec}>
        {(data) => (
          <PhotoStep
            spec={data}
            onNext={(photo, color) =>
              void Taro.navigateTo({ url: ID_PHOTO_ROUTES.form({ photoId: photo.id, color, orderId }) })
            }
          />
        )}
      </PageState>
    </View>
  );
}

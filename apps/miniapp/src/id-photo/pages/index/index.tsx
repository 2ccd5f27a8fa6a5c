import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { SpecPicker } from '../../../features/id-photo/components/spec-picker';
import { useSpecs } from '../../../features/id-photo/hooks/use-specs';
import { ID_PHOTO_ROUTES } from '../../../features/id-photo/routes';
import { PageState } from '../../../shared/ui/page-state';
import './index.scss';

export default function IdPhotoSpecsPage() {
  const specs = useSpecs();
  return (
    <View className="id-photo-page id-photo-specs-page">
      <View className="id-photo-hero">
        <View className="id-photo-hero__title">证件照 + 官方回执</View>
        <View className="id-photo-hero__sub">按官方规格制作，尺寸、像素、DPI 与文件大小一次合规；可打印邮寄</View>
        <View className="id-photo-hero__steps">选规格 → 拍照 → 填信息 → 等审核 → 取回执</View>
      </View>
      <PageState {...specs}>
        {(data) => (
          <SpecPicker
            data={data}
            onPick={(spec) => void Taro.navigateTo({ url: ID_PHOTO_ROUTES.shoot(spec.itemId) })}
          />
        )}
      </PageState>
    </View>
  );
}

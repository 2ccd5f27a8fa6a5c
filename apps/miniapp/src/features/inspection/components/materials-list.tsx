import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MaterialDto } from '../api/types';
import './materials-list.scss';

/** The papers to hand the courier, each with the vendor's hints and, when it has one, a sample picture. */
export function MaterialsList({ materials }: { materials: MaterialDto[] }) {
  const samples = materials.map((m) => m.sampleUrl).filter((url): url is string => url !== null);
  const preview = (url: string) => void Taro.previewImage({ current: url, urls: samples }).catch(() => undefined);
  return (
    <View className="materials-list">
      {materials.map((material, index) => (
        <View key={material.text} className="material-item">
          <View className="material-item__head">
            <Text className="material-item__index">{index + 1}</Text>
            <Text className="material-item__text">{material.text}</Text>
          </View>
          {material.hints.length > 0 ? (
            <View className="material-item__hints">
              {material.hints.map((hint) => (
                <View key={hint} className="material-item__hint">
                  · {hint}
                </View>
              ))}
            </View>
          ) : null}
          {material.sampleUrl ? (
            <View className="material-item__sample" onClick={() => preview(material.sampleUrl as string)}>
              <Image className="material-item__image" src={material.sampleUrl} mode="aspectFit" lazyLoad />
              <Text className="material-item__sample-label">示例图，点击查看大图</Text>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}

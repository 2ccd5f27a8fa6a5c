import { Button } from '@nutui/nutui-react-taro';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { API_BASE_URL } from '../../../shared/api/base-url';
import type { IdPhotoDetails } from '../api/types';
import { SAVE_IMAGE_LABEL, saveImage } from '../platform/save-image';
import { SaveImageError } from '../platform/save-image.types';
import './result-images.scss';

interface ResultItem {
  key: string;
  title: string;
  url: string;
  fileName: string;
}

function resultsOf(details: IdPhotoDetails): ResultItem[] {
  const items: (ResultItem | null)[] = [
    details.receiptUrl
      ? { key: 'receipt', title: '电子回执', url: details.receiptUrl, fileName: `${details.spec.name}-回执.jpg` }
      : null,
    details.photoUrl
      ? { key: 'photo', title: '证件照', url: details.photoUrl, fileName: `${details.spec.name}-证件照.jpg` }
      : null,
    details.printUrl
      ? { key: 'print', title: '排版照（冲印用）', url: details.printUrl, fileName: `${details.spec.name}-排版照.jpg` }
      : null,
  ];
  return items.filter((item): item is ResultItem => item !== null);
}

async function save(item: ResultItem): Promise<void> {
  try {
    const message = await saveImage(item.url, item.fileName);
    void Taro.showToast({ title: message, icon: 'success' });
  } catch (error) {
    const title = error instanceof SaveImageError ? error.message : '保存失败，请重试';
    void Taro.showToast({ title, icon: 'none' });
  }
}

/** The finished receipt and photo, each with a save button (album in WeChat, download in a browser). */
export function ResultImages({ details }: { details: IdPhotoDetails }) {
  const items = resultsOf(details);
  if (items.length === 0) return null;
  return (
    <View className="id-photo-results">
      <View className="id-photo-results__title">办理结果</View>
      <View className="id-photo-results__grid">
        {items.map((item) => (
          <View key={item.key} className={`id-photo-result id-photo-result--${item.key}`}>
            <Image
              className="id-photo-result__image"
              src={`${API_BASE_URL}${item.url}`}
              mode="aspectFit"
              onClick={() => void Taro.previewImage({ urls: [`${API_BASE_URL}${item.url}`] })}
            />
            <Text className="id-photo-result__name">{item.title}</Text>
            <Button className="id-photo-result__save" size="small" fill="outline" onClick={() => void save(item)}>
              {SAVE_IMAGE_LABEL}
            </Button>
          </View>
        ))}
      </View>
      {details.deleteAfter ? (
        <View className="id-photo-results__retention">
          为保护隐私，照片和回执将于 {details.deleteAfter.slice(0, 10)} 自动删除，请及时保存
        </View>
      ) : null}
    </View>
  );
}

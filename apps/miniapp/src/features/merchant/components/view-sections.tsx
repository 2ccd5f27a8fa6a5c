import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ViewFieldDto, ViewSectionDto } from '../api/types';
import './view-sections.scss';

function openFile(url: string) {
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank', 'noopener');
    return;
  }
  // In WeChat a file opens through a download; a link the merchant can paste elsewhere is the fallback.
  void Taro.setClipboardData({ data: url });
}

function FieldValue({ field }: { field: ViewFieldDto }) {
  const url = field.url;
  if (field.type === 'image' && url) {
    return (
      <Image
        className="view-field__image"
        src={url}
        mode="aspectFill"
        onClick={() => void Taro.previewImage({ urls: [url], current: url })}
      />
    );
  }
  if (field.type === 'link' && url) {
    return (
      <Text className="view-field__link" onClick={() => openFile(url)}>
        {field.value}
      </Text>
    );
  }
  return <Text className={`view-field__value view-field__value--${field.tone ?? 'normal'}`}>{field.value}</Text>;
}

/**
 * The server's sections as they come: a title and labelled values, nothing interpreted here, so this
 * page and the desk console cannot drift apart and no service's raw fields reach the screen.
 */
export function ViewSections({ sections }: { sections: ViewSectionDto[] }) {
  return (
    <View className="view-sections">
      {sections.map((section) => (
        <CellGroup
          key={section.key}
          className={`view-section view-section--${section.key.replace(/\./g, '-')}`}
          title={section.title}
        >
          {section.fields.map((field, index) => (
            <Cell
              key={`${field.label}-${index}`}
              className="view-field"
              title={<Text className="view-field__label">{field.label}</Text>}
              extra={<FieldValue field={field} />}
            />
          ))}
        </CellGroup>
      ))}
    </View>
  );
}

import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { DetailNode } from './kind-details-format';
import './kind-details.scss';

function Row({ item, depth }: { item: DetailNode; depth: number }) {
  if (item.type === 'group') {
    return (
      <View className={`kind-detail-group kind-detail-group--depth-${depth}`}>
        <Text className="kind-detail-group__label">{item.label}</Text>
        <View className="kind-detail-group__children">
          {item.children.map((child, index) => (
            <Row key={`${child.label}-${index}`} item={child} depth={depth + 1} />
          ))}
        </View>
      </View>
    );
  }
  return (
    <View className="kind-detail">
      <Text className="kind-detail__label">{item.label}</Text>
      {item.type === 'image' ? (
        <Image
          className="kind-detail__thumb"
          src={item.url}
          mode="aspectFill"
          onClick={() => void Taro.previewImage({ urls: [item.url], current: item.url })}
        />
      ) : (
        <Text className="kind-detail__value">{item.value}</Text>
      )}
    </View>
  );
}

/** A service's details of an order, whatever their shape, as a label/value list with sub-lists and thumbnails. */
export function KindDetails({ nodes }: { nodes: DetailNode[] }) {
  if (nodes.length === 0) return <View className="kind-details kind-details--empty">没有更多详情</View>;
  return (
    <View className="kind-details">
      {nodes.map((item, index) => (
        <Row key={`${item.label}-${index}`} item={item} depth={0} />
      ))}
    </View>
  );
}
